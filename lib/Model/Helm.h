//===- Helm.h - Helm charts: values, metadata and image resolution -*- C++
//-*-===//
//
// A chart is a directory with a Chart.yaml. Its frontends (HelmFrontend.cpp)
// parse Chart.yaml, values.yaml and templates/* one file at a time; images of
// template workloads keep their `{{ }}` expressions. Resolution happens at
// repository level: HelmResolver reads the kept analyses of a chart's files
// and evaluates the simple pipelines Helm charts use for images, without
// running helm. An expression it cannot evaluate stays an expression.
//
//===----------------------------------------------------------------------===//
#ifndef ADMINLINT_MODEL_HELM_H
#define ADMINLINT_MODEL_HELM_H

#include "lib/Model/RepoModel.h"
#include "lib/Model/Workload.h"
#include "lib/Parse/HelmTemplate.h"
#include "lib/Parse/Yaml.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace adminlint {
namespace helm {

/// The Chart.yaml fields templates read (FileAnalysis::Model of HelmChart).
struct ChartMeta {
  std::string Name;
  std::string Version;
  std::string AppVersion;
};

/// A parsed values.yaml (FileAnalysis::Model of HelmValues).
struct ValuesModel {
  yaml::Stream Stream;
  const yaml::Node *Root = nullptr; ///< the mapping, or null when empty
};

/// A template's actions and named templates (FileAnalysis::Model of
/// HelmTemplate); the preprocessed YAML text itself is not kept.
struct TemplateModel {
  PreprocessedTemplate Template;
};

/// The chart directory of a file inside a chart's templates/ directory
/// ("charts/web" for "charts/web/templates/job.yaml", "" for
/// "templates/job.yaml"), or None when the path has no templates/ part.
llvm::Optional<std::string> chartDirOf(llvm::StringRef Path);

/// What a chart's templates can read: its metadata, values and named
/// templates.
struct ChartScope {
  const ChartMeta *Chart = nullptr;
  const yaml::Node *Values = nullptr;
  /// Named templates of every template file of the chart, by name: the
  /// define's body, a slice of its file's text.
  llvm::StringMap<llvm::StringRef> Defines;
};

/// The result of evaluating template text.
struct Evaluation {
  std::string Text;
  bool Resolved = true; ///< every action resolved
};

/// Evaluates template text (literal text with `{{ }}` actions, such as an
/// image scalar or a define body) with `.` at the field path Dot. Resolved
/// actions are replaced by their value; the others are kept, normalized to
/// `{{ pipeline }}`. Bounded: includes nest at most 8 deep and one evaluation
/// reads and prints at most 64 KiB.
Evaluation evaluateTemplateText(llvm::StringRef Text, const ChartScope &Scope,
                                const llvm::Optional<std::string> &Dot);

/// Resolves the images of chart template workloads through their chart's
/// values.yaml and Chart.yaml. Built once per repository model; immutable.
class HelmResolver {
public:
  explicit HelmResolver(const RepoModel &M);

  /// W's image with its expressions evaluated: Written is the source text
  /// with the resolved expressions substituted, and the parts are set when
  /// nothing is left unresolved. W.Image when W is not a template workload.
  ImageRef resolveImage(const Workload &W) const;

  /// The scope of a chart directory, or null when it is not a chart.
  const ChartScope *scopeOf(llvm::StringRef ChartDir) const;

private:
  llvm::StringMap<ChartScope> Charts;
  llvm::StringMap<const FileAnalysis *> Templates; ///< by path
};

} // namespace helm
} // namespace adminlint

#endif
