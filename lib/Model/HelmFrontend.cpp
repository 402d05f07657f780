//===- HelmFrontend.cpp - Chart.yaml, values.yaml and chart templates -----===//
#include "lib/Model/Frontends.h"
#include "lib/Model/Helm.h"
#include "lib/Model/Kubernetes.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"
#include <memory>

using namespace llvm;

namespace adminlint {

static yaml::YamlOptions yamlOptions(const FrontendLimits &Limits) {
  yaml::YamlOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  Opts.MaxNodes = Limits.MaxYamlNodes;
  return Opts;
}

static void addProblems(const yaml::Stream &S, FileAnalysis &A) {
  for (const yaml::Problem &P : S.problems())
    A.addDiag(P.Rule, P.Range, P.Message);
}

/// The first document's root, or null for an empty stream.
static const yaml::Node *firstRoot(const yaml::Stream &S) {
  return S.documents().empty() ? nullptr : S.documents().front().Root;
}

void analyzeHelmChart(FileAnalysis &A, const FrontendLimits &Limits) {
  yaml::Stream S = yaml::Stream::parse(A.File->text(), yamlOptions(Limits));
  addProblems(S, A);
  const yaml::Node *Root = firstRoot(S);
  if (!Root || !S.problems().empty())
    return;
  if (!Root->isMapping()) {
    A.addDiag(RuleId::ParseError, Root->range(), "Chart.yaml is not a map");
    return;
  }
  auto M = std::make_shared<helm::ChartMeta>();
  M->Name = Root->getString("name").str();
  M->Version = Root->getString("version").str();
  M->AppVersion = Root->getString("appVersion").str();
  A.Model = std::move(M);
}

void analyzeHelmValues(FileAnalysis &A, const FrontendLimits &Limits) {
  auto M = std::make_shared<helm::ValuesModel>();
  M->Stream = yaml::Stream::parse(A.File->text(), yamlOptions(Limits));
  addProblems(M->Stream, A);
  const yaml::Node *Root = firstRoot(M->Stream);
  if (!M->Stream.problems().empty())
    return;
  if (Root && !Root->isNull() && !Root->isMapping()) {
    StringRef Name =
        sys::path::filename(A.File->path(), sys::path::Style::posix);
    A.addDiag(RuleId::ParseError, Root->range(),
              (Name + " is not a map of values").str());
    return;
  }
  M->Root = Root && Root->isMapping() ? Root : nullptr;
  A.Model = std::move(M);
}

/// Gives a scalar that held template actions its template text back, so the
/// workload shows (and compares) the expressions instead of placeholders.
static void restore(k8s::Scalar &S, StringRef Host,
                    const helm::PreprocessedTemplate &T) {
  if (S.Range.empty() || T.outputsIn(S.Range).empty() || S.Text.empty())
    return;
  SourceRange Content = S.Text.toHost(0, S.Text.size());
  if (Content.End > Host.size() || Content.Begin > Content.End)
    return;
  S.Text = EmbeddedText::verbatim(Host.slice(Content.Begin, Content.End),
                                  Content.Begin);
}

static void restoreObject(k8s::Object &O, StringRef Host,
                          const helm::PreprocessedTemplate &T) {
  restore(O.Name, Host, T);
  for (k8s::Container &C : O.Containers) {
    restore(C.Name, Host, T);
    restore(C.Image, Host, T);
    for (k8s::EnvVar &V : C.Env) {
      restore(V.Value, Host, T);
      restore(V.RefName, Host, T);
    }
    for (k8s::EnvFrom &E : C.EnvFromSources)
      restore(E.Name, Host, T);
  }
}

static void addTemplateErrors(const helm::PreprocessedTemplate &T,
                              FileAnalysis &A) {
  for (const helm::TemplateError &E : T.Errors)
    A.addDiag(RuleId::ParseError, E.Range, E.Message);
}

void analyzeHelmTemplate(FileAnalysis &A, const FrontendLimits &Limits) {
  auto M = std::make_shared<helm::TemplateModel>();
  M->Template = helm::preprocessTemplate(A.File->text());
  addTemplateErrors(M->Template, A);
  StringRef Path = A.File->path();
  if (!Path.endswith(".tpl")) {
    yaml::Stream S = yaml::Stream::parse(M->Template.Yaml, yamlOptions(Limits));
    // YAML problems of a template with actions may come from what the
    // actions print; only a plain YAML file in templates/ reports them.
    if (M->Template.Actions.empty())
      addProblems(S, A);
    std::vector<k8s::Object> Objects;
    for (const yaml::Document &D : S.documents())
      k8s::buildObjects(*D.Root, Objects);
    for (k8s::Object &O : Objects)
      restoreObject(O, A.File->text(), M->Template);
    Optional<std::string> Chart = helm::chartDirOf(Path);
    k8s::addObjects(Objects, Chart ? *Chart : "", A);
  }
  M->Template.Yaml.clear();
  M->Template.Yaml.shrink_to_fit();
  A.Model = std::move(M);
}

} // namespace adminlint
