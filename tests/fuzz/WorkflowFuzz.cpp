//===- WorkflowFuzz.cpp - libFuzzer target for the CI frontends -----------===//
//
// Reads the input as a GitHub Actions workflow and as a GitLab CI file, and
// checks that the model's ranges and every shell range map inside the file
// and that each job's shell units exist.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/GithubWorkflow.h"
#include "lib/Model/GitlabCi.h"
#include <cstdint>
#include <cstdlib>

using namespace adminlint;

static void require(bool Condition) {
  if (!Condition)
    abort();
}

static void checkRange(SourceRange R, size_t Size) {
  require(R.Begin <= R.End && R.End <= Size);
}

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
  for (const Diagnostic &D : A.Diags)
    checkRange(D.Primary.Range, Size);
  for (const ShellUnit &U : A.Shell)
    for (const shell::Command &C : U.Script.Commands) {
      checkRange(C.Range, Size);
      for (const shell::Word &W : C.Words)
        checkRange(W.Range, Size);
    }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  FileAnalysis Github;
  Github.File = std::make_shared<SourceFile>(".github/workflows/ci.yml", Text);
  Github.Kind = FileKind::GithubWorkflow;
  analyzeGithubWorkflow(Github, FrontendLimits());
  check(Github, Size);
  FileAnalysis Gitlab;
  Gitlab.File = std::make_shared<SourceFile>(".gitlab-ci.yml", Text);
  Gitlab.Kind = FileKind::GitlabCi;
  analyzeGitlabCi(Gitlab, FrontendLimits());
  check(Gitlab, Size);
  return 0;
}
