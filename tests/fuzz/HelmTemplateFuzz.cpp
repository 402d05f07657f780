//===- HelmTemplateFuzz.cpp - libFuzzer target for Helm templates ---------===//
//
// Preprocesses the input as a chart template and checks the invariants the
// YAML layer relies on (same length, line breaks kept, ranges inside the
// file, actions in order), runs the template frontend, then resolves every
// workload image and every output action against a small chart whose named
// templates are the input's own defines, so include recursion is exercised.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/Frontends.h"
#include "lib/Model/Helm.h"
#include "lib/Parse/HelmTemplate.h"
#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace adminlint;
using namespace adminlint::helm;

namespace adminlint {
void analyzeHelmChart(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeHelmValues(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeHelmTemplate(FileAnalysis &A, const FrontendLimits &Limits);
} // namespace adminlint

static void require(bool Condition) {
  if (!Condition)
    abort();
}

static void checkRange(SourceRange R, size_t Size) {
  require(R.Begin <= R.End && R.End <= Size);
}

static void checkPreprocessed(llvm::StringRef Text,
                              const PreprocessedTemplate &P) {
  require(P.Yaml.size() == Text.size());
  for (size_t I = 0; I < Text.size(); ++I)
    require((Text[I] == '\n') == (P.Yaml[I] == '\n'));
  uint32_t Last = 0;
  for (const TemplateAction &A : P.Actions) {
    checkRange(A.Range, Text.size());
    require(A.Range.Begin >= Last);
    require(A.Pipeline.Begin >= A.Range.Begin && A.Pipeline.End <= A.Range.End);
    checkRange(A.Pipeline, Text.size());
    Last = A.Range.End;
  }
  for (const TemplateError &E : P.Errors) {
    checkRange(E.Range, Text.size());
    require(!E.Message.empty());
  }
  for (const NamedTemplate &D : P.Defines) {
    checkRange(D.Body, Text.size());
    checkRange(D.NameRange, Text.size());
  }
}

static std::shared_ptr<FileAnalysis>
analyze(FileKind Kind, FrontendFn Fn, std::string Path, std::string Text) {
  auto A = std::make_shared<FileAnalysis>();
  A->File = std::make_shared<SourceFile>(std::move(Path), std::move(Text));
  A->Kind = Kind;
  Fn(*A, FrontendLimits());
  return A;
}

static const char *Values = "image:\n"
                            "  repository: registry.example.com/app\n"
                            "  tag: \"1.2.3\"\n"
                            "name: app\n";

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  checkPreprocessed(Text, preprocessTemplate(Text));

  RepoModel M;
  M.Files.push_back(analyze(FileKind::HelmChart, analyzeHelmChart,
                            "c/Chart.yaml",
                            "name: app\nversion: 1.0.0\nappVersion: 1.2.3\n"));
  M.Files.push_back(analyze(FileKind::HelmValues, analyzeHelmValues,
                            "c/values.yaml", Values));
  auto T = analyze(FileKind::HelmTemplate, analyzeHelmTemplate,
                   "c/templates/t.yaml", Text);
  M.Files.push_back(T);
  for (const Diagnostic &D : T->Diags)
    checkRange(D.Primary.Range, Size);
  for (const Workload &W : T->Workloads) {
    checkRange(W.Range, Size);
    checkRange(W.Image.Range, Size);
    M.Workloads.push_back(&W);
  }
  HelmResolver R(M);
  for (const Workload *W : M.Workloads)
    R.resolveImage(*W);
  const ChartScope *Scope = R.scopeOf("c");
  require(Scope != nullptr);
  const PreprocessedTemplate &P = T->model<TemplateModel>()->Template;
  for (const TemplateAction &A : P.Actions)
    evaluateTemplateText(
        llvm::StringRef(Text).slice(A.Range.Begin, A.Range.End), *Scope, A.Dot);
  return 0;
}
