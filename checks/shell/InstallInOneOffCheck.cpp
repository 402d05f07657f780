//===- InstallInOneOffCheck.cpp - ADM203 install-in-one-off ---------------===//
//
// Dependencies installed inside a one-off invocation (`kubectl exec ... --
// pip install`, `heroku run "pip install x && ..."`, `docker run img sh -c
// "pip install ... && python manage.py ..."`), or a Job/hook/release command
// that installs before it runs: the one-off no longer runs the release.
// Installs in a Dockerfile RUN are the build; CI jobs that do not target a
// deployed environment are tests.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"

using namespace llvm;

namespace adminlint {
namespace {

/// ADM203: a dependency install inside a one-off.
class InstallInOneOffCheck : public Check {
public:
  explicit InstallInOneOffCheck(const CheckSettings &S)
      : Check(RuleId::InstallInOneOff, S) {}

  void checkShell(const ShellUnit &U, const FileAnalysis &F,
                  Reporter &R) const override;

private:
  void checkOneOffRuns(const shell::Script &S, const FileAnalysis &F,
                       Reporter &R) const;
  void checkOneOffUnit(const ShellUnit &U, const FileAnalysis &F,
                       Reporter &R) const;
};

} // namespace

void InstallInOneOffCheck::checkOneOffRuns(const shell::Script &S,
                                           const FileAnalysis &F,
                                           Reporter &R) const {
  forEachCommand(S, [&](const shell::Command &C) {
    Optional<OneOffRun> Run = findOneOff(C);
    if (!Run)
      return;
    forEachCommand(oneOffScript(C, *Run), [&](const shell::Command &Inner) {
      if (!isDependencyInstall(Inner))
        return;
      report(R, F.File, wordsRange(Inner),
             "'" + wordsText(Inner) + "' installs dependencies inside a '" +
                 Run->Kind + "' one-off")
          .FingerprintKey = Run->Kind + " " + wordsText(Inner);
    });
  });
}

void InstallInOneOffCheck::checkOneOffUnit(const ShellUnit &U,
                                           const FileAnalysis &F,
                                           Reporter &R) const {
  // Nested scripts live only during the visit: keep ranges and text.
  std::vector<std::pair<SourceRange, std::string>> Installs;
  bool RunsAfter = false;
  forEachCommand(U.Script, [&](const shell::Command &C) {
    if (isDependencyInstall(C))
      Installs.push_back({wordsRange(C), wordsText(C)});
    else if (!Installs.empty() && !C.Words.empty())
      RunsAfter = true;
  });
  if (!RunsAfter)
    return;
  for (const auto &Install : Installs)
    report(R, F.File, Install.first,
           "'" + Install.second +
               "' installs dependencies inside the one-off '" + U.Label + "'")
        .FingerprintKey = U.Label + " " + Install.second;
}

void InstallInOneOffCheck::checkShell(const ShellUnit &U, const FileAnalysis &F,
                                      Reporter &R) const {
  if (U.Host == ShellHost::DockerRun)
    return;
  bool Ci = U.Host == ShellHost::GithubRun || U.Host == ShellHost::GitlabScript;
  if (Ci && !U.AgainstDeployed)
    return;
  if (U.OneOff && !Ci) {
    checkOneOffUnit(U, F, R);
    return;
  }
  checkOneOffRuns(U.Script, F, R);
}

std::unique_ptr<Check> createInstallInOneOffCheck(const CheckSettings &S) {
  return std::make_unique<InstallInOneOffCheck>(S);
}

} // namespace adminlint
