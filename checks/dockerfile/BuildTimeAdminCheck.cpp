//===- BuildTimeAdminCheck.cpp - ADM501 build-time-admin ------------------===//
//
// A Dockerfile RUN performs an admin task: it runs against the build
// environment, not a release's config; so does a build script a RUN calls,
// found among the repository's shell scripts. Build steps (collectstatic,
// assets:precompile) and test stages are fine.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace llvm;

namespace adminlint {
namespace {

/// ADM501: an admin task in a Dockerfile RUN instruction.
class BuildTimeAdminCheck : public Check {
public:
  explicit BuildTimeAdminCheck(const CheckSettings &S)
      : Check(RuleId::BuildTimeAdmin, S) {}

  void checkShell(const ShellUnit &U, const FileAnalysis &F,
                  Reporter &R) const override {
    if (isBuildUnit(U))
      reportAdminTasks(U.Script, F.File, "", R);
  }
  void checkRepository(const RepoModel &M, Reporter &R) const override;

private:
  static bool isBuildUnit(const ShellUnit &U) {
    return U.Host == ShellHost::DockerRun && !U.TestStage;
  }
  void reportAdminTasks(const shell::Script &S, const SourceFileRef &File,
                        StringRef Via, Reporter &R) const {
    for (const AdminMatch &M : admin().matchAll(S)) {
      if (!M.isAdminTask())
        continue;
      report(R, File, M.Range,
             M.describe() + " runs at image build time" + Via.str())
          .FingerprintKey = M.Text;
    }
  }
};

} // namespace

void BuildTimeAdminCheck::checkRepository(const RepoModel &M,
                                          Reporter &R) const {
  SmallPtrSet<const FileAnalysis *, 4> Seen;
  std::vector<const FileAnalysis *> Scripts;
  for (const auto &F : M.Files) {
    if (F->Kind != FileKind::Dockerfile)
      continue;
    for (const ShellUnit &U : F->Shell) {
      if (!isBuildUnit(U))
        continue;
      for (const shell::Command &C : U.Script.Commands) {
        StringRef Script = scriptRunBy(C);
        if (Script.empty() || AdminMatcher::isAdminScriptName(Script))
          continue;
        const FileAnalysis *S = findScriptFile(M, F->File->path(), Script);
        if (S && Seen.insert(S).second)
          Scripts.push_back(S);
      }
    }
  }
  llvm::sort(Scripts, [](const FileAnalysis *A, const FileAnalysis *B) {
    return A->File->path() < B->File->path();
  });
  for (const FileAnalysis *S : Scripts)
    for (const ShellUnit &U : S->Shell)
      reportAdminTasks(U.Script, S->File, ", called by a Dockerfile RUN", R);
}

std::unique_ptr<Check> createBuildTimeAdminCheck(const CheckSettings &S) {
  return std::make_unique<BuildTimeAdminCheck>(S);
}

} // namespace adminlint
