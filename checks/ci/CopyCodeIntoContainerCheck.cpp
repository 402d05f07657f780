//===- CopyCodeIntoContainerCheck.cpp - ADM302 copy-code-into-container ---===//
//
// Code copied into a running container or server (kubectl cp, docker cp, scp,
// rsync) and then run there by a later exec or ssh in the same file, or in the
// same CI job: what ran is not any release. Shell code nested in `sh -c`
// bodies, one-off command strings and ssh remote commands is followed, so the
// copy and the run are found inside them at their exact host bytes.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "lib/Model/CiJob.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include <deque>
#include <set>

using namespace llvm;

namespace adminlint {
namespace {

/// A copy of a local script to a container or a remote host.
struct CopiedScript {
  std::string Tool;     ///< "kubectl cp", "docker cp", "scp", "rsync"
  std::string BaseName; ///< "fix_records.py"
  SourceRange Range;    ///< the source operand
};

/// A simple command in the order the code runs, and whether it runs inside a
/// container or on a remote host (in the code of an exec or an ssh).
struct Step {
  const shell::Command *Cmd;
  bool Inside;
};

/// For every step that runs code, the file names its words mention, so a
/// copied file's run is found without scanning every later step.
class RunIndex {
public:
  explicit RunIndex(const std::vector<Step> &Steps);
  /// The first step after step I that runs BaseName, or the step count.
  size_t firstAfter(StringRef BaseName, size_t I) const;

private:
  size_t End;
  StringMap<std::vector<size_t>> ByName;
};

/// Shell code flattened into steps, nested scripts and remote commands
/// included; owns the scripts it parsed from nested code.
class StepList {
public:
  void add(const shell::Script &S, bool Inside, unsigned Depth);
  const std::vector<Step> &steps() const { return Steps; }

private:
  std::deque<shell::Script> Owned;
  std::vector<Step> Steps;
};

} // namespace

static StringRef programOf(const shell::Command &C) {
  return sys::path::filename(C.name());
}

static bool looksLikeCode(StringRef Path) {
  Path = Path.rtrim('/');
  StringRef Ext = sys::path::extension(Path);
  return StringSwitch<bool>(Ext)
             .Cases(".py", ".sh", ".bash", ".rb", ".rake", ".js", ".mjs", true)
             .Cases(".cjs", ".ts", ".php", ".pl", ".sql", ".jar", ".lua", true)
             .Default(false) ||
         AdminMatcher::isAdminScriptName(Path);
}

/// Options whose value is the next word.
static bool takesValue(StringRef Tool, StringRef Opt) {
  if (Opt.contains('='))
    return false;
  if (Tool == "scp")
    return StringSwitch<bool>(Opt)
        .Cases("-P", "-i", "-o", "-F", "-c", "-l", "-S", "-J", true)
        .Default(false);
  if (Tool == "rsync")
    return Opt == "-e" || Opt == "--rsh";
  return StringSwitch<bool>(Opt)
      .Cases("-c", "-n", "--container", "--namespace", "--context", true)
      .Default(false);
}

/// The index of the first operand of a copy command, or 0 if C copies
/// nothing; Tool is set to its description.
static size_t copyOperands(const shell::Command &C, std::string &Tool) {
  StringRef Program = programOf(C);
  if (Program == "scp" || Program == "rsync") {
    Tool = Program.str();
    return 1;
  }
  bool Container =
      StringSwitch<bool>(Program)
          .Cases("kubectl", "oc", "docker", "podman", "nerdctl", true)
          .Default(false);
  if (!Container)
    return 0;
  for (size_t I = 1; I < C.Words.size(); ++I) {
    StringRef W = C.Words[I].value();
    if (W == "cp") {
      Tool = (Program + " cp").str();
      return I + 1;
    }
    if (!W.startswith("-") && W != "compose" && W != "container")
      return 0;
  }
  return 0;
}

static bool isRemote(StringRef Operand) {
  size_t Colon = Operand.find(':');
  if (Colon == StringRef::npos || Colon == 0)
    return false;
  size_t Slash = Operand.find('/');
  return Slash == StringRef::npos || Colon < Slash ||
         Operand.take_front(Colon).count('/') == 1;
}

static Optional<CopiedScript> parseCopy(const shell::Command &C) {
  std::string Tool;
  size_t First = copyOperands(C, Tool);
  if (!First)
    return None;
  std::vector<const shell::Word *> Operands;
  StringRef Program = programOf(C);
  for (size_t I = First; I < C.Words.size(); ++I) {
    StringRef W = C.Words[I].value();
    if (W.startswith("-")) {
      I += takesValue(Program, W) ? 1 : 0;
      continue;
    }
    Operands.push_back(&C.Words[I]);
  }
  if (Operands.size() < 2 || !isRemote(Operands.back()->value()))
    return None;
  Operands.pop_back();
  for (const shell::Word *Src : Operands) {
    StringRef Path = Src->value();
    if (isRemote(Path) || !looksLikeCode(Path))
      continue;
    return CopiedScript{Tool, sys::path::filename(Path.rtrim('/')).str(),
                        Src->Range};
  }
  return None;
}

/// Whether C runs its command inside a container (an exec) or on a remote
/// host (ssh).
static bool runsInside(const shell::Command &C) {
  StringRef Program = programOf(C);
  if (Program == "ssh")
    return true;
  bool Container =
      StringSwitch<bool>(Program)
          .Cases("kubectl", "oc", "docker", "podman", "nerdctl", true)
          .Default(false);
  if (!Container)
    return false;
  for (const shell::Word &W : C.Words)
    if (W.value() == "exec")
      return true;
  return false;
}

/// Programs that handle a file without running it.
static bool onlyHandlesFiles(StringRef Program) {
  return StringSwitch<bool>(sys::path::filename(Program))
      .Cases("rm", "ls", "cat", "chmod", "chown", "stat", "test", "[", true)
      .Cases("mv", "cp", "mkdir", "touch", "head", "tail", "wc", "file", true)
      .Cases("md5sum", "sha256sum", "du", "echo", "printf", true)
      .Default(false);
}

/// The program C runs in the container: the first word after the exec's
/// options (`kubectl exec web -- python x.py` runs python).
static StringRef execProgram(const shell::Command &C) {
  if (Optional<OneOffRun> Run = findOneOff(C))
    if (Run->CommandBegin < C.Words.size())
      return C.Words[Run->CommandBegin].value();
  return "";
}

/// Whether the step runs code: a command inside a container or on a remote
/// host, or an exec or ssh, that copies nothing and does more than handle
/// files.
static bool runsCode(const Step &S) {
  const shell::Command &C = *S.Cmd;
  if (C.Words.empty() || (!S.Inside && !runsInside(C)))
    return false;
  StringRef Program = S.Inside ? C.name() : execProgram(C);
  return !onlyHandlesFiles(Program) && !parseCopy(C);
}

/// Characters around a file name inside a word: path and option separators,
/// quotes, and the shell syntax of a command string.
static bool separatesNames(char C) {
  return StringRef("/\\ \t\n'\"=:;&|()<>,`$").contains(C);
}

RunIndex::RunIndex(const std::vector<Step> &Steps) : End(Steps.size()) {
  for (size_t J = 0; J < Steps.size(); ++J) {
    if (!runsCode(Steps[J]))
      continue;
    const shell::Command &C = *Steps[J].Cmd;
    for (size_t I = Steps[J].Inside ? 0 : 1; I < C.Words.size(); ++I) {
      StringRef Rest = C.Words[I].value();
      while (!Rest.empty()) {
        Rest = Rest.drop_while(separatesNames);
        StringRef Name = Rest.take_until(separatesNames);
        Rest = Rest.drop_front(Name.size());
        if (Name.empty())
          break;
        std::vector<size_t> &At = ByName[Name];
        if (At.empty() || At.back() != J)
          At.push_back(J);
      }
    }
  }
}

size_t RunIndex::firstAfter(StringRef BaseName, size_t I) const {
  auto It = ByName.find(BaseName);
  if (It == ByName.end())
    return End;
  auto J = llvm::upper_bound(It->second, I);
  return J == It->second.end() ? End : *J;
}

void StepList::add(const shell::Script &S, bool Inside, unsigned Depth) {
  for (const shell::Command &C : S.Commands) {
    std::vector<shell::Script> Nested;
    if (Depth) {
      if (Optional<RemoteRun> Run = parseRemote(C))
        Nested = std::move(Run->Scripts);
      else
        Nested = nestedScripts(C);
    }
    if (Nested.empty()) {
      Steps.push_back({&C, Inside});
      continue;
    }
    bool InnerInside = Inside || runsInside(C);
    for (shell::Script &Inner : Nested) {
      Owned.push_back(std::move(Inner));
      add(Owned.back(), InnerInside, Depth - 1);
    }
  }
}

namespace {

/// ADM302: a script copied into a container or server, then run there.
class CopyCodeIntoContainerCheck : public Check {
public:
  explicit CopyCodeIntoContainerCheck(const CheckSettings &S)
      : Check(RuleId::CopyCodeIntoContainer, S) {}

  void checkFile(const FileAnalysis &F, Reporter &R) const override {
    std::set<uint32_t> Reported;
    bool Ci =
        F.Kind == FileKind::GithubWorkflow || F.Kind == FileKind::GitlabCi;
    const auto *Pipeline = Ci ? F.model<CiPipelineModel>() : nullptr;
    if (!Pipeline) {
      StepList Steps;
      for (const ShellUnit &U : F.Shell)
        Steps.add(U.Script, /*Inside=*/false, MaxNesting);
      checkSteps(Steps.steps(), F, R, Reported);
      return;
    }
    for (const CiJob &Job : Pipeline->Jobs) {
      StepList Steps;
      for (unsigned I : Job.ShellUnits)
        Steps.add(F.Shell[I].Script, /*Inside=*/false, MaxNesting);
      checkSteps(Steps.steps(), F, R, Reported);
    }
  }

private:
  static constexpr unsigned MaxNesting = 8;

  /// Reports each copy in Steps that a later step runs, once per copy even
  /// when several CI jobs share the code (a GitLab template or `default:`).
  void checkSteps(const std::vector<Step> &Steps, const FileAnalysis &F,
                  Reporter &R, std::set<uint32_t> &Reported) const {
    Optional<RunIndex> Runs;
    for (size_t I = 0; I < Steps.size(); ++I) {
      Optional<CopiedScript> Copy = parseCopy(*Steps[I].Cmd);
      if (!Copy || Reported.count(Copy->Range.Begin))
        continue;
      if (!Runs)
        Runs.emplace(Steps);
      size_t J = Runs->firstAfter(Copy->BaseName, I);
      if (J == Steps.size())
        continue;
      Reported.insert(Copy->Range.Begin);
      Diagnostic &D = report(
          R, F.File, Copy->Range,
          "'" + Copy->BaseName + "' is copied with " + Copy->Tool +
              " and then run there; ship it in the release image and run "
              "it as a one-off");
      D.FingerprintKey = Copy->Tool + ":" + Copy->BaseName;
      D.Related.push_back(
          {F.File, wordsRange(*Steps[J].Cmd), "the copied code runs here"});
    }
  }
};

} // namespace

std::unique_ptr<Check>
createCopyCodeIntoContainerCheck(const CheckSettings &S) {
  return std::make_unique<CopyCodeIntoContainerCheck>(S);
}

} // namespace adminlint
