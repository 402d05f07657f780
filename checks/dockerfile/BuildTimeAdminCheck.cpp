//===- BuildTimeAdminCheck.cpp - ADM501 build-time-admin ------------------===//
//
// A Dockerfile RUN performs an admin task: it runs against the build
// environment, not a release's config. Build steps (collectstatic,
// assets:precompile) and test stages are fine.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"

namespace adminlint {
namespace {

/// ADM501: an admin task in a Dockerfile RUN instruction.
class BuildTimeAdminCheck : public Check {
public:
  explicit BuildTimeAdminCheck(const CheckSettings &S)
      : Check(RuleId::BuildTimeAdmin, S) {}

  void checkShell(const ShellUnit &U, const FileAnalysis &F,
                  Reporter &R) const override {
    if (U.Host != ShellHost::DockerRun || U.TestStage)
      return;
    for (const AdminMatch &M : admin().matchAll(U.Script)) {
      if (!M.isAdminTask())
        continue;
      report(R, F.File, M.Range, M.describe() + " runs at image build time")
          .FingerprintKey = M.Text;
    }
  }
};

} // namespace

std::unique_ptr<Check> createBuildTimeAdminCheck(const CheckSettings &S) {
  return std::make_unique<BuildTimeAdminCheck>(S);
}

} // namespace adminlint
