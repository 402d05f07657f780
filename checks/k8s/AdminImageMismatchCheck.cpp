//===- AdminImageMismatchCheck.cpp - ADM401 admin-image-mismatch ----------===//
#include "checks/k8s/ReleaseCheck.h"

namespace adminlint {
namespace {

/// ADM401: an admin workload uses another image repository than its app.
/// Generic base images are ADM304's, not reported here.
class AdminImageMismatchCheck : public ReleaseCheck {
public:
  explicit AdminImageMismatchCheck(const CheckSettings &S)
      : ReleaseCheck(RuleId::AdminImageMismatch, S) {}

  void checkRun(const AdminRun &Run, Reporter &R) const override {
    const ImageRef &Image = Run.Admin->Image;
    if (!Image.Resolved || !Run.AppImage.Resolved ||
        isGenericBaseImage(Image.Written))
      return;
    std::string Repo =
        canonicalRepository(Image.Repository, Settings.RegistryAliases);
    std::string AppRepo =
        canonicalRepository(Run.AppImage.Repository, Settings.RegistryAliases);
    if (Repo == AppRepo)
      return;
    Diagnostic &D =
        report(R, Run.Admin->File, imageRange(*Run.Admin),
               nameOf(*Run.Admin) + " runs '" +
                   (Run.Match.Text.empty() ? Run.Match.Entry : Run.Match.Text) +
                   "' in image repository '" + Image.Repository +
                   "', not the app's '" + Run.AppImage.Repository + "'");
    relateAppImage(D, Run);
    D.FingerprintKey = nameOf(*Run.Admin) + " " + Image.Repository;
  }
};

} // namespace

std::unique_ptr<Check> createAdminImageMismatchCheck(const CheckSettings &S) {
  return std::make_unique<AdminImageMismatchCheck>(S);
}

} // namespace adminlint
