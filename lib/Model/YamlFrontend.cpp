//===- YamlFrontend.cpp - Kubernetes manifests in any YAML file -----------===//
#include "lib/Model/Frontends.h"
#include "lib/Model/Kubernetes.h"
#include "llvm/Support/Path.h"
#include <memory>

using namespace llvm;

namespace adminlint {

/// Reports a YAML stream's problems (ADM900/ADM902) on the file.
static void addProblems(const yaml::Stream &S, FileAnalysis &A) {
  for (const yaml::Problem &P : S.problems())
    A.addDiag(P.Rule, P.Range, P.Message);
}

void analyzeYaml(FileAnalysis &A, const FrontendLimits &Limits) {
  yaml::YamlOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  Opts.MaxNodes = Limits.MaxYamlNodes;
  yaml::Stream S = yaml::Stream::parse(A.File->text(), Opts);
  addProblems(S, A);
  auto M = std::make_shared<k8s::Manifest>();
  for (const yaml::Document &D : S.documents())
    k8s::buildObjects(*D.Root, M->Objects);
  if (M->Objects.empty())
    return;
  k8s::addObjects(
      M->Objects,
      sys::path::parent_path(A.File->path(), sys::path::Style::posix), A);
  A.Model = std::move(M);
}

} // namespace adminlint
