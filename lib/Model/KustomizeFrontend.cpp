//===- KustomizeFrontend.cpp - kustomization.yaml -------------------------===//
#include "lib/Model/Frontends.h"
#include "lib/Model/Kustomize.h"
#include "lib/Parse/Yaml.h"
#include <memory>

using namespace llvm;

namespace adminlint {

/// Reads a list of resource entries (`resources:`, `bases:`, `components:`).
static void addResources(const yaml::Node *List, StringRef Dir,
                         kustomize::Kustomization &K) {
  if (!List)
    return;
  for (const yaml::Node *Item : List->items()) {
    if (!Item->isScalar())
      continue;
    Optional<std::string> Path =
        kustomize::resolveResourcePath(Dir, Item->value());
    if (Path)
      K.Resources.push_back({Item->value().str(), *Path, Item->range()});
  }
}

static void addImages(const yaml::Node *List, kustomize::Kustomization &K) {
  if (!List)
    return;
  for (const yaml::Node *Item : List->items()) {
    if (!Item->isMapping() || Item->getString("name").empty())
      continue;
    K.Images.push_back({Item->getString("name").str(),
                        Item->getString("newName").str(),
                        Item->getString("newTag").str(),
                        Item->getString("digest").str(), Item->range()});
  }
}

void analyzeKustomization(FileAnalysis &A, const FrontendLimits &Limits) {
  yaml::YamlOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  Opts.MaxNodes = Limits.MaxYamlNodes;
  yaml::Stream S = yaml::Stream::parse(A.File->text(), Opts);
  for (const yaml::Problem &P : S.problems())
    A.addDiag(P.Rule, P.Range, P.Message);
  if (S.documents().empty() || !S.problems().empty())
    return;
  const yaml::Node *Root = S.documents().front().Root;
  if (!Root->isMapping()) {
    if (!Root->isNull())
      A.addDiag(RuleId::ParseError, Root->range(),
                "kustomization is not a map");
    return;
  }
  auto K = std::make_shared<kustomize::Kustomization>();
  std::string Dir = kustomize::directoryOf(A.File->path());
  for (StringRef Key : {"resources", "bases", "components"})
    addResources(Root->get(Key), Dir, *K);
  addImages(Root->get("images"), *K);
  A.Model = std::move(K);
}

} // namespace adminlint
