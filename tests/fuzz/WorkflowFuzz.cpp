//===- WorkflowFuzz.cpp - libFuzzer target for the CI frontends -----------===//
//
// Reads the input as a GitHub Actions workflow and as a GitLab CI file, and
// checks that the model's ranges and every shell range map inside the file
// and that each job's shell units exist.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/GithubWorkflow.h"
#include "lib/Model/GitlabCi.h"
#include "tests/fuzz/FuzzSupport.h"
#include <cstdint>
#include <cstdlib>

using namespace adminlint;
using namespace adminlint::fuzz;

static void check(const FileAnalysis &A, size_t Size) {
  const auto *M = A.model<CiPipelineModel>();
  require(M != nullptr);
  for (const CiJob &Job : M->Jobs) {
    checkRange(Job.IdRange, Size);
    checkRange(Job.EnvironmentRange, Size);
    for (const CiVariable &V : Job.Variables) {
      checkRange(V.NameRange, Size);
      checkRange(V.ValueRange, Size);
    }
    for (unsigned I : Job.ShellUnits)
      require(I < A.Shell.size());
  }
  checkAnalysis(A, Size);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  check(analyzeAs(FileKind::GithubWorkflow, ".github/workflows/ci.yml", Data,
                  Size),
        Size);
  check(analyzeAs(FileKind::GitlabCi, ".gitlab-ci.yml", Data, Size), Size);
  return 0;
}
