//===- AdminImageTagDriftCheck.cpp - ADM402 admin-image-tag-drift ---------===//
#include "checks/k8s/ReleaseCheck.h"

namespace adminlint {
namespace {

/// "tag 1.2", "digest sha256:...", "tag 1.2 and digest ..." or "no tag".
std::string versionOf(const ImageRef &I) {
  std::string Out = I.Tag.empty() ? "no tag" : "tag '" + I.Tag + "'";
  if (!I.Digest.empty())
    Out += (I.Tag.empty() ? "digest '" : " and digest '") + I.Digest + "'";
  if (I.Tag.empty() && !I.Digest.empty())
    Out = "digest '" + I.Digest + "'";
  return Out;
}

/// ADM402: the admin workload uses the app's repository at another version.
class AdminImageTagDriftCheck : public ReleaseCheck {
public:
  explicit AdminImageTagDriftCheck(const CheckSettings &S)
      : ReleaseCheck(RuleId::AdminImageTagDrift, S) {}

  void checkRun(const AdminRun &Run, Reporter &R) const override {
    const ImageRef &Image = Run.Admin->Image;
    const ImageRef &App = Run.AppImage;
    if (!Image.Resolved || !App.Resolved)
      return;
    if (canonicalRepository(Image.Repository, Settings.RegistryAliases) !=
        canonicalRepository(App.Repository, Settings.RegistryAliases))
      return;
    if (Image.Tag == App.Tag && Image.Digest == App.Digest)
      return;
    if (App.Tag.empty() && App.Digest.empty())
      return;
    Diagnostic &D =
        report(R, Run.Admin->File, imageRange(*Run.Admin),
               nameOf(*Run.Admin) + " runs the app's image at " +
                   versionOf(Image) + ", the app runs " + versionOf(App));
    relateAppImage(D, Run);
    D.FingerprintKey = nameOf(*Run.Admin) + " " + Image.Written;
  }
};

} // namespace

std::unique_ptr<Check> createAdminImageTagDriftCheck(const CheckSettings &S) {
  return std::make_unique<AdminImageTagDriftCheck>(S);
}

} // namespace adminlint
