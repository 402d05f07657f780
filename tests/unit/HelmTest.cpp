#include "lib/Model/Helm.h"
#include "lib/Model/Frontends.h"
#include "lib/Model/Kustomize.h"
#include "gtest/gtest.h"
#include <deque>
#include <memory>

using namespace adminlint;
using namespace adminlint::helm;

namespace {

/// A chart's values and metadata, for evaluator tests.
class HelmEval : public ::testing::Test {
protected:
  void SetUp() override {
    Values = yaml::Stream::parse("image:\n"
                                 "  repository: ghcr.io/acme/app\n"
                                 "  tag: \"1.4.2\"\n"
                                 "  empty: \"\"\n"
                                 "  float: 1.10\n"
                                 "  nothing:\n"
                                 "migrate:\n"
                                 "  enabled: true\n");
    Meta.Name = "app";
    Meta.AppVersion = "1.4.0";
    Scope.Chart = &Meta;
    Scope.Values = Values.documents().front().Root;
    Scope.Defines["app.image"] =
        "\n{{- .Values.image.repository }}:{{ .Values.image.tag -}}\n";
    Scope.Defines["app.name"] = "{{ .Chart.Name }}-{{ .Release.Name }}";
  }

  Evaluation eval(llvm::StringRef Text,
                  llvm::Optional<std::string> Dot = std::string()) {
    return evaluateTemplateText(Text, Scope, Dot);
  }

  yaml::Stream Values;
  ChartMeta Meta;
  ChartScope Scope;
};

} // namespace

TEST_F(HelmEval, ResolvesValuesAndChartFields) {
  Evaluation E = eval("{{ .Values.image.repository }}:{{ .Values.image.tag | "
                      "default .Chart.AppVersion }}");
  EXPECT_TRUE(E.Resolved);
  EXPECT_EQ(E.Text, "ghcr.io/acme/app:1.4.2");
  E = eval("{{ .Values.image.repository }}:{{ .Values.image.missing | default "
           ".Chart.AppVersion }}");
  EXPECT_TRUE(E.Resolved);
  EXPECT_EQ(E.Text, "ghcr.io/acme/app:1.4.0");
  E = eval("{{ .Values.image.repository }}:{{ default .Chart.AppVersion "
           ".Values.image.empty }}");
  EXPECT_EQ(E.Text, "ghcr.io/acme/app:1.4.0");
  E = eval("{{ .Values.image.nothing | default \"x\" }}");
  EXPECT_EQ(E.Text, "x");
}

TEST_F(HelmEval, SimpleFunctions) {
  EXPECT_EQ(eval("{{ printf \"%s:%s\" .Values.image.repository "
                 ".Values.image.tag }}")
                .Text,
            "ghcr.io/acme/app:1.4.2");
  EXPECT_EQ(eval("{{ .Values.image.tag | quote }}").Text, "\"1.4.2\"");
  EXPECT_EQ(eval("{{ \" v1 \" | trim }}").Text, "v1");
  EXPECT_EQ(eval("{{ toString .Values.image.tag }}").Text, "1.4.2");
  EXPECT_EQ(eval("{{ (.Values.image.tag) }}").Text, "1.4.2");
  EXPECT_EQ(eval("{{/* c */}}a{{- \" b\" }}").Text, "a b");
}

TEST_F(HelmEval, IncludeAndDot) {
  Evaluation E = eval("{{ include \"app.image\" . }}");
  EXPECT_TRUE(E.Resolved);
  EXPECT_EQ(E.Text, "ghcr.io/acme/app:1.4.2");
  EXPECT_EQ(eval("{{ template \"app.image\" . }}").Text,
            "ghcr.io/acme/app:1.4.2");
  E = eval("{{ .repository }}", std::string(".Values.image"));
  EXPECT_EQ(E.Text, "ghcr.io/acme/app");
  E = eval("{{ $.Values.image.tag }}", llvm::None);
  EXPECT_EQ(E.Text, "1.4.2");
}

TEST_F(HelmEval, UnresolvableStaysAnExpression) {
  Evaluation E =
      eval("{{ .Values.image.repository }}:{{.Release.Name}}-{{ $tag }}");
  EXPECT_FALSE(E.Resolved);
  EXPECT_EQ(E.Text, "ghcr.io/acme/app:{{ .Release.Name }}-{{ $tag }}");
  // A field of a missing map fails in Helm: no guess.
  E = eval("{{ .Values.jobs.tag | default \"1\" }}");
  EXPECT_FALSE(E.Resolved);
  // A missing value without default prints nothing in Helm: no guess either.
  EXPECT_FALSE(eval("{{ .Values.image.missing }}").Resolved);
  // Helm reads 1.10 as the number 1.1.
  EXPECT_FALSE(eval("{{ .Values.image.float }}").Resolved);
  EXPECT_FALSE(eval("{{ include \"app.name\" . }}").Resolved);
  EXPECT_FALSE(eval("{{ .repository }}", llvm::None).Resolved);
  EXPECT_FALSE(eval("{{ if .Values.x }}a{{ end }}").Resolved);
  EXPECT_FALSE(eval("{{ lookup \"v1\" \"Secret\" \"ns\" \"x\" }}").Resolved);
  EXPECT_FALSE(eval("{{ .Values.image.tag").Resolved);
}

TEST_F(HelmEval, IncludeBombIsBounded) {
  std::string Body;
  for (int I = 0; I < 50; ++I)
    Body += "{{ include \"bomb\" . }}";
  Scope.Defines["bomb"] = Body;
  Evaluation E = eval("{{ include \"bomb\" . }}");
  EXPECT_FALSE(E.Resolved);
}

TEST(HelmLayout, ChartDirOf) {
  EXPECT_EQ(*chartDirOf("templates/job.yaml"), "");
  EXPECT_EQ(*chartDirOf("deploy/charts/web/templates/job.yaml"),
            "deploy/charts/web");
  EXPECT_FALSE(chartDirOf("k8s/job.yaml").hasValue());
}

//===----------------------------------------------------------------------===//
// Frontends and the repository-level resolver
//===----------------------------------------------------------------------===//

static std::shared_ptr<FileAnalysis> analyze(FileKind Kind, std::string Path,
                                             std::string Text) {
  auto A = std::make_shared<FileAnalysis>();
  A->File = std::make_shared<SourceFile>(std::move(Path), std::move(Text));
  A->Kind = Kind;
  frontendFor(Kind)(*A, FrontendLimits());
  return A;
}

static void add(RepoModel &M, std::shared_ptr<FileAnalysis> A) {
  M.Files.push_back(A);
  for (const Workload &W : A->Workloads)
    M.Workloads.push_back(&W);
}

static const char *DeploymentYaml =
    "apiVersion: apps/v1\n"
    "kind: Deployment\n"
    "metadata:\n"
    "  name: {{ include \"app.fullname\" . }}\n"
    "  labels:\n"
    "    {{- include \"app.labels\" . | nindent 4 }}\n"
    "spec:\n"
    "  {{- if not .Values.autoscaling.enabled }}\n"
    "  replicas: {{ .Values.replicaCount }}\n"
    "  {{- end }}\n"
    "  template:\n"
    "    spec:\n"
    "      containers:\n"
    "        - name: web\n"
    "          image: \"{{ .Values.image.repository }}:{{ .Values.image.tag "
    "| default .Chart.AppVersion }}\"\n"
    "          envFrom:\n"
    "            - secretRef:\n"
    "                name: {{ include \"app.fullname\" . }}-env\n";

static const char *JobYaml =
    "apiVersion: batch/v1\n"
    "kind: Job\n"
    "metadata:\n"
    "  name: migrate\n"
    "  annotations:\n"
    "    \"helm.sh/hook\": pre-upgrade\n"
    "spec:\n"
    "  template:\n"
    "    spec:\n"
    "      containers:\n"
    "        - name: migrate\n"
    "          image: {{ .Values.image.repository }}:{{ .Values.migrate.tag "
    "}}\n"
    "          command: [\"python\", \"manage.py\", \"migrate\"]\n";

TEST(HelmFrontend, TemplateWorkloadsKeepTheirExpressions) {
  auto A = analyze(FileKind::HelmTemplate, "chart/templates/deployment.yaml",
                   DeploymentYaml);
  EXPECT_TRUE(A->Diags.empty());
  ASSERT_EQ(A->Workloads.size(), 1u);
  const Workload &W = A->Workloads[0];
  EXPECT_EQ(W.ReleaseUnit, "chart");
  EXPECT_FALSE(W.Image.Resolved);
  EXPECT_EQ(W.Image.Written,
            "{{ .Values.image.repository }}:{{ "
            ".Values.image.tag | default .Chart.AppVersion }}");
  llvm::StringRef Text = DeploymentYaml;
  size_t Image = Text.find("\"{{ .Values.image.repository");
  EXPECT_EQ(W.Image.Range.Begin, Image);
  EXPECT_EQ(W.Image.Range.End, Text.find("\n          envFrom"));
  ASSERT_EQ(W.Config.size(), 1u);
  EXPECT_EQ(W.Config[0].Name, "{{ include \"app.fullname\" . }}-env");
  EXPECT_EQ(W.Name, "{{ include \"app.fullname\" . }}");
}

TEST(HelmFrontend, UnbalancedTemplateIsAParseErrorAndTheRestIsRead) {
  std::string T = std::string(JobYaml) + "{{- end }}\n";
  auto A = analyze(FileKind::HelmTemplate, "chart/templates/job.yaml", T);
  ASSERT_EQ(A->Diags.size(), 1u);
  EXPECT_EQ(A->Diags[0].Rule, RuleId::ParseError);
  EXPECT_EQ(A->Diags[0].Primary.Range.Begin, T.find("{{- end }}"));
  EXPECT_EQ(A->Workloads.size(), 1u);
}

TEST(HelmFrontend, ValuesMustBeAMap) {
  auto A = analyze(FileKind::HelmValues, "chart/values.yaml", "\n- a\n- b\n");
  ASSERT_EQ(A->Diags.size(), 1u);
  EXPECT_EQ(A->Diags[0].Rule, RuleId::ParseError);
  EXPECT_EQ(A->Diags[0].Message, "values.yaml is not a map of values");
  EXPECT_EQ(A->Diags[0].Primary.Range.Begin, 1u);
  auto Empty = analyze(FileKind::HelmValues, "chart/values.yaml", "# none\n");
  EXPECT_TRUE(Empty->Diags.empty());
}

TEST(HelmResolver, ResolvesChartImagesThroughValues) {
  RepoModel M;
  add(M, analyze(FileKind::HelmChart, "chart/Chart.yaml",
                 "apiVersion: v2\nname: app\nversion: 0.1.0\n"
                 "appVersion: \"2.0.0\"\n"));
  add(M, analyze(FileKind::HelmValues, "chart/values.yaml",
                 "image:\n  repository: ghcr.io/acme/app\n  tag: \"\"\n"
                 "migrate:\n  tag: \"1.9.0\"\n"));
  add(M, analyze(FileKind::HelmTemplate, "chart/templates/_helpers.tpl",
                 "{{- define \"app.fullname\" -}}app{{- end }}\n"));
  add(M, analyze(FileKind::HelmTemplate, "chart/templates/deployment.yaml",
                 DeploymentYaml));
  add(M, analyze(FileKind::HelmTemplate, "chart/templates/job.yaml", JobYaml));
  ASSERT_EQ(M.Workloads.size(), 2u);
  HelmResolver R(M);
  ImageRef App = R.resolveImage(*M.Workloads[0]);
  EXPECT_TRUE(App.Resolved);
  EXPECT_EQ(App.Repository, "ghcr.io/acme/app");
  EXPECT_EQ(App.Tag, "2.0.0");
  EXPECT_EQ(App.Range, M.Workloads[0]->Image.Range);
  ImageRef Job = R.resolveImage(*M.Workloads[1]);
  EXPECT_TRUE(Job.Resolved);
  EXPECT_EQ(Job.Written, "ghcr.io/acme/app:1.9.0");
  EXPECT_EQ(Job.Tag, "1.9.0");

  std::deque<Workload> Storage;
  auto Release = kustomize::releaseWorkloads(M, Storage);
  ASSERT_EQ(Release.size(), 2u);
  EXPECT_EQ(Release[0]->Image.Tag, "2.0.0");
  EXPECT_EQ(Release[1]->Image.Tag, "1.9.0");
}

TEST(HelmResolver, WithoutAChartNothingResolves) {
  RepoModel M;
  add(M, analyze(FileKind::HelmTemplate, "chart/templates/job.yaml", JobYaml));
  HelmResolver R(M);
  ImageRef Job = R.resolveImage(*M.Workloads[0]);
  EXPECT_FALSE(Job.Resolved);
  EXPECT_EQ(Job.Written, M.Workloads[0]->Image.Written);
}
