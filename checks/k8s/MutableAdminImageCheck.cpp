//===- MutableAdminImageCheck.cpp - ADM403 mutable-admin-image ------------===//
#include "checks/k8s/ReleaseCheck.h"

namespace adminlint {
namespace {

/// ADM403: the image of an admin workload has no tag, :latest or a moving tag.
class MutableAdminImageCheck : public ReleaseCheck {
public:
  explicit MutableAdminImageCheck(const CheckSettings &S)
      : ReleaseCheck(RuleId::MutableAdminImage, S) {}

  void checkRun(const AdminRun &Run, Reporter &R) const override {
    const ImageRef &Image = Run.Admin->Image;
    if (!Image.Resolved || !Image.Digest.empty() || !isMovingTag(Image.Tag))
      return;
    std::string What = Image.Tag.empty()
                           ? std::string("has no tag")
                           : "has the moving tag '" + Image.Tag + "'";
    Diagnostic &D =
        report(R, Run.Admin->File, imageRange(*Run.Admin),
               "image '" + Image.Written + "' of " + nameOf(*Run.Admin) + " " +
                   What + "; which release ran it cannot be audited");
    D.FingerprintKey = nameOf(*Run.Admin) + " " + Image.Written;
  }
};

} // namespace

std::unique_ptr<Check> createMutableAdminImageCheck(const CheckSettings &S) {
  return std::make_unique<MutableAdminImageCheck>(S);
}

} // namespace adminlint
