//===- AdhocEnvSourceCheck.cpp - ADM201 adhoc-env-source ------------------===//
//
// Environment sourced ad hoc: `source`/`.` of a file outside the repository,
// a virtualenv outside it, or an env file bulk-loaded into the shell
// (`export $(cat .env.prod | xargs)`, `set -a; . prod.env`, `eval "$(cat ..)"`,
// `env $(cat ...) cmd`). Reported in production-facing code and in any code
// that also runs an admin command.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace adminlint {
namespace {

/// ADM201: ad-hoc environment sourcing.
class AdhocEnvSourceCheck : public Check {
public:
  explicit AdhocEnvSourceCheck(const CheckSettings &S)
      : Check(RuleId::AdhocEnvSource, S) {}

  void checkShell(const ShellUnit &U, const FileAnalysis &F,
                  Reporter &R) const override;
};

} // namespace

/// Shell libraries and tool initialisers that set no app config.
static bool isToolLibrary(StringRef Path) {
  if (Path.startswith("/usr/share/") || Path.startswith("/lib/") ||
      Path.startswith("/usr/lib/") || Path.startswith("$NVM_DIR") ||
      Path.startswith("${NVM_DIR}") || Path.startswith("$SDKMAN_DIR") ||
      Path.startswith("/etc/init.d/") || Path.startswith("/etc/rc.d/") ||
      Path.startswith("/etc/profile.d/") || Path == "/etc/profile")
    return true;
  StringRef Base = Path.substr(Path.rfind('/') + 1);
  if (Path.endswith("/.cargo/env"))
    return true;
  return StringSwitch<bool>(Base)
      .Cases("os-release", "lsb-release", "nvm.sh", "sdkman-init.sh", true)
      .Cases("asdf.sh", "conda.sh", "bash_completion", "functions", true)
      .Cases("rvm", "git-prompt.sh", "init-functions", true)
      .Default(false);
}

/// Whether a sourced path lies outside the repository.
static bool isOutsideRepository(StringRef Path) {
  return Path.startswith("/") || Path.startswith("~") ||
         Path.startswith("$HOME") || Path.startswith("${HOME}");
}

static bool isActivateScript(StringRef Path) {
  return Path.endswith("/bin/activate") || Path == "activate";
}

static bool looksLikeEnvFile(StringRef Path) {
  StringRef Base = Path.substr(Path.rfind('/') + 1);
  return Base.startswith(".env") || Base.endswith(".env") ||
         Base.contains("env.") || Base == "environment" ||
         Base.endswith(".envrc");
}

/// `$(cat F)`, `$(< F)`, `$(grep -v '^#' F | xargs)`: a whole file's text.
static bool readsWholeFile(StringRef Word) {
  size_t Sub = Word.find("$(");
  if (Sub == StringRef::npos)
    Sub = Word.find('`');
  if (Sub == StringRef::npos)
    return false;
  StringRef Body = Word.substr(Sub).ltrim("$(`").ltrim();
  return Body.startswith("cat ") || Body.startswith("<") ||
         Body.startswith("grep ") || Body.startswith("sed ") ||
         Body.contains("xargs");
}

/// Why C sources config ad hoc, or an empty string. InImage: the code runs
/// inside a container, where absolute paths are the image's own files.
static std::string adhocSource(const shell::Command &C, bool AllExport,
                               bool InImage) {
  StringRef Name = C.name();
  if ((Name == "source" || Name == ".") && C.Words.size() > 1) {
    StringRef Path = C.Words[1].value();
    if (isToolLibrary(Path) || (InImage && !looksLikeEnvFile(Path)))
      return "";
    if (isActivateScript(Path) && isOutsideRepository(Path))
      return ("activates a virtualenv outside the repository (" + Path + ")")
          .str();
    if (isOutsideRepository(Path))
      return ("sources '" + Path + "' from outside the repository").str();
    if (AllExport && looksLikeEnvFile(Path))
      return ("bulk-exports env file '" + Path + "' into the shell").str();
    return "";
  }
  if (Name != "export" && Name != "eval" && Name != "env")
    return "";
  for (size_t I = 1; I < C.Words.size(); ++I)
    if (readsWholeFile(C.Words[I].value()))
      return ("bulk-loads an env file with '" + Name + "'").str();
  return "";
}

static bool setsAllExport(const shell::Command &C) {
  if (C.name() != "set")
    return false;
  for (size_t I = 1; I < C.Words.size(); ++I) {
    StringRef V = C.Words[I].value();
    if ((V.startswith("-") && !V.startswith("--") && V.contains('a')) ||
        V == "allexport")
      return true;
  }
  return false;
}

static bool runsInImage(ShellHost H) {
  return H == ShellHost::DockerRun || H == ShellHost::DockerCmd ||
         H == ShellHost::DockerEntrypoint || H == ShellHost::K8sCommand ||
         H == ShellHost::ComposeCommand;
}

void AdhocEnvSourceCheck::checkShell(const ShellUnit &U, const FileAnalysis &F,
                                     Reporter &R) const {
  bool Relevant = F.Ctx == Context::Production;
  if (!Relevant)
    for (const AdminMatch &M : admin().matchAll(U.Script))
      Relevant |= M.isAdminTask();
  if (!Relevant)
    return;
  bool AllExport = false;
  forEachCommand(U.Script, [&](const shell::Command &C) {
    AllExport |= setsAllExport(C);
    std::string Why = adhocSource(C, AllExport, runsInImage(U.Host));
    if (Why.empty())
      return;
    report(R, F.File, wordsRange(C), std::move(Why)).FingerprintKey =
        wordsText(C);
  });
}

std::unique_ptr<Check> createAdhocEnvSourceCheck(const CheckSettings &S) {
  return std::make_unique<AdhocEnvSourceCheck>(S);
}

} // namespace adminlint
