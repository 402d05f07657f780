//===- AdminCommand.cpp - Recognising admin commands in shell code --------===//
#include "lib/Model/AdminCommand.h"
#include "lib/Model/RepoModel.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"
#include <yaml-cpp/yaml.h>

using namespace llvm;

namespace adminlint {

namespace {
/// One embedded data file: its key and its text.
struct EmbeddedFile {
  const char *Key;
  const char *Text;
};
} // namespace

static const EmbeddedFile EmbeddedVocabulary[] = {
#include "AdminCommands.inc"
    {"", ""}};

/// How deep sh -c bodies and package scripts are followed.
static constexpr unsigned MaxNesting = 8;

StringRef categoryName(AdminCategory C) {
  switch (C) {
  case AdminCategory::Migration:
    return "migration";
  case AdminCategory::DataTask:
    return "data-task";
  case AdminCategory::Console:
    return "console";
  case AdminCategory::BuildStep:
    return "build-step";
  }
  return "migration";
}

std::string AdminMatch::describe() const {
  StringRef Noun = Category == AdminCategory::DataTask ? "data task"
                   : Category == AdminCategory::BuildStep
                       ? "build step"
                       : categoryName(Category);
  std::string Out = (Noun + " '" + Text + "'").str();
  if (!PackageScript.empty())
    Out += " (package.json script '" + PackageScript + "': " + PackageCommand +
           ")";
  return Out;
}

static Optional<AdminCategory> parseCategory(StringRef S) {
  return StringSwitch<Optional<AdminCategory>>(S)
      .Case("migration", AdminCategory::Migration)
      .Case("data-task", AdminCategory::DataTask)
      .Case("console", AdminCategory::Console)
      .Case("build-step", AdminCategory::BuildStep)
      .Default(None);
}

//===----------------------------------------------------------------------===//
// Small string helpers
//===----------------------------------------------------------------------===//

/// `*` matches any run of characters; everything else matches itself.
static bool globMatch(StringRef Pattern, StringRef Text) {
  size_t P = 0, T = 0, StarP = StringRef::npos, StarT = 0;
  while (T < Text.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      StarP = P++;
      StarT = T;
      continue;
    }
    if (P < Pattern.size() && Pattern[P] == Text[T]) {
      ++P;
      ++T;
      continue;
    }
    if (StarP == StringRef::npos)
      return false;
    P = StarP + 1;
    T = ++StarT;
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

static StringRef baseName(StringRef Path) {
  Path = Path.rtrim('/');
  size_t Slash = Path.rfind('/');
  return Slash == StringRef::npos ? Path : Path.substr(Slash + 1);
}

static StringRef stem(StringRef Path) {
  StringRef Base = baseName(Path);
  size_t Dot = Base.rfind('.');
  return Dot == 0 || Dot == StringRef::npos ? Base : Base.substr(0, Dot);
}

static bool isOption(StringRef W) { return W.size() > 1 && W[0] == '-'; }

static bool hasScriptExtension(StringRef Path) {
  StringRef Base = baseName(Path);
  size_t Dot = Base.rfind('.');
  if (Dot == StringRef::npos || Dot == 0)
    return false;
  return StringSwitch<bool>(Base.substr(Dot + 1))
      .Cases("py", "sh", "bash", "rb", "js", "mjs", "cjs", "ts", true)
      .Cases("php", "pl", "exs", "sql", true)
      .Default(false);
}

static bool isAssignment(StringRef W) {
  size_t Eq = W.find('=');
  if (Eq == 0 || Eq == StringRef::npos)
    return false;
  return llvm::all_of(W.substr(0, Eq),
                      [](char C) { return isAlnum(C) || C == '_'; });
}

//===----------------------------------------------------------------------===//
// Vocabulary
//===----------------------------------------------------------------------===//

static std::vector<std::string> splitWords(StringRef S) {
  SmallVector<StringRef, 8> Parts;
  S.split(Parts, ' ', -1, false);
  std::vector<std::string> Out;
  for (StringRef P : Parts)
    Out.push_back(P.str());
  return Out;
}

static Error vocabError(const YAML::Node &N, const Twine &Msg) {
  const YAML::Mark M = N.Mark();
  return createStringError(inconvertibleErrorCode(), Twine(M.line + 1) + ":" +
                                                         Twine(M.column + 1) +
                                                         ": " + Msg);
}

static Expected<AdminCategory> categoryOf(const YAML::Node &Group) {
  YAML::Node C = Group["category"];
  if (!C || !C.IsScalar())
    return vocabError(Group, "entry has no category");
  if (Optional<AdminCategory> Cat = parseCategory(C.Scalar()))
    return *Cat;
  return vocabError(C, "unknown category '" + C.Scalar() +
                           "' (migration, data-task, console, build-step)");
}

static Error parseCommandGroup(const YAML::Node &Group,
                               std::vector<AdminVocabularyEntry> &Out) {
  if (!Group.IsMap())
    return vocabError(Group, "a commands entry must be a mapping");
  Expected<AdminCategory> Cat = categoryOf(Group);
  if (!Cat)
    return Cat.takeError();
  std::string Framework;
  if (YAML::Node F = Group["framework"])
    Framework = F.as<std::string>();
  YAML::Node Match = Group["match"];
  if (!Match || !Match.IsSequence())
    return vocabError(Group, "entry has no match list");
  for (const YAML::Node &Pattern : Match) {
    AdminVocabularyEntry E;
    E.Framework = Framework;
    E.Category = *Cat;
    E.Words = splitWords(Pattern.as<std::string>());
    if (E.Words.empty())
      return vocabError(Pattern, "empty match pattern");
    Out.push_back(std::move(E));
  }
  return Error::success();
}

static Error parseScriptName(const YAML::Node &Item,
                             std::vector<AdminVocabularyEntry> &Out) {
  if (!Item.IsMap() || !Item["pattern"])
    return vocabError(Item, "a script-names entry needs a pattern");
  Expected<AdminCategory> Cat = categoryOf(Item);
  if (!Cat)
    return Cat.takeError();
  AdminVocabularyEntry E;
  E.Framework = "script";
  E.Category = *Cat;
  E.Words.push_back(StringRef(Item["pattern"].as<std::string>()).lower());
  E.ScriptName = true;
  Out.push_back(std::move(E));
  return Error::success();
}

static Error parseVocabularyNode(const YAML::Node &Root,
                                 std::vector<AdminVocabularyEntry> &Out) {
  if (!Root || Root.IsNull())
    return Error::success();
  if (Root.IsSequence()) {
    // A bare list of command groups (the config's `admin-commands:` value).
    for (const YAML::Node &Group : Root)
      if (Error E = parseCommandGroup(Group, Out))
        return E;
    return Error::success();
  }
  if (!Root.IsMap())
    return vocabError(Root, "the vocabulary must be a mapping");
  if (YAML::Node Commands = Root["commands"]) {
    if (!Commands.IsSequence())
      return vocabError(Commands, "commands must be a list");
    for (const YAML::Node &Group : Commands)
      if (Error E = parseCommandGroup(Group, Out))
        return E;
  }
  if (YAML::Node Names = Root["script-names"]) {
    if (!Names.IsSequence())
      return vocabError(Names, "script-names must be a list");
    for (const YAML::Node &Item : Names)
      if (Error E = parseScriptName(Item, Out))
        return E;
  }
  return Error::success();
}

Expected<std::vector<AdminVocabularyEntry>>
AdminMatcher::parseVocabulary(StringRef Yaml) {
  std::vector<AdminVocabularyEntry> Out;
  try {
    YAML::Node Root = YAML::Load(Yaml.str());
    if (Error E = parseVocabularyNode(Root, Out))
      return E;
  } catch (const YAML::Exception &Ex) {
    return createStringError(inconvertibleErrorCode(),
                             Twine(Ex.mark.line + 1) + ":" +
                                 Twine(Ex.mark.column + 1) + ": " + Ex.msg);
  }
  return Out;
}

AdminMatcher::AdminMatcher(std::vector<AdminVocabularyEntry> Entries,
                           PackageScripts Packages)
    : AdminMatcher(std::move(Entries)) {
  this->Packages = std::move(Packages);
}

AdminMatcher::AdminMatcher(std::vector<AdminVocabularyEntry> Entries)
    : Entries(std::move(Entries)) {
  for (unsigned I = 0, N = this->Entries.size(); I != N; ++I) {
    const AdminVocabularyEntry &E = this->Entries[I];
    if (E.ScriptName)
      ScriptNames.push_back(I);
    else if (E.Words.front() == "*")
      AnyProgram.push_back(I);
    else
      ByProgram[E.Words.front()].push_back(I);
  }
}

static std::vector<AdminVocabularyEntry> loadBuiltin() {
  for (const EmbeddedFile &F : EmbeddedVocabulary) {
    if (StringRef(F.Key) != "admin")
      continue;
    Expected<std::vector<AdminVocabularyEntry>> Entries =
        AdminMatcher::parseVocabulary(F.Text);
    if (Entries)
      return std::move(*Entries);
    consumeError(Entries.takeError());
  }
  return {};
}

const AdminMatcher &AdminMatcher::builtin() {
  static const AdminMatcher Builtin(loadBuiltin());
  return Builtin;
}

Optional<AdminCategory> AdminMatcher::scriptCategory(StringRef Path) const {
  std::string Name = stem(Path).lower();
  if (Name.empty())
    return None;
  for (unsigned I : ScriptNames)
    if (globMatch(Entries[I].Words.front(), Name))
      return Entries[I].Category;
  return None;
}

bool AdminMatcher::isAdminScriptName(StringRef Path) {
  return builtin().scriptCategory(Path).hasValue();
}

bool isGenericBaseImage(StringRef Image) {
  Image = Image.split('@').first;
  for (StringRef Prefix : {"docker.io/library/", "index.docker.io/library/",
                           "docker.io/", "library/"})
    Image.consume_front(Prefix);
  if (Image.startswith("mcr.microsoft.com/dotnet/"))
    return true;
  StringRef Name = Image.split(':').first;
  if (Name.contains('/'))
    return Name.startswith("bitnami/") &&
           isDatabaseImage(Name.substr(strlen("bitnami/")));
  return StringSwitch<bool>(Name)
      .Cases("python", "pypy", "node", "ruby", "golang", "php", "perl", true)
      .Cases("openjdk", "eclipse-temurin", "amazoncorretto", "maven", true)
      .Cases("gradle", "elixir", "erlang", "rust", "swift", true)
      .Cases("alpine", "ubuntu", "debian", "busybox", "centos", true)
      .Cases("fedora", "amazonlinux", "bash", "buildpack-deps", true)
      .Default(isDatabaseImage(Name));
}

bool isDatabaseImage(StringRef Image) {
  StringRef Name = Image.split('@').first.split(':').first;
  Name = baseName(Name);
  return StringSwitch<bool>(Name)
      .Cases("postgres", "postgresql", "mysql", "mariadb", "mongo", true)
      .Cases("mongodb", "redis", "mssql", "cassandra", true)
      .Default(false);
}

//===----------------------------------------------------------------------===//
// One-off runs: docker run, kubectl exec, heroku run, ...
//===----------------------------------------------------------------------===//

namespace {
/// Walks the options of a CLI invocation.
class ArgCursor {
public:
  ArgCursor(ArrayRef<shell::Word> Words, size_t I) : Words(Words), I(I) {}

  bool done() const { return I >= Words.size(); }
  size_t index() const { return I; }
  StringRef peek() const { return done() ? StringRef() : Words[I].value(); }
  void next() { ++I; }
  /// Skips options; TakesValue says whether an option without `=` takes the
  /// next word. Stops at `--` (consumed) or the first non-option word.
  template <typename Fn> void skipOptions(Fn TakesValue) {
    while (!done() && isOption(peek())) {
      StringRef Opt = peek();
      next();
      if (Opt == "--")
        return;
      if (!Opt.contains('=') && TakesValue(Opt) && !done())
        next();
    }
  }

private:
  ArrayRef<shell::Word> Words;
  size_t I;
};
} // namespace

/// Docker's boolean flags; every other option takes a value.
static bool dockerTakesValue(StringRef Opt) {
  if (Opt.size() > 1 && Opt[1] != '-')
    return Opt.substr(1).find_first_not_of("itdPqT") != StringRef::npos;
  return !StringSwitch<bool>(Opt)
              .Cases("--rm", "--detach", "--interactive", "--tty", "--init",
                     true)
              .Cases("--privileged", "--read-only", "--publish-all", true)
              .Cases("--no-deps", "--service-ports", "--use-aliases", true)
              .Cases("--build", "--remove-orphans", "--quiet-pull", true)
              .Cases("--no-healthcheck", "--sig-proxy", "--quiet", true)
              .Cases("--no-TTY", "--oom-kill-disable", true)
              .Default(false);
}

static bool mountsWorkdir(StringRef Value) {
  StringRef Source = Value.split(':').first;
  if (Value.startswith("type="))
    Source = Value.split("source=").second.split(',').first;
  return Source == "." || Source.startswith("./") ||
         Source.startswith("$PWD") || Source.startswith("${PWD}") ||
         Source.startswith("$(pwd)") || Source.startswith("`pwd`");
}

static bool scanMounts(ArrayRef<shell::Word> Words, size_t Begin, size_t End) {
  for (size_t I = Begin; I < End; ++I) {
    StringRef W = Words[I].value();
    StringRef Value;
    if (W == "-v" || W == "--volume" || W == "--mount")
      Value = I + 1 < End ? Words[I + 1].value() : StringRef();
    else if (W.startswith("--volume=") || W.startswith("--mount="))
      Value = W.split('=').second;
    else if (W.startswith("-v") && W.size() > 2)
      Value = W.substr(2);
    if (!Value.empty() && mountsWorkdir(Value))
      return true;
  }
  return false;
}

static Optional<OneOffRun> parseDocker(ArrayRef<shell::Word> W, size_t Tool) {
  ArgCursor A(W, Tool + 1);
  bool Compose = baseName(W[Tool].value()) == "docker-compose";
  A.skipOptions(dockerTakesValue);
  if (!Compose && A.peek() == "compose") {
    Compose = true;
    A.next();
    A.skipOptions(dockerTakesValue);
  }
  if (!Compose && A.peek() == "container") {
    A.next();
  }
  StringRef Sub = A.peek();
  if (Sub != "run" && Sub != "exec")
    return None;
  A.next();
  size_t OptBegin = A.index();
  A.skipOptions(dockerTakesValue);
  if (A.done())
    return None;
  OneOffRun R;
  R.Kind = (Twine(Compose ? "docker compose " : "docker ") + Sub).str();
  R.Begin = Tool;
  R.MountsWorkdir = scanMounts(W, OptBegin, A.index());
  if (!Compose && Sub == "run") {
    R.Image = W[A.index()].value().str();
    R.ImageRange = W[A.index()].Range;
  }
  R.CommandBegin = A.index() + 1;
  return R;
}

static bool kubectlTakesValue(StringRef Opt) {
  return !StringSwitch<bool>(Opt)
              .Cases("-i", "-t", "-it", "-ti", "--stdin", "--tty", "--rm", true)
              .Cases("--command", "--attach", "-q", "--quiet", true)
              .Default(false);
}

static size_t afterDashDash(ArrayRef<shell::Word> W, size_t From) {
  for (size_t I = From; I < W.size(); ++I)
    if (W[I].value() == "--")
      return I + 1;
  return StringRef::npos;
}

static void setKubectlImage(ArrayRef<shell::Word> W, size_t From, size_t End,
                            OneOffRun &R) {
  for (size_t I = From; I < End; ++I) {
    const shell::Word &Word = W[I];
    StringRef V = Word.value();
    if (V.startswith("--image=")) {
      R.Image = V.substr(strlen("--image=")).str();
      R.ImageRange = Word.Text.toHost(strlen("--image="), V.size());
      return;
    }
    if (V == "--image" && I + 1 < End) {
      R.Image = W[I + 1].value().str();
      R.ImageRange = W[I + 1].Range;
      return;
    }
  }
}

static Optional<OneOffRun> parseKubectl(ArrayRef<shell::Word> W, size_t Tool) {
  ArgCursor A(W, Tool + 1);
  A.skipOptions(kubectlTakesValue);
  StringRef Sub = A.peek();
  OneOffRun R;
  R.Begin = Tool;
  if (Sub == "create" && A.index() + 1 < W.size() &&
      W[A.index() + 1].value() == "job")
    Sub = "create job";
  if (Sub != "run" && Sub != "exec" && Sub != "create job")
    return None;
  R.Kind = ("kubectl " + Sub).str();
  size_t Dash = afterDashDash(W, A.index());
  size_t End = Dash == StringRef::npos ? W.size() : Dash - 1;
  setKubectlImage(W, A.index(), End, R);
  if (Dash != StringRef::npos) {
    R.CommandBegin = Dash;
    return R;
  }
  // Old syntax `kubectl exec POD cmd...`: the command follows the pod.
  A.next();
  A.skipOptions(kubectlTakesValue);
  A.next();
  A.skipOptions(kubectlTakesValue);
  R.CommandBegin = Sub == "exec" ? std::min(A.index(), W.size()) : W.size();
  return R;
}

static Optional<OneOffRun> parseHeroku(ArrayRef<shell::Word> W, size_t Tool) {
  ArgCursor A(W, Tool + 1);
  if (!A.peek().startswith("run"))
    return None;
  A.next();
  A.skipOptions([](StringRef Opt) {
    return !StringSwitch<bool>(Opt)
                .Cases("-x", "--exit-code", "--no-tty", "--no-notify", true)
                .Default(false);
  });
  OneOffRun R;
  R.Kind = "heroku run";
  R.Begin = Tool;
  R.CommandBegin = A.index();
  return R;
}

static Optional<OneOffRun> parseKamal(ArrayRef<shell::Word> W, size_t Tool) {
  if (Tool + 2 >= W.size() || W[Tool + 1].value() != "app" ||
      W[Tool + 2].value() != "exec")
    return None;
  ArgCursor A(W, Tool + 3);
  A.skipOptions([](StringRef Opt) {
    return !StringSwitch<bool>(Opt)
                .Cases("-i", "--interactive", "--reuse", "--primary", true)
                .Default(false);
  });
  OneOffRun R;
  R.Kind = "kamal app exec";
  R.Begin = Tool;
  R.CommandBegin = A.index();
  return R;
}

static Optional<OneOffRun> parseFly(ArrayRef<shell::Word> W, size_t Tool) {
  if (Tool + 2 >= W.size() || W[Tool + 1].value() != "ssh" ||
      W[Tool + 2].value() != "console")
    return None;
  for (size_t I = Tool + 3; I < W.size(); ++I) {
    StringRef V = W[I].value();
    if ((V == "-C" || V == "--command") && I + 1 < W.size()) {
      OneOffRun R;
      R.Kind = "fly ssh console";
      R.Begin = Tool;
      R.CommandBegin = I + 1;
      return R;
    }
  }
  return None;
}

Optional<OneOffRun> parseOneOff(ArrayRef<shell::Word> Words, size_t I) {
  if (I >= Words.size())
    return None;
  StringRef Tool = baseName(Words[I].value());
  Optional<OneOffRun> R;
  if (Tool == "docker" || Tool == "docker-compose" || Tool == "podman")
    R = parseDocker(Words, I);
  else if (Tool == "kubectl" || Tool == "oc")
    R = parseKubectl(Words, I);
  else if (Tool == "heroku")
    R = parseHeroku(Words, I);
  else if (Tool == "kamal")
    R = parseKamal(Words, I);
  else if (Tool == "fly" || Tool == "flyctl")
    R = parseFly(Words, I);
  if (R)
    R->CommandBegin = std::min(R->CommandBegin, Words.size());
  return R;
}

Optional<OneOffRun> findOneOff(const shell::Command &C) {
  for (size_t I = 0; I < C.Words.size(); ++I)
    if (Optional<OneOffRun> Run = parseOneOff(C.Words, I))
      return Run;
  return None;
}

//===----------------------------------------------------------------------===//
// Nested shell code
//===----------------------------------------------------------------------===//

/// The index of the body of `sh -c BODY` when Words[I] is a shell with -c.
static Optional<size_t> shellCBody(ArrayRef<shell::Word> W, size_t I) {
  for (size_t J = I + 1; J < W.size(); ++J) {
    StringRef V = W[J].value();
    if (!isOption(V) && !V.startswith("+"))
      return None;
    if (V == "-o" || V == "+o" || V == "-O" || V == "+O") {
      ++J;
      continue;
    }
    if (!V.startswith("--") && V.contains('c'))
      return J + 1 < W.size() ? Optional<size_t>(J + 1) : None;
  }
  return None;
}

static bool isShellProgram(StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases("sh", "bash", "dash", "zsh", "ash", "ksh", true)
      .Default(false);
}

/// A word that holds a whole command line: `heroku run "a && b"`.
static bool isCommandString(const shell::Word &W) {
  return W.Quoted && W.value().find_first_of(" \t\n;&|") != StringRef::npos;
}

shell::Script oneOffScript(const shell::Command &C, const OneOffRun &Run) {
  if (Run.CommandBegin >= C.Words.size())
    return {};
  if (Run.CommandBegin + 1 == C.Words.size() && isCommandString(C.Words.back()))
    return shell::parseWord(C.Words.back());
  shell::Script S;
  shell::Command Inner;
  Inner.Words.assign(C.Words.begin() + Run.CommandBegin, C.Words.end());
  Inner.Range = {Inner.Words.front().Range.Begin, Inner.Words.back().Range.End};
  Inner.Redirects = C.Redirects;
  S.Commands.push_back(std::move(Inner));
  return S;
}

std::vector<shell::Script> nestedScripts(const shell::Command &C) {
  std::vector<shell::Script> Out;
  ArrayRef<shell::Word> W = C.Words;
  for (size_t I = 0; I < W.size(); ++I) {
    StringRef Name = baseName(W[I].value());
    if (isShellProgram(Name)) {
      if (Optional<size_t> Body = shellCBody(W, I))
        Out.push_back(shell::parseWord(W[*Body]));
      return Out;
    }
    if (Optional<OneOffRun> R = parseOneOff(W, I)) {
      if (R->CommandBegin + 1 == W.size() && isCommandString(W.back()))
        Out.push_back(shell::parseWord(W.back()));
      I = R->CommandBegin - 1;
    }
  }
  return Out;
}

static void forEachCommandAt(const shell::Script &S,
                             function_ref<void(const shell::Command &)> Fn,
                             unsigned Depth) {
  for (const shell::Command &C : S.Commands) {
    Fn(C);
    if (Depth == 0)
      continue;
    for (const shell::Script &Inner : nestedScripts(C))
      forEachCommandAt(Inner, Fn, Depth - 1);
  }
}

void forEachCommand(const shell::Script &S,
                    function_ref<void(const shell::Command &)> Fn,
                    unsigned MaxDepth) {
  forEachCommandAt(S, Fn, MaxDepth);
}

//===----------------------------------------------------------------------===//
// Command helpers, remote runs and dependency installs
//===----------------------------------------------------------------------===//

SourceRange wordsRange(const shell::Command &C) {
  if (C.Words.empty())
    return C.Range;
  return {C.Words.front().Range.Begin, C.Words.back().Range.End};
}

std::string wordsText(const shell::Command &C, size_t Begin) {
  std::string Out;
  for (size_t I = Begin; I < C.Words.size(); ++I) {
    if (I != Begin)
      Out += ' ';
    Out += C.Words[I].value().str();
  }
  return Out;
}

/// A script made of one command with the given words (`ssh host cmd args`).
static shell::Script syntheticScript(ArrayRef<shell::Word> Words) {
  shell::Script S;
  if (Words.empty())
    return S;
  shell::Command C;
  C.Words.assign(Words.begin(), Words.end());
  C.Range = {Words.front().Range.Begin, Words.back().Range.End};
  S.Commands.push_back(std::move(C));
  return S;
}

/// The remote command's words as shell code: one quoted string is parsed,
/// several words are one command.
static shell::Script remoteScript(ArrayRef<shell::Word> Words) {
  if (Words.size() == 1)
    return shell::parseWord(Words.front());
  return syntheticScript(Words);
}

/// ssh options that take a value (ssh(1)).
static bool sshTakesValue(char C) {
  return StringRef("BbcDEeFIiJLlmOoPpQRSWw").contains(C);
}

/// Whether an ssh option group (`-NfL`) asks for a tunnel or forwarding.
static bool isSshTunnel(StringRef Opt) {
  for (char C : Opt.drop_front()) {
    if (StringRef("LRDNW").contains(C))
      return true;
    if (sshTakesValue(C))
      return false;
  }
  return false;
}

/// Adds what is fed to the remote shell's standard input.
static void addFedInput(const shell::Command &C,
                        const shell::Command *PipedFrom, RemoteRun &R) {
  for (const shell::Redirect &Rd : C.Redirects) {
    if (Rd.IsHereDoc)
      R.Scripts.push_back(shell::parse(Rd.Body));
    else if (Rd.Op == "<")
      R.FedScripts.push_back({Rd.Target.Range, Rd.Target.value().str()});
  }
  if (!PipedFrom || PipedFrom->Words.size() < 2 ||
      baseName(PipedFrom->name()) != "cat")
    return;
  for (size_t I = 1; I < PipedFrom->Words.size(); ++I)
    if (!isOption(PipedFrom->Words[I].value()))
      R.FedScripts.push_back(
          {PipedFrom->Words[I].Range, PipedFrom->Words[I].value().str()});
}

static bool isRemoteShell(ArrayRef<shell::Word> Words) {
  if (Words.empty())
    return true;
  if (!isShellProgram(baseName(Words.front().value())))
    return false;
  return llvm::all_of(Words.drop_front(),
                      [](const shell::Word &W) { return isOption(W.value()); });
}

static Optional<RemoteRun> parseSsh(const shell::Command &C, size_t Tool,
                                    const shell::Command *PipedFrom) {
  ArrayRef<shell::Word> W = C.Words;
  size_t I = Tool + 1;
  for (; I < W.size() && isOption(W[I].value()); ++I) {
    StringRef Opt = W[I].value();
    if (Opt == "--") {
      ++I;
      break;
    }
    if (Opt[1] != '-' && isSshTunnel(Opt))
      return None;
    if (Opt.size() == 2 && sshTakesValue(Opt[1]))
      ++I;
  }
  if (I >= W.size())
    return None;
  StringRef Host = W[I].value();
  if (Host.startswith("git@") || Host.contains("github.com") ||
      Host.contains("gitlab.com") || Host.contains("bitbucket.org"))
    return None;
  RemoteRun R;
  R.Tool = "ssh";
  R.ToolRange = W[Tool].Range;
  ArrayRef<shell::Word> Remote = W.drop_front(I + 1);
  if (isRemoteShell(Remote))
    addFedInput(C, PipedFrom, R);
  else
    R.Scripts.push_back(remoteScript(Remote));
  if (R.Scripts.empty() && R.FedScripts.empty())
    return None;
  return R;
}

static Optional<RemoteRun> parseAnsible(const shell::Command &C, size_t Tool) {
  ArrayRef<shell::Word> W = C.Words;
  StringRef Module = "command";
  const shell::Word *Args = nullptr;
  for (size_t I = Tool + 1; I < W.size(); ++I) {
    StringRef V = W[I].value();
    bool HasNext = I + 1 < W.size();
    if ((V == "-m" || V == "--module-name") && HasNext)
      Module = W[++I].value();
    else if (V.startswith("-m") && V.size() > 2 && !V.startswith("--"))
      Module = V.substr(2);
    else if ((V == "-a" || V == "--args") && HasNext)
      Args = &W[++I];
  }
  Module.consume_front("ansible.builtin.");
  if (!Args || (Module != "shell" && Module != "command" && Module != "raw"))
    return None;
  RemoteRun R;
  R.Tool = "ansible";
  R.ToolRange = W[Tool].Range;
  R.Scripts.push_back(shell::parseWord(*Args));
  return R;
}

/// fab -H host -- cmd; pssh/parallel-ssh/pdsh [options] cmd.
static Optional<RemoteRun> parseParallel(const shell::Command &C, size_t Tool,
                                         StringRef Name) {
  ArrayRef<shell::Word> W = C.Words;
  size_t Begin = afterDashDash(W, Tool + 1);
  if (Begin == StringRef::npos) {
    if (Name == "fab")
      return None;
    ArgCursor A(W, Tool + 1);
    A.skipOptions([](StringRef Opt) {
      return Opt.size() == 2 && StringRef("hHlpoetxXOwgR").contains(Opt[1]);
    });
    Begin = A.index();
  }
  if (Begin >= W.size())
    return None;
  RemoteRun R;
  R.Tool = Name.str();
  R.ToolRange = W[Tool].Range;
  R.Scripts.push_back(remoteScript(W.drop_front(Begin)));
  return R;
}

Optional<RemoteRun> parseRemote(const shell::Command &C,
                                const shell::Command *PipedFrom) {
  ArrayRef<shell::Word> W = C.Words;
  size_t Tool = 0;
  while (Tool < W.size() &&
         (baseName(W[Tool].value()) == "sudo" ||
          baseName(W[Tool].value()) == "env" || isAssignment(W[Tool].value())))
    ++Tool;
  if (Tool >= W.size())
    return None;
  StringRef Name = baseName(W[Tool].value());
  if (Name == "ssh")
    return parseSsh(C, Tool, PipedFrom);
  if (Name == "ansible")
    return parseAnsible(C, Tool);
  if (Name == "fab" || Name == "pssh" || Name == "parallel-ssh" ||
      Name == "pdsh" || Name == "clush")
    return parseParallel(C, Tool, Name);
  return None;
}

StringRef scriptRunBy(const shell::Command &C) {
  ArrayRef<shell::Word> W = C.Words;
  size_t I = 0;
  while (I < W.size() && (isAssignment(W[I].value()) ||
                          StringSwitch<bool>(baseName(W[I].value()))
                              .Cases("exec", "tini", "dumb-init", "--", true)
                              .Default(false)))
    ++I;
  if (I < W.size() && isShellProgram(baseName(W[I].value()))) {
    ++I;
    while (I < W.size() && isOption(W[I].value()))
      ++I;
  }
  if (I >= W.size())
    return "";
  StringRef Script = W[I].value();
  if (Script.contains('$') ||
      !(Script.endswith(".sh") || Script.endswith(".bash") ||
        baseName(Script).contains("entrypoint")))
    return "";
  return Script;
}

const FileAnalysis *findScriptFile(const RepoModel &M, StringRef FromPath,
                                   StringRef Script) {
  StringRef Base = baseName(Script);
  size_t Slash = FromPath.rfind('/');
  StringRef Dir =
      Slash == StringRef::npos ? "" : FromPath.take_front(Slash + 1);
  const FileAnalysis *Best = nullptr;
  for (const auto &F : M.Files) {
    if (F->Kind != FileKind::ShellScript)
      continue;
    StringRef Path = F->File->path();
    if (baseName(Path) != Base)
      continue;
    bool Near = Path.startswith(Dir);
    if (!Best || (Near && !Best->File->path().startswith(Dir)))
      Best = F.get();
  }
  return Best;
}

/// The subcommands that install dependencies, by package manager.
static bool installs(StringRef Tool, StringRef Sub) {
  return StringSwitch<bool>(Tool)
      .Cases("pip", "pip3", "pipenv", "conda", "mamba", "micromamba",
             Sub == "install")
      .Case("poetry", Sub == "install" || Sub == "add")
      .Cases("npm", "pnpm", "bun",
             Sub == "install" || Sub == "i" || Sub == "ci" || Sub == "add")
      .Case("yarn", Sub == "add" || Sub == "install")
      .Cases("gem", "bundle", "bundler", "cargo", "dotnet",
             Sub == "install" || Sub == "add")
      .Cases("apt-get", "apt", "yum", "dnf", "zypper", Sub == "install")
      .Case("apk", Sub == "add")
      .Case("composer", Sub == "install" || Sub == "require")
      .Case("go", Sub == "install" || Sub == "get")
      .Case("mix", Sub == "deps.get")
      .Default(false);
}

bool isDependencyInstall(const shell::Command &C) {
  ArrayRef<shell::Word> W = C.Words;
  size_t I = 0;
  while (I < W.size() &&
         (baseName(W[I].value()) == "sudo" || baseName(W[I].value()) == "env" ||
          isAssignment(W[I].value()) || isOption(W[I].value())))
    ++I;
  if (I >= W.size())
    return false;
  StringRef Tool = baseName(W[I].value());
  // python -m pip install, uv pip install
  if ((Tool.startswith("python") && I + 2 < W.size() &&
       W[I + 1].value() == "-m") ||
      (Tool == "uv" && I + 1 < W.size() && W[I + 1].value() == "pip")) {
    I += Tool == "uv" ? 1 : 2;
    Tool = baseName(W[I].value());
  }
  if (Tool.startswith("pip") && Tool.size() <= 4)
    Tool = "pip";
  for (size_t J = I + 1; J < W.size(); ++J) {
    StringRef Sub = W[J].value();
    if (isOption(Sub))
      continue;
    return installs(Tool, Sub);
  }
  return false;
}

//===----------------------------------------------------------------------===//
// The matcher
//===----------------------------------------------------------------------===//

/// Matches one simple command: peels wrappers and interpreters off its words,
/// then looks the program up in the vocabulary.
class CommandMatcher {
public:
  CommandMatcher(const AdminMatcher &M, const PackageScripts *Scripts,
                 unsigned Depth)
      : M(M), Scripts(Scripts              ? Scripts
                      : M.Packages.empty() ? nullptr
                                           : &M.Packages),
        Depth(Depth) {}

  Optional<AdminMatch> run(const shell::Command &C);
  static std::vector<AdminMatch> matchAllAt(const AdminMatcher &M,
                                            const shell::Script &S,
                                            const PackageScripts *Scripts,
                                            unsigned Depth);

private:
  enum class Step { Continue, Program, Stop };

  Step peel(const shell::Command &C);
  Step peelInterpreter(StringRef Name);
  Step peelPackageManager(StringRef Name, const shell::Command &C);
  Step peelShell();
  Step peelSu(StringRef Name);
  Step peelFlock();
  Step matchBody(const shell::Word &Body, StringRef Wrapper);
  Step peelOneOff();
  void setRunner(StringRef Runner);
  Optional<AdminMatch> matchNested(const shell::Script &S);
  Optional<AdminMatch> matchProgram(const shell::Command &C);
  Optional<AdminMatch> matchPackageScript(size_t NameIdx);
  Optional<AdminMatch> resolvePackageScript(size_t NameIdx);
  /// A match at the call site `npm run NAME`, its category still to fill.
  AdminMatch packageCall(size_t NameIdx) const;
  bool matchEntry(const AdminVocabularyEntry &E, const shell::Command &C,
                  size_t &Last) const;
  AdminMatch makeMatch(const shell::Command &C, size_t Last) const;

  const AdminMatcher &M;
  const PackageScripts *Scripts;
  unsigned Depth;
  ArrayRef<shell::Word> W;
  size_t I = 0;
  size_t Start = StringRef::npos; ///< first word of the match's range
  std::string Runner;
  std::string ProgramName; ///< overrides the basename (`python -m django`)
  std::vector<std::string> Wrappers;
  SourceRange CommandRange;
  Optional<AdminMatch> Result; ///< set by a step that matched nested code
};

void CommandMatcher::setRunner(StringRef R) {
  if (Start == StringRef::npos) {
    Start = I;
    Runner = R.str();
  }
}

std::vector<AdminMatch>
CommandMatcher::matchAllAt(const AdminMatcher &M, const shell::Script &S,
                           const PackageScripts *Scripts, unsigned Depth) {
  std::vector<AdminMatch> Out;
  for (const shell::Command &C : S.Commands) {
    if (C.Words.empty())
      continue;
    if (Optional<AdminMatch> A = CommandMatcher(M, Scripts, Depth).run(C))
      Out.push_back(std::move(*A));
  }
  return Out;
}

Optional<AdminMatch> CommandMatcher::matchNested(const shell::Script &S) {
  if (Depth == 0)
    return None;
  std::vector<AdminMatch> All = matchAllAt(M, S, Scripts, Depth - 1);
  for (const AdminMatch &A : All)
    if (A.isAdminTask())
      return A;
  if (!All.empty())
    return All.front();
  return None;
}

CommandMatcher::Step CommandMatcher::matchBody(const shell::Word &Body,
                                               StringRef Wrapper) {
  if (!Wrapper.empty())
    Wrappers.push_back(Wrapper.str());
  Optional<AdminMatch> Inner = matchNested(shell::parseWord(Body));
  if (Inner) {
    Inner->Wrappers.insert(Inner->Wrappers.begin(), Wrappers.begin(),
                           Wrappers.end());
    Result = std::move(Inner);
  }
  return Step::Stop;
}

CommandMatcher::Step CommandMatcher::peelShell() {
  if (Optional<size_t> Body = shellCBody(W, I))
    return matchBody(W[*Body], "sh -c");
  size_t Script = I + 1;
  while (Script < W.size() && isOption(W[Script].value()))
    ++Script;
  if (Script >= W.size())
    return Step::Stop;
  setRunner(baseName(W[I].value()));
  I = Script;
  return Step::Program;
}

/// `su - app -c "..."`, `runuser -l app -c "..."`, `runuser -u app -- cmd`.
CommandMatcher::Step CommandMatcher::peelSu(StringRef Name) {
  Wrappers.push_back(Name.str());
  for (size_t J = I + 1; J < W.size(); ++J) {
    StringRef V = W[J].value();
    if ((V == "-c" || V == "--command" || V == "--session-command") &&
        J + 1 < W.size())
      return matchBody(W[J + 1], "");
    if (V == "--") {
      I = J + 1;
      return Step::Continue;
    }
  }
  return Step::Stop;
}

/// `flock [-n] [-w SEC] LOCKFILE cmd...` or `flock LOCKFILE -c "..."`.
CommandMatcher::Step CommandMatcher::peelFlock() {
  Wrappers.push_back("flock");
  ArgCursor A(W, I + 1);
  A.skipOptions([](StringRef Opt) {
    return Opt == "-w" || Opt == "--timeout" || Opt == "-E" ||
           Opt == "--conflict-exit-code";
  });
  A.next();
  if (!A.done() && (A.peek() == "-c" || A.peek() == "--command") &&
      A.index() + 1 < W.size())
    return matchBody(W[A.index() + 1], "");
  I = A.index();
  return Step::Continue;
}

CommandMatcher::Step CommandMatcher::peelOneOff() {
  Optional<OneOffRun> R = parseOneOff(W, I);
  if (!R)
    return Step::Program;
  Wrappers.push_back(R->Kind);
  if (R->CommandBegin + 1 == W.size() && isCommandString(W.back()))
    return matchBody(W.back(), "");
  I = R->CommandBegin;
  return Step::Continue;
}

CommandMatcher::Step CommandMatcher::peelInterpreter(StringRef Name) {
  bool Python = Name.startswith("python") || Name == "pypy" || Name == "pypy3";
  setRunner(W[I].value());
  ++I;
  while (I < W.size() && isOption(W[I].value())) {
    StringRef Opt = W[I].value();
    bool Php = Name == "php";
    if (Opt == "-c" || Opt == "-e" || Opt == "-p" || Opt == "--eval" ||
        Opt == "--print" || (Php && Opt == "-r"))
      return Step::Stop;
    if (Python && Opt == "-m" && I + 1 < W.size()) {
      ++I;
      StringRef Module = W[I].value();
      ProgramName = Module == "django" ? "django-admin" : Module.str();
      return Step::Program;
    }
    bool TakesValue = StringSwitch<bool>(Opt)
                          .Cases("-W", "-X", "-I", "-r", "--require", true)
                          .Case("-d", true)
                          .Default(false);
    I += TakesValue ? 2 : 1;
  }
  return I < W.size() ? Step::Program : Step::Stop;
}

CommandMatcher::Step
CommandMatcher::peelPackageManager(StringRef Name, const shell::Command &C) {
  if (I + 1 >= W.size())
    return Step::Stop;
  StringRef Sub = W[I + 1].value();
  bool Npm = Name == "npm";
  if (Sub == "exec" || Sub == "x" || Sub == "dlx") {
    setRunner((Name + " exec").str());
    I += 2;
    while (I < W.size() && isOption(W[I].value()))
      ++I;
    return Step::Continue;
  }
  size_t NameIdx = I + 1;
  if (Sub == "run" || Sub == "run-script") {
    NameIdx = I + 2;
    while (NameIdx < W.size() && isOption(W[NameIdx].value()))
      ++NameIdx;
  } else if (Npm || isOption(Sub)) {
    return Step::Stop;
  }
  if (NameIdx >= W.size())
    return Step::Stop;
  setRunner(Name);
  if ((Result = matchPackageScript(NameIdx)))
    return Step::Stop;
  if (Sub == "run" || Sub == "run-script")
    return Step::Stop;
  // `yarn knex migrate:latest`: yarn runs the package's binary.
  Runner = (Name + " exec").str();
  I = NameIdx;
  return Step::Program;
}

Optional<AdminMatch> CommandMatcher::matchPackageScript(size_t NameIdx) {
  StringRef Name = W[NameIdx].value();
  if (Scripts && Scripts->count(Name))
    return resolvePackageScript(NameIdx);
  Optional<AdminCategory> Cat = M.scriptCategory(Name);
  if (!Cat && Name.contains("migrat"))
    Cat = AdminCategory::Migration;
  if (!Cat)
    return None;
  AdminMatch A = packageCall(NameIdx);
  A.Category = *Cat;
  A.Framework = "node";
  A.Entry = ("npm run " + Name).str();
  return A;
}

AdminMatch CommandMatcher::packageCall(size_t NameIdx) const {
  AdminMatch A;
  A.Runner = Runner;
  A.Wrappers = Wrappers;
  A.Range = {W[Start].Range.Begin, W[NameIdx].Range.End};
  A.CommandRange = CommandRange;
  for (size_t J = Start; J <= NameIdx; ++J)
    A.Text += (J == Start ? "" : " ") + W[J].value().str();
  return A;
}

/// Judges `npm run NAME` by the command line of package.json script NAME:
/// the first admin command it runs, at the call site's bytes.
Optional<AdminMatch> CommandMatcher::resolvePackageScript(size_t NameIdx) {
  const shell::Word &At = W[NameIdx];
  StringRef Name = At.value();
  if (Depth == 0)
    return None;
  StringRef Command = Scripts->find(Name)->second;
  shell::Script Body =
      shell::parse(EmbeddedText::verbatim(Command, At.Range.Begin));
  std::vector<AdminMatch> Inner = matchAllAt(M, Body, Scripts, Depth - 1);
  if (Inner.empty())
    return None;
  auto Admin =
      llvm::find_if(Inner, [](const AdminMatch &A) { return A.isAdminTask(); });
  const AdminMatch &Found = Admin != Inner.end() ? *Admin : Inner.front();
  AdminMatch A = packageCall(NameIdx);
  A.Category = Found.Category;
  A.Framework = Found.Framework;
  A.Entry = Found.Entry;
  A.PackageScript = Name.str();
  A.PackageCommand = Command.str();
  return A;
}

CommandMatcher::Step CommandMatcher::peel(const shell::Command &C) {
  StringRef Word = W[I].value();
  StringRef Name = baseName(Word);
  if (Name == "env") {
    Wrappers.push_back("env");
    ++I;
    while (I < W.size() &&
           (isOption(W[I].value()) || isAssignment(W[I].value()))) {
      StringRef Opt = W[I].value();
      I += (Opt == "-u" || Opt == "-C" || Opt == "-S") ? 2 : 1;
    }
    return Step::Continue;
  }
  if (Name == "sudo" || Name == "doas") {
    Wrappers.push_back(Name.str());
    ArgCursor A(W, I + 1);
    A.skipOptions([](StringRef Opt) {
      return Opt.size() == 2 && StringRef("ugCDhprtU").contains(Opt[1]);
    });
    I = A.index();
    while (I < W.size() && isAssignment(W[I].value()))
      ++I;
    return Step::Continue;
  }
  if (Name == "nice" || Name == "nohup" || Name == "time" || Name == "exec" ||
      Name == "timeout" || Name == "stdbuf" || Name == "ionice") {
    Wrappers.push_back(Name.str());
    ArgCursor A(W, I + 1);
    A.skipOptions([](StringRef Opt) {
      return Opt == "-n" || Opt == "-a" || Opt == "-s" || Opt == "-k" ||
             Opt == "-c";
    });
    I = A.index();
    if (Name == "timeout" && I < W.size())
      ++I;
    return Step::Continue;
  }
  if (Name == "gosu" || Name == "su-exec" || Name == "chpst" ||
      Name == "setuidgid") {
    Wrappers.push_back(Name.str());
    I += Name == "chpst" ? 3 : 2;
    return Step::Continue;
  }
  if (Name == "bundle" || Name == "poetry" || Name == "pipenv" ||
      Name == "uv" || Name == "pdm" || Name == "hatch") {
    if (I + 1 >= W.size())
      return Step::Stop;
    StringRef Sub = W[I + 1].value();
    if (Sub != "exec" && Sub != "run")
      return Step::Program;
    setRunner((Name + " " + Sub).str());
    ArgCursor A(W, I + 2);
    A.skipOptions([](StringRef Opt) {
      return Opt == "--with" || Opt == "--python" || Opt == "-p" ||
             Opt == "--env-file" || Opt == "--directory" ||
             Opt == "--project" || Opt == "-e";
    });
    I = A.index();
    return Step::Continue;
  }
  if (Name == "npx" || Name == "pnpx" || Name == "bunx") {
    setRunner("npx");
    ArgCursor A(W, I + 1);
    A.skipOptions([](StringRef Opt) {
      return Opt == "-p" || Opt == "--package" || Opt == "-c";
    });
    I = A.index();
    return Step::Continue;
  }
  if (Name == "npm" || Name == "yarn" || Name == "pnpm" || Name == "bun")
    return peelPackageManager(Name, C);
  if (isShellProgram(Name))
    return peelShell();
  if (Name == "su" || Name == "runuser")
    return peelSu(Name);
  if (Name == "flock")
    return peelFlock();
  if (Name.startswith("python") || Name == "pypy" || Name == "pypy3" ||
      Name == "node" || Name == "nodejs" || Name == "ruby" || Name == "php" ||
      Name == "perl" || Name == "ts-node" || Name == "tsx")
    return peelInterpreter(Name);
  return peelOneOff();
}

bool CommandMatcher::matchEntry(const AdminVocabularyEntry &E,
                                const shell::Command &C, size_t &Last) const {
  size_t J = I + 1;
  Last = I;
  for (size_t K = 1; K < E.Words.size(); ++K) {
    StringRef P = E.Words[K];
    if (P == "<") {
      bool Reads = llvm::any_of(C.Redirects, [](const shell::Redirect &R) {
        return R.Op == "<" || R.IsHereDoc || R.Op == "<<<";
      });
      if (!Reads)
        return false;
      continue;
    }
    if (isOption(P)) {
      bool Found = false;
      for (size_t A = I + 1; A < W.size() && !Found; ++A) {
        StringRef V = W[A].value();
        if (V == P || (V.startswith(P) && V.substr(P.size()).startswith("="))) {
          Found = true;
          Last = std::max(Last, A);
        }
      }
      if (!Found)
        return false;
      continue;
    }
    while (J < W.size() &&
           (isOption(W[J].value()) || !globMatch(P, W[J].value())))
      ++J;
    if (J >= W.size())
      return false;
    Last = std::max(Last, J);
    ++J;
  }
  return true;
}

AdminMatch CommandMatcher::makeMatch(const shell::Command &C,
                                     size_t Last) const {
  AdminMatch A;
  size_t First = Start == StringRef::npos ? I : Start;
  A.Range = {W[First].Range.Begin, W[Last].Range.End};
  A.CommandRange = C.Range;
  A.Runner = Runner;
  A.Wrappers = Wrappers;
  for (size_t J = First; J <= Last; ++J) {
    if (J != First)
      A.Text += ' ';
    A.Text += W[J].value().str();
  }
  return A;
}

Optional<AdminMatch> CommandMatcher::matchProgram(const shell::Command &C) {
  StringRef Program =
      ProgramName.empty() ? baseName(W[I].value()) : StringRef(ProgramName);
  const AdminVocabularyEntry *Best = nullptr;
  size_t BestLast = I;
  auto Try = [&](unsigned Idx) {
    const AdminVocabularyEntry &E = M.Entries[Idx];
    if (Best && Best->Category != AdminCategory::BuildStep)
      return;
    if (Best && E.Category == AdminCategory::BuildStep)
      return;
    size_t Last;
    if (matchEntry(E, C, Last)) {
      Best = &E;
      BestLast = Last;
    }
  };
  auto It = M.ByProgram.find(Program);
  if (It != M.ByProgram.end())
    for (unsigned Idx : It->second)
      Try(Idx);
  for (unsigned Idx : M.AnyProgram)
    Try(Idx);
  if (Best) {
    AdminMatch A = makeMatch(C, BestLast);
    A.Category = Best->Category;
    A.Framework = Best->Framework;
    A.Entry = join(Best->Words, " ");
    return A;
  }
  StringRef Word = W[I].value();
  bool ByPath =
      Word.contains('/') || !Runner.empty() || hasScriptExtension(Word);
  if (!ByPath)
    return None;
  Optional<AdminCategory> Cat = M.scriptCategory(Word);
  if (!Cat)
    return None;
  AdminMatch A = makeMatch(C, I);
  A.Category = *Cat;
  A.Framework = "script";
  A.Entry = baseName(Word).str();
  return A;
}

Optional<AdminMatch> CommandMatcher::run(const shell::Command &C) {
  W = C.Words;
  CommandRange = C.Range;
  for (unsigned Steps = 0; Steps < 32 && I < W.size(); ++Steps) {
    Step S = peel(C);
    if (S == Step::Stop)
      return std::move(Result);
    if (S == Step::Program)
      return I < W.size() ? matchProgram(C) : None;
  }
  return None;
}

Optional<AdminMatch> AdminMatcher::match(const shell::Command &C) const {
  return match(C, nullptr);
}

Optional<AdminMatch> AdminMatcher::match(const shell::Command &C,
                                         const PackageScripts *Scripts) const {
  if (C.Words.empty())
    return None;
  return CommandMatcher(*this, Scripts, MaxNesting).run(C);
}

/// Commands that prepare a process start without being the process.
static bool isStartPreparation(StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases("echo", "printf", "set", "export", "cd", "sleep", "true", true)
      .Cases("false", ":", "test", "[", "[[", "unset", "umask", "trap", true)
      .Cases("source", ".", "shift", "local", "readonly", "declare", true)
      .Cases("mkdir", "chmod", "chown", "ln", "cp", "mv", "rm", true)
      .Cases("touch", "cat", "envsubst", "ulimit", "printenv", "date", true)
      .Cases("wait-for-it", "wait-for-it.sh", "wait-for", "wait-for.sh", true)
      .Cases("dockerize", "nc", "pg_isready", "until", "whoami", true)
      .Default(false);
}

static void collectStart(const AdminMatcher &M, const shell::Script &S,
                         unsigned Depth,
                         std::vector<Optional<AdminMatch>> &Out) {
  for (const shell::Command &C : S.Commands) {
    if (C.Words.empty() || C.InCondition || C.InSubstitution)
      continue;
    std::vector<shell::Script> Nested;
    if (Depth && isShellProgram(baseName(C.name())))
      Nested = nestedScripts(C);
    if (!Nested.empty()) {
      for (const shell::Script &N : Nested)
        collectStart(M, N, Depth - 1, Out);
      continue;
    }
    Optional<AdminMatch> A = M.match(C);
    if (A && !A->isAdminTask())
      continue;
    if (!A && isStartPreparation(baseName(C.name())))
      continue;
    Out.push_back(std::move(A));
  }
}

std::vector<Optional<AdminMatch>>
AdminMatcher::startSequence(const shell::Script &S) const {
  std::vector<Optional<AdminMatch>> Out;
  collectStart(*this, S, MaxNesting, Out);
  return Out;
}

std::vector<AdminMatch> AdminMatcher::matchAll(const shell::Script &S) const {
  return matchAll(S, nullptr);
}

std::vector<AdminMatch>
AdminMatcher::matchAll(const shell::Script &S,
                       const PackageScripts *Scripts) const {
  return CommandMatcher::matchAllAt(*this, S, Scripts, MaxNesting);
}

} // namespace adminlint
