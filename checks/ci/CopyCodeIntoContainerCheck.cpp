//===- CopyCodeIntoContainerCheck.cpp - ADM302 copy-code-into-container ---===//
//
// Code copied into a running container or server (kubectl cp, docker cp, scp,
// rsync) and then run there by a later exec or ssh in the same file, or in the
// same CI job: what ran is not any release.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {
namespace {

/// A copy of a local script to a container or a remote host.
struct CopiedScript {
  std::string Tool;     ///< "kubectl cp", "docker cp", "scp", "rsync"
  std::string BaseName; ///< "fix_records.py"
  SourceRange Range;    ///< the source operand
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

/// Whether C runs something inside a container or on a remote host and
/// names the copied file.
static bool runsCopied(const shell::Command &C, StringRef BaseName) {
  StringRef Program = programOf(C);
  bool Remote = Program == "ssh";
  for (const shell::Word &W : C.Words)
    Remote |= W.value() == "exec" &&
              StringSwitch<bool>(Program)
                  .Cases("kubectl", "oc", "docker", "podman", "nerdctl", true)
                  .Default(false);
  if (!Remote)
    return false;
  for (size_t I = 1; I < C.Words.size(); ++I)
    if (C.Words[I].value().contains(BaseName))
      return true;
  return false;
}

namespace {

/// ADM302: a script copied into a container or server, then run there.
class CopyCodeIntoContainerCheck : public Check {
public:
  explicit CopyCodeIntoContainerCheck(const CheckSettings &S)
      : Check(RuleId::CopyCodeIntoContainer, S) {}

  void checkFile(const FileAnalysis &F, Reporter &R) const override {
    bool ByJob =
        F.Kind == FileKind::GithubWorkflow || F.Kind == FileKind::GitlabCi;
    std::vector<std::pair<std::string, std::vector<const shell::Command *>>>
        Groups;
    for (const ShellUnit &U : F.Shell) {
      std::string Key = ByJob ? U.Label : "";
      if (Groups.empty() || Groups.back().first != Key)
        Groups.push_back({Key, {}});
      for (const shell::Command &C : U.Script.Commands)
        Groups.back().second.push_back(&C);
    }
    for (const auto &G : Groups)
      checkSequence(G.second, F, R);
  }

private:
  void checkSequence(const std::vector<const shell::Command *> &Commands,
                     const FileAnalysis &F, Reporter &R) const {
    for (size_t I = 0; I < Commands.size(); ++I) {
      Optional<CopiedScript> Copy = parseCopy(*Commands[I]);
      if (!Copy)
        continue;
      for (size_t J = I + 1; J < Commands.size(); ++J) {
        if (!runsCopied(*Commands[J], Copy->BaseName))
          continue;
        Diagnostic &D = report(
            R, F.File, Copy->Range,
            "'" + Copy->BaseName + "' is copied with " + Copy->Tool +
                " and then run there; ship it in the release image and run "
                "it as a one-off");
        D.FingerprintKey = Copy->Tool + ":" + Copy->BaseName;
        D.Related.push_back(
            {F.File, wordsRange(*Commands[J]), "the copied code runs here"});
        break;
      }
    }
  }
};

} // namespace

std::unique_ptr<Check>
createCopyCodeIntoContainerCheck(const CheckSettings &S) {
  return std::make_unique<CopyCodeIntoContainerCheck>(S);
}

} // namespace adminlint
