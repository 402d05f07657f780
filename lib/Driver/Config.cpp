//===- Config.cpp - The .adminlint.yaml config file -----------------------===//
#include "lib/Driver/Config.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MemoryBuffer.h"
#include <yaml-cpp/yaml.h>

using namespace llvm;

namespace adminlint {

RuleSet resolveRules(ArrayRef<std::string> Selectors, std::string &Unknown) {
  RuleSet Set;
  for (const std::string &S : Selectors) {
    std::vector<RuleId> Ids = matchRules(StringRef(S).trim());
    if (Ids.empty() && Unknown.empty())
      Unknown = S;
    for (RuleId Id : Ids)
      Set.set(static_cast<unsigned>(Id));
  }
  return Set;
}

/// The nearest of Candidates to Word, or empty when none is close.
static StringRef nearest(StringRef Word, ArrayRef<StringRef> Candidates) {
  StringRef Best;
  unsigned BestDistance = 4;
  for (StringRef C : Candidates) {
    unsigned D = Word.edit_distance(C);
    if (D < BestDistance && D < std::max<size_t>(C.size(), 2)) {
      BestDistance = D;
      Best = C;
    }
  }
  return Best;
}

namespace {

/// Parses one config document, stopping at the first error.
class ConfigParser {
public:
  explicit ConfigParser(StringRef Path) : Path(Path) {}
  Expected<Config> parse(StringRef Text);

private:
  bool fail(const YAML::Node &At, const Twine &Message);
  bool failAt(const YAML::Mark &M, const Twine &Message);
  bool checkKeys(const YAML::Node &Map, ArrayRef<StringRef> Known);
  bool parseTop(const YAML::Node &Root);
  bool parseKey(StringRef Key, const YAML::Node &Value);
  bool stringList(const YAML::Node &N, StringRef Key,
                  std::vector<std::string> &Out);
  bool ruleSet(const YAML::Node &N, StringRef Key, RuleSet &Out);
  bool levels(const YAML::Node &N, std::vector<std::pair<RuleId, Level>> &Out);
  bool globs(const YAML::Node &N, StringRef Key, std::vector<GlobPattern> &Out);
  bool perPath(const YAML::Node &N);
  bool app(const YAML::Node &N);
  bool adminCommands(const YAML::Node &N);
  bool registryAliases(const YAML::Node &N);
  bool contexts(const YAML::Node &N);
  bool contextGlob(const YAML::Node &Glob, Context Ctx);
  bool scalar(const YAML::Node &N, StringRef Key, std::string &Out);

  std::string Path;
  StringRef Text;
  std::string Error;
  Config C;
};

} // namespace

bool ConfigParser::failAt(const YAML::Mark &M, const Twine &Message) {
  unsigned Line = M.line < 0 ? 1 : M.line + 1;
  unsigned Col = M.column < 0 ? 1 : M.column + 1;
  Error = (Path + ":" + Twine(Line) + ":" + Twine(Col) + ": error: " + Message)
              .str();
  return false;
}

bool ConfigParser::fail(const YAML::Node &At, const Twine &Message) {
  return failAt(At.Mark(), Message);
}

bool ConfigParser::checkKeys(const YAML::Node &Map, ArrayRef<StringRef> Known) {
  for (const auto &KV : Map) {
    if (!KV.first.IsScalar())
      return fail(KV.first, "keys must be strings");
    std::string Key = KV.first.Scalar();
    if (is_contained(Known, StringRef(Key)))
      continue;
    StringRef Near = nearest(Key, Known);
    if (Near.empty())
      return fail(KV.first, "unknown key '" + Key + "'");
    return fail(KV.first,
                "unknown key '" + Key + "'; did you mean '" + Near + "'?");
  }
  return true;
}

bool ConfigParser::scalar(const YAML::Node &N, StringRef Key,
                          std::string &Out) {
  if (!N.IsScalar())
    return fail(N, "'" + Key + "' must be a string");
  Out = N.Scalar();
  return true;
}

bool ConfigParser::stringList(const YAML::Node &N, StringRef Key,
                              std::vector<std::string> &Out) {
  if (N.IsScalar()) {
    SmallVector<StringRef, 8> Parts;
    StringRef(N.Scalar()).split(Parts, ',', -1, false);
    for (StringRef P : Parts)
      Out.push_back(P.trim().str());
    return true;
  }
  if (!N.IsSequence())
    return fail(N, "'" + Key + "' must be a list of strings");
  for (const YAML::Node &E : N) {
    if (!E.IsScalar())
      return fail(E, "'" + Key + "' must be a list of strings");
    Out.push_back(E.Scalar());
  }
  return true;
}

/// Names the rule-list entry at N that names no rule, with a suggestion.
static std::string unknownRuleMessage(StringRef Name) {
  std::string Msg = ("unknown rule '" + Name + "'").str();
  StringRef Near = suggestRule(Name);
  if (!Near.empty())
    Msg += ("; did you mean '" + Near + "'?").str();
  return Msg;
}

bool ConfigParser::ruleSet(const YAML::Node &N, StringRef Key, RuleSet &Out) {
  std::vector<std::string> Names;
  if (!stringList(N, Key, Names))
    return false;
  for (size_t I = 0; I < Names.size(); ++I) {
    std::string Unknown;
    Out |= resolveRules(Names[I], Unknown);
    if (Unknown.empty())
      continue;
    YAML::Node At = N.IsSequence() ? N[I] : N;
    return fail(At, unknownRuleMessage(Unknown));
  }
  return true;
}

bool ConfigParser::levels(const YAML::Node &N,
                          std::vector<std::pair<RuleId, Level>> &Out) {
  if (!N.IsMap())
    return fail(N, "'levels' must map rules to error, warning or note");
  for (const auto &KV : N) {
    std::string Unknown;
    RuleSet Rules = resolveRules(KV.first.Scalar(), Unknown);
    if (!Unknown.empty())
      return fail(KV.first, unknownRuleMessage(Unknown));
    Optional<Level> L =
        KV.second.IsScalar() ? parseLevel(KV.second.Scalar()) : None;
    if (!L)
      return fail(KV.second, "level must be error, warning or note");
    for (const RuleInfo &R : allRules())
      if (Rules.test(static_cast<unsigned>(R.Id)))
        Out.push_back({R.Id, *L});
  }
  return true;
}

bool ConfigParser::globs(const YAML::Node &N, StringRef Key,
                         std::vector<GlobPattern> &Out) {
  std::vector<std::string> Texts;
  if (!stringList(N, Key, Texts))
    return false;
  for (const std::string &T : Texts)
    if (Optional<GlobPattern> P = GlobPattern::parse(T))
      Out.push_back(std::move(*P));
  return true;
}

bool ConfigParser::perPath(const YAML::Node &N) {
  if (!N.IsMap())
    return fail(N, "'per-path' must map path globs to settings");
  for (const auto &KV : N) {
    Optional<GlobPattern> Glob = GlobPattern::parse(KV.first.Scalar());
    if (!Glob)
      return fail(KV.first, "empty path glob");
    const YAML::Node &V = KV.second;
    if (!V.IsMap())
      return fail(V, "a 'per-path' entry must be a map");
    if (!checkKeys(V, {"select", "ignore", "levels"}))
      return false;
    PerPathConfig P{std::move(*Glob), {}, {}, false, {}};
    if (V["ignore"] && !ruleSet(V["ignore"], "ignore", P.Ignore))
      return false;
    P.HasSelect = bool(V["select"]);
    if (P.HasSelect && !ruleSet(V["select"], "select", P.Select))
      return false;
    if (V["levels"] && !levels(V["levels"], P.Levels))
      return false;
    C.PerPath.push_back(std::move(P));
  }
  return true;
}

bool ConfigParser::app(const YAML::Node &N) {
  if (!N.IsMap())
    return fail(N, "'app' must be a map");
  if (!checkKeys(N, {"image", "framework", "processes"}))
    return false;
  if (N["image"] && !scalar(N["image"], "image", C.AppImage))
    return false;
  if (N["framework"] && !scalar(N["framework"], "framework", C.Framework))
    return false;
  if (!N["processes"])
    return true;
  const YAML::Node &P = N["processes"];
  if (!P.IsMap())
    return stringList(P, "processes", C.AppProcesses);
  for (const auto &KV : P) {
    if (!KV.second.IsScalar())
      return fail(KV.second, "a process must be a command string");
    C.AppProcesses.push_back(KV.first.Scalar() + ": " + KV.second.Scalar());
  }
  return true;
}

/// The config text with everything but the value of a top-level key blanked
/// out (newlines kept, other bytes turned into spaces), so a parser of that
/// value alone reports positions in the config file.
static std::string isolateValue(StringRef Text, const YAML::Mark &Start) {
  std::string Out(Text.size(), ' ');
  size_t Begin = Start.pos < 0 ? Text.size() : Start.pos;
  size_t End = Text.size();
  for (size_t NL = Text.find('\n', Begin); NL != StringRef::npos;
       NL = Text.find('\n', NL + 1)) {
    char Next = NL + 1 < Text.size() ? Text[NL + 1] : ' ';
    if (Next != ' ' && Next != '\t' && Next != '#' && Next != '\n' &&
        Next != '\r') {
      End = NL;
      break;
    }
  }
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n' || (I >= Begin && I < End))
      Out[I] = Text[I];
  return Out;
}

bool ConfigParser::adminCommands(const YAML::Node &N) {
  Expected<std::vector<AdminVocabularyEntry>> Entries =
      AdminMatcher::parseVocabulary(isolateValue(Text, N.Mark()));
  if (Entries) {
    C.AdminCommands = std::move(*Entries);
    return true;
  }
  std::string Message = toString(Entries.takeError());
  int Line, Col;
  StringRef Rest = Message;
  auto LineText = Rest.split(':');
  auto ColText = LineText.second.split(':');
  if (LineText.first.getAsInteger(10, Line) ||
      ColText.first.getAsInteger(10, Col))
    return fail(N, "in 'admin-commands': " + Message);
  YAML::Mark M;
  M.line = Line - 1;
  M.column = Col - 1;
  return failAt(M, "in 'admin-commands': " + ColText.second.trim());
}

bool ConfigParser::registryAliases(const YAML::Node &N) {
  if (!N.IsMap())
    return fail(N, "'registry-aliases' must map a mirror to a registry");
  for (const auto &KV : N) {
    if (!KV.second.IsScalar())
      return fail(KV.second, "a registry alias must be a string");
    C.RegistryAliases.push_back({KV.first.Scalar(), KV.second.Scalar()});
  }
  return true;
}

static Optional<Context> contextNamed(StringRef Name) {
  return StringSwitch<Optional<Context>>(Name)
      .Case("local", Context::Local)
      .Case("test", Context::Test)
      .Case("production", Context::Production)
      .Default(None);
}

bool ConfigParser::contextGlob(const YAML::Node &Glob, Context Ctx) {
  Optional<GlobPattern> P =
      Glob.IsScalar() ? GlobPattern::parse(Glob.Scalar()) : None;
  if (!P)
    return fail(Glob, "a context path glob must be a non-empty string");
  C.Contexts.push_back({std::move(*P), Ctx});
  return true;
}

bool ConfigParser::contexts(const YAML::Node &N) {
  if (!N.IsMap())
    return fail(N, "'contexts' must map path globs to local, test or "
                   "production");
  for (const auto &KV : N) {
    // Both `{glob: local}` and `{local: [globs]}` are accepted.
    Optional<Context> Named = contextNamed(KV.first.Scalar());
    if (Named && KV.second.IsSequence()) {
      for (const YAML::Node &Glob : KV.second)
        if (!contextGlob(Glob, *Named))
          return false;
      continue;
    }
    Optional<Context> Ctx =
        KV.second.IsScalar() ? contextNamed(KV.second.Scalar()) : None;
    if (!Ctx)
      return fail(KV.second, "context must be local, test or production");
    if (!contextGlob(KV.first, *Ctx))
      return false;
  }
  return true;
}

bool ConfigParser::parseKey(StringRef Key, const YAML::Node &V) {
  if (Key == "select") {
    C.HasSelect = true;
    return ruleSet(V, Key, C.Select);
  }
  if (Key == "ignore")
    return ruleSet(V, Key, C.Ignore);
  if (Key == "levels")
    return levels(V, C.Levels);
  if (Key == "exclude")
    return globs(V, Key, C.Exclude);
  if (Key == "per-path")
    return perPath(V);
  if (Key == "app")
    return app(V);
  if (Key == "admin-commands")
    return adminCommands(V);
  if (Key == "registry-aliases")
    return registryAliases(V);
  return contexts(V);
}

bool ConfigParser::parseTop(const YAML::Node &Root) {
  if (!Root || Root.IsNull())
    return true;
  if (!Root.IsMap())
    return fail(Root, "the config must be a map of settings");
  static const StringRef Keys[] = {
      "select", "ignore",         "levels",           "exclude", "per-path",
      "app",    "admin-commands", "registry-aliases", "contexts"};
  if (!checkKeys(Root, Keys))
    return false;
  for (const auto &KV : Root)
    if (!KV.second.IsNull() && !parseKey(KV.first.Scalar(), KV.second))
      return false;
  return true;
}

Expected<Config> ConfigParser::parse(StringRef Source) {
  C.Path = Path;
  Text = Source;
  try {
    YAML::Node Root = YAML::Load(Text.str());
    if (parseTop(Root))
      return std::move(C);
  } catch (const YAML::Exception &E) {
    failAt(E.mark, E.msg);
  } catch (const std::exception &E) {
    failAt(YAML::Mark::null_mark(), E.what());
  }
  return createStringError(inconvertibleErrorCode(), Error);
}

Expected<Config> parseConfig(StringRef Text, StringRef Path) {
  return ConfigParser(Path).parse(Text);
}

Expected<Config> loadConfig(StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                   /*RequiresNullTerminator=*/false);
  if (!Buf)
    return createStringError(
        Buf.getError(), "%s: error: cannot read config: %s", Path.str().c_str(),
        Buf.getError().message().c_str());
  return parseConfig((*Buf)->getBuffer(), Path);
}

void rebaseGlobs(Config &C, StringRef Dir) {
  if (Dir.empty())
    return;
  for (GlobPattern &G : C.Exclude)
    G.rebase(Dir);
  for (PerPathConfig &P : C.PerPath)
    P.Glob.rebase(Dir);
  for (ContextOverride &O : C.Contexts)
    O.first.rebase(Dir);
}

} // namespace adminlint
