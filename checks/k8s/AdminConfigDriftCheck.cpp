//===- AdminConfigDriftCheck.cpp - ADM404 admin-config-drift --------------===//
#include "checks/k8s/ReleaseCheck.h"
#include "llvm/ADT/STLExtras.h"

namespace adminlint {
namespace {

bool sameSource(const ConfigSource &A, const ConfigSource &B) {
  return A.Kind == B.Kind && A.Name == B.Name;
}

/// ADM404: an admin workload lacks config sources its app uses.
class AdminConfigDriftCheck : public ReleaseCheck {
public:
  explicit AdminConfigDriftCheck(const CheckSettings &S)
      : ReleaseCheck(RuleId::AdminConfigDrift, S) {}

  void checkRun(const AdminRun &Run, Reporter &R) const override {
    if (!Run.App)
      return;
    std::vector<const ConfigSource *> Missing;
    for (const ConfigSource &C : Run.App->Config)
      if (llvm::none_of(Run.Admin->Config, [&C](const ConfigSource &A) {
            return sameSource(A, C);
          }))
        Missing.push_back(&C);
    if (Missing.empty())
      return;
    std::string Names;
    for (const ConfigSource *C : Missing)
      Names += (Names.empty() ? "" : ", ") + C->Kind + " '" + C->Name + "'";
    Diagnostic &D =
        report(R, Run.Admin->File, Run.Admin->Range,
               nameOf(*Run.Admin) + " lacks config sources of the app (" +
                   nameOf(*Run.App) + "): " + Names);
    for (const ConfigSource *C : Missing)
      D.Related.push_back(
          {C->File, C->Range, "app config source declared here"});
    D.FingerprintKey = nameOf(*Run.Admin) + " " + Names;
  }
};

} // namespace

std::unique_ptr<Check> createAdminConfigDriftCheck(const CheckSettings &S) {
  return std::make_unique<AdminConfigDriftCheck>(S);
}

} // namespace adminlint
