//===- AdminAsLongRunningCheck.cpp - ADM503 admin-as-long-running ---------===//
//
// An admin task defined as a long-running process: a Procfile process type
// other than `release` whose command is a migration, a Deployment whose only
// container runs one. The platform restarts it when it exits.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace adminlint {
namespace {

/// ADM503: a long-running process whose process is the admin task.
class AdminAsLongRunningCheck : public Check {
public:
  explicit AdminAsLongRunningCheck(const CheckSettings &S)
      : Check(RuleId::AdminAsLongRunning, S) {}

  void checkFile(const FileAnalysis &F, Reporter &R) const override;
  void checkShell(const ShellUnit &U, const FileAnalysis &F,
                  Reporter &R) const override;

private:
  void reportIfProcessIsAdmin(const shell::Script &S, const SourceFileRef &File,
                              const std::string &Where, Reporter &R) const;
};

} // namespace

/// The admin task that S ends with, when S's process is one.
static Optional<AdminMatch> finalAdminTask(const AdminMatcher &M,
                                           const shell::Script &S) {
  std::vector<Optional<AdminMatch>> Steps = M.startSequence(S);
  if (Steps.empty() || !Steps.back())
    return None;
  AdminCategory C = Steps.back()->Category;
  if (C != AdminCategory::Migration && C != AdminCategory::DataTask)
    return None;
  return Steps.back();
}

void AdminAsLongRunningCheck::reportIfProcessIsAdmin(const shell::Script &S,
                                                     const SourceFileRef &File,
                                                     const std::string &Where,
                                                     Reporter &R) const {
  Optional<AdminMatch> M = finalAdminTask(admin(), S);
  if (!M)
    return;
  report(R, File, M->Range,
         Where + " runs " + M->describe() +
             " as a long-running process; run it as a one-off release task")
      .FingerprintKey = M->Text;
}

void AdminAsLongRunningCheck::checkShell(const ShellUnit &U,
                                         const FileAnalysis &F,
                                         Reporter &R) const {
  if (U.Host != ShellHost::ProcfileEntry || !U.LongRunning ||
      U.Label == "release")
    return;
  reportIfProcessIsAdmin(U.Script, F.File, "process type '" + U.Label + "'", R);
}

static bool isDeploymentLike(StringRef Origin) {
  return StringSwitch<bool>(Origin)
      .Cases("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", true)
      .Default(false);
}

void AdminAsLongRunningCheck::checkFile(const FileAnalysis &F,
                                        Reporter &R) const {
  Check::checkFile(F, R);
  for (const Workload &W : F.Workloads) {
    if (!isDeploymentLike(W.Origin) || W.InitContainer ||
        W.Lifetime != WorkloadLifetime::LongRunning)
      continue;
    unsigned Containers = llvm::count_if(F.Workloads, [&](const Workload &O) {
      return O.Origin == W.Origin && O.Name == W.Name && !O.InitContainer;
    });
    if (Containers == 1)
      reportIfProcessIsAdmin(W.Script, F.File, W.Origin + " '" + W.Name + "'",
                             R);
  }
}

std::unique_ptr<Check> createAdminAsLongRunningCheck(const CheckSettings &S) {
  return std::make_unique<AdminAsLongRunningCheck>(S);
}

} // namespace adminlint
