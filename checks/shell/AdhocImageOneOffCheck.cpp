//===- AdhocImageOneOffCheck.cpp - ADM304 adhoc-image-one-off -------------===//
//
// A one-off run in a generic image instead of the app's release image:
// `kubectl run tmp --image=python:3.12 -- python fix.py`, `docker run -v
// $PWD:/app python:3.12 python manage.py migrate`, a Job running an admin
// command in a base image. A database image running its own client against a
// dump, and debug pods that run no admin command or app script, are fine.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace adminlint {
namespace {

/// ADM304: a one-off admin run in a generic base image.
class AdhocImageOneOffCheck : public Check {
public:
  explicit AdhocImageOneOffCheck(const CheckSettings &S)
      : Check(RuleId::AdhocImageOneOff, S) {}

  void checkFile(const FileAnalysis &F, Reporter &R) const override;
  void checkShell(const ShellUnit &U, const FileAnalysis &F,
                  Reporter &R) const override;

private:
  Optional<std::string> appWork(const shell::Script &S, StringRef Image,
                                bool CodeMounted) const;
};

} // namespace

static bool isDatabaseClient(StringRef Framework) {
  return StringSwitch<bool>(Framework)
      .Cases("postgres", "mysql", "mongodb", "sqlserver", true)
      .Default(false);
}

static bool isInterpreter(StringRef Name) {
  return Name.startswith("python") || Name == "node" || Name == "ruby" ||
         Name == "php" || Name == "perl";
}

/// `python fix.py`, `node scripts/task.js`: an interpreter running a file.
static Optional<std::string> interpretedScript(const shell::Command &C) {
  if (C.Words.size() < 2)
    return None;
  StringRef Name = C.name().substr(C.name().rfind('/') + 1);
  if (!isInterpreter(Name))
    return None;
  for (size_t I = 1; I < C.Words.size(); ++I) {
    StringRef W = C.Words[I].value();
    if (W.startswith("-"))
      return None;
    if (W.contains('.'))
      return wordsText(C);
  }
  return None;
}

/// What app work S does (an admin task or an app script), described.
Optional<std::string> AdhocImageOneOffCheck::appWork(const shell::Script &S,
                                                     StringRef Image,
                                                     bool CodeMounted) const {
  bool Db = isDatabaseImage(Image);
  Optional<std::string> Found;
  forEachCommand(S, [&](const shell::Command &C) {
    if (Found)
      return;
    if (Optional<AdminMatch> M = admin().match(C)) {
      if (M->isAdminTask() &&
          (!Db || CodeMounted || !isDatabaseClient(M->Framework)))
        Found = M->describe();
      return;
    }
    if (!Db)
      if (Optional<std::string> Script = interpretedScript(C))
        Found = "script '" + *Script + "'";
  });
  return Found;
}

void AdhocImageOneOffCheck::checkShell(const ShellUnit &U,
                                       const FileAnalysis &F,
                                       Reporter &R) const {
  forEachCommand(U.Script, [&](const shell::Command &C) {
    for (size_t I = 0; I < C.Words.size(); ++I) {
      Optional<OneOffRun> Run = parseOneOff(C.Words, I);
      if (!Run)
        continue;
      if (Run->Image.empty() || !isGenericBaseImage(Run->Image))
        return;
      Optional<std::string> Work =
          appWork(oneOffScript(C, *Run), Run->Image, Run->MountsWorkdir);
      if (Work)
        report(R, F.File, Run->ImageRange,
               "'" + Run->Kind + "' runs " + *Work + " in generic image '" +
                   Run->Image + "' instead of the app's release image")
            .FingerprintKey = Run->Kind + " " + Run->Image;
      return;
    }
  });
}

void AdhocImageOneOffCheck::checkFile(const FileAnalysis &F,
                                      Reporter &R) const {
  Check::checkFile(F, R);
  for (const Workload &W : F.Workloads) {
    if (W.Lifetime == WorkloadLifetime::LongRunning || W.InitContainer)
      continue;
    StringRef Image = W.Image.Repository.empty()
                          ? StringRef(W.Image.Written)
                          : StringRef(W.Image.Repository);
    if (Image.empty() || !isGenericBaseImage(Image))
      continue;
    Optional<std::string> Work = appWork(W.Script, Image, false);
    if (!Work)
      continue;
    report(R, F.File, W.Image.Range,
           W.Origin + " '" + W.Name + "' runs " + *Work +
               " in generic image '" + W.Image.Written +
               "' instead of the app's release image")
        .FingerprintKey = W.Origin + " " + W.Name + " " + W.Image.Written;
  }
}

std::unique_ptr<Check> createAdhocImageOneOffCheck(const CheckSettings &S) {
  return std::make_unique<AdhocImageOneOffCheck>(S);
}

} // namespace adminlint
