//===- AdminInAppStartCheck.cpp - ADM502 admin-in-app-start ---------------===//
//
// A long-running process's start runs an admin task first: every replica
// races to run it on every restart. Looks at Dockerfile CMD/ENTRYPOINT of the
// final stage, Procfile web/worker, production compose commands, Deployment
// containers and init containers, and the entrypoint script a Dockerfile
// names.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace adminlint {
namespace {

/// ADM502: an admin task run before the long-running process starts.
class AdminInAppStartCheck : public Check {
public:
  explicit AdminInAppStartCheck(const CheckSettings &S)
      : Check(RuleId::AdminInAppStart, S) {}

  void checkFile(const FileAnalysis &F, Reporter &R) const override;
  void checkShell(const ShellUnit &U, const FileAnalysis &F,
                  Reporter &R) const override;
  void checkRepository(const RepoModel &M, Reporter &R) const override;

private:
  void reportBeforeProcess(const shell::Script &S, const SourceFileRef &File,
                           StringRef Where, Reporter &R) const;
};

} // namespace

static bool isKubernetesLongRunning(const Workload &W) {
  return W.Lifetime == WorkloadLifetime::LongRunning &&
         StringSwitch<bool>(W.Origin)
             .Cases("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
                    true)
             .Cases("ReplicationController", "DeploymentConfig", true)
             .Default(false);
}

static std::string fixHint() {
  return "run it once per release as a release phase, Job or Helm hook";
}

void AdminInAppStartCheck::reportBeforeProcess(const shell::Script &S,
                                               const SourceFileRef &File,
                                               StringRef Where,
                                               Reporter &R) const {
  std::vector<Optional<AdminMatch>> Steps = admin().startSequence(S);
  bool ProcessFollows = false;
  for (auto It = Steps.rbegin(); It != Steps.rend(); ++It) {
    if (!*It) {
      ProcessFollows = true;
      continue;
    }
    if (!ProcessFollows)
      continue;
    const AdminMatch &M = **It;
    report(R, File, M.Range,
           (Where + " runs " + M.describe() + " before the app starts; " +
            fixHint())
               .str())
        .FingerprintKey = M.Text;
  }
}

void AdminInAppStartCheck::checkShell(const ShellUnit &U, const FileAnalysis &F,
                                      Reporter &R) const {
  if (!U.LongRunning)
    return;
  switch (U.Host) {
  case ShellHost::DockerCmd:
  case ShellHost::DockerEntrypoint:
    if (U.FinalStage)
      reportBeforeProcess(U.Script, F.File, "the image's start command", R);
    return;
  case ShellHost::ProcfileEntry:
    reportBeforeProcess(U.Script, F.File, "the '" + U.Label + "' process", R);
    return;
  case ShellHost::ComposeCommand:
    if (F.Ctx == Context::Production)
      reportBeforeProcess(U.Script, F.File, "the service's command", R);
    return;
  default:
    return;
  }
}

void AdminInAppStartCheck::checkFile(const FileAnalysis &F, Reporter &R) const {
  Check::checkFile(F, R);
  for (const Workload &W : F.Workloads) {
    if (!isKubernetesLongRunning(W))
      continue;
    if (!W.InitContainer) {
      reportBeforeProcess(W.Script, F.File, "the " + W.Origin + "'s container",
                          R);
      continue;
    }
    for (const AdminMatch &M : admin().matchAll(W.Script)) {
      if (!M.isAdminTask())
        continue;
      report(R, F.File, M.Range,
             "an init container of " + W.Origin + " '" + W.Name + "' runs " +
                 M.describe() + " in every replica; " + fixHint())
          .FingerprintKey = M.Text;
    }
  }
}

void AdminInAppStartCheck::checkRepository(const RepoModel &M,
                                           Reporter &R) const {
  SmallPtrSet<const FileAnalysis *, 4> Scripts;
  for (const auto &F : M.Files) {
    if (F->Kind != FileKind::Dockerfile)
      continue;
    for (const Workload &W : F->Workloads) {
      if (W.Origin != "Dockerfile" || W.Script.Commands.empty())
        continue;
      StringRef Script = scriptRunBy(W.Script.Commands.front());
      if (Script.empty())
        continue;
      if (const FileAnalysis *S = findScriptFile(M, F->File->path(), Script))
        Scripts.insert(S);
    }
  }
  std::vector<const FileAnalysis *> Sorted(Scripts.begin(), Scripts.end());
  llvm::sort(Sorted, [](const FileAnalysis *A, const FileAnalysis *B) {
    return A->File->path() < B->File->path();
  });
  for (const FileAnalysis *F : Sorted)
    for (const ShellUnit &U : F->Shell)
      reportBeforeProcess(U.Script, F->File, "the image's entrypoint script",
                          R);
}

std::unique_ptr<Check> createAdminInAppStartCheck(const CheckSettings &S) {
  return std::make_unique<AdminInAppStartCheck>(S);
}

} // namespace adminlint
