#include "lib/Parse/HelmTemplate.h"
#include "gtest/gtest.h"
#include <string>

using namespace adminlint;
using namespace adminlint::helm;

static std::string pipelineText(llvm::StringRef Text, const TemplateAction &A) {
  return Text.slice(A.Pipeline.Begin, A.Pipeline.End).str();
}

TEST(HelmTemplate, KeepsLengthAndLineBreaks) {
  std::string T = "{{- if .Values.enabled }}\n"
                  "kind: Job\n"
                  "{{- end }}\n";
  PreprocessedTemplate P = preprocessTemplate(T);
  ASSERT_EQ(P.Yaml.size(), T.size());
  EXPECT_EQ(P.Yaml, std::string(25, ' ') + "\nkind: Job\n" +
                        std::string(10, ' ') + "\n");
  EXPECT_TRUE(P.Errors.empty());
  ASSERT_EQ(P.Actions.size(), 2u);
  EXPECT_EQ(P.Actions[0].Kind, ActionKind::Control);
  EXPECT_TRUE(P.Actions[0].Standalone);
  EXPECT_EQ(pipelineText(T, P.Actions[0]), "if .Values.enabled");
}

TEST(HelmTemplate, InlineExpressionsBecomePlaceholders) {
  std::string T =
      "image: \"{{ .Values.image.repository }}:{{ .Values.image.tag "
      "| default .Chart.AppVersion }}\"\n";
  PreprocessedTemplate P = preprocessTemplate(T);
  ASSERT_EQ(P.Yaml.size(), T.size());
  size_t Open = T.find("{{");
  size_t Colon = T.find("}}:") + 2;
  EXPECT_EQ(P.Yaml.substr(0, 8), "image: \"");
  EXPECT_EQ(P.Yaml.substr(Open, Colon - Open),
            std::string(Colon - Open, PlaceholderChar));
  EXPECT_EQ(P.Yaml[Colon], ':');
  EXPECT_EQ(P.Yaml.substr(T.size() - 2), "\"\n");
  ASSERT_EQ(P.Actions.size(), 2u);
  EXPECT_FALSE(P.Actions[0].Standalone);
  EXPECT_EQ(P.Actions[0].Range.Begin, 8u);
  EXPECT_EQ(P.Actions[0].Range.End, 38u);
  EXPECT_EQ(pipelineText(T, P.Actions[1]),
            ".Values.image.tag | default .Chart.AppVersion");
  auto In = P.outputsIn({7, uint32_t(T.size() - 1)});
  ASSERT_EQ(In.size(), 2u);
  EXPECT_EQ(In[1], &P.Actions[1]);
  ASSERT_TRUE(P.Actions[1].Dot.hasValue());
  EXPECT_EQ(*P.Actions[1].Dot, "");
}

TEST(HelmTemplate, TrimMarkersAreNotPartOfThePipeline) {
  std::string T = "a: {{- .Values.x -}}\n";
  PreprocessedTemplate P = preprocessTemplate(T);
  ASSERT_EQ(P.Actions.size(), 1u);
  EXPECT_EQ(pipelineText(T, P.Actions[0]), ".Values.x");
  EXPECT_EQ(P.Yaml, "a: " + std::string(17, PlaceholderChar) + "\n");
}

TEST(HelmTemplate, BlockPrintingActionsAreBlankedInline) {
  std::string T = "resources: {{- toYaml .Values.resources | nindent 12 }}\n"
                  "labels:\n"
                  "  {{- include \"app.labels\" . | nindent 4 }}\n";
  PreprocessedTemplate P = preprocessTemplate(T);
  ASSERT_EQ(P.Actions.size(), 2u);
  EXPECT_TRUE(P.Actions[0].PrintsBlock);
  EXPECT_FALSE(P.Actions[0].Standalone);
  EXPECT_TRUE(P.Actions[1].Standalone);
  EXPECT_EQ(llvm::StringRef(P.Yaml).trim(),
            "resources: " + std::string(44, ' ') + "\nlabels:");
}

TEST(HelmTemplate, CommentsAndDefinesAreRemoved) {
  std::string T = "{{/* the job */}}\n"
                  "{{- define \"app.image\" -}}\n"
                  "{{ .Values.image.repository }}:{{ .Values.image.tag }}\n"
                  "{{- end }}\n"
                  "kind: Job # {{ .Values.note }}\n";
  PreprocessedTemplate P = preprocessTemplate(T);
  EXPECT_TRUE(P.Errors.empty());
  EXPECT_EQ(llvm::StringRef(P.Yaml).trim().substr(0, 9), "kind: Job");
  ASSERT_EQ(P.Defines.size(), 1u);
  EXPECT_EQ(P.Defines[0].Name, "app.image");
  EXPECT_EQ(T.substr(P.Defines[0].NameRange.Begin, 9), "app.image");
  llvm::StringRef Body =
      llvm::StringRef(T).slice(P.Defines[0].Body.Begin, P.Defines[0].Body.End);
  EXPECT_EQ(Body.trim(),
            "{{ .Values.image.repository }}:{{ .Values.image.tag }}");
  // The comment, define and end; nothing of the define's body.
  ASSERT_EQ(P.Actions.size(), 4u);
  EXPECT_EQ(P.Actions[0].Kind, ActionKind::Comment);
  EXPECT_EQ(P.Actions[3].Kind, ActionKind::Output);
}

TEST(HelmTemplate, ElseBranchesAreDiscarded) {
  std::string T = "{{- if .Values.digest }}\n"
                  "image: a@{{ .Values.digest }}\n"
                  "{{- else }}\n"
                  "image: a:{{ .Values.tag }}\n"
                  "{{- end }}\n";
  PreprocessedTemplate P = preprocessTemplate(T);
  EXPECT_EQ(P.Yaml.find("image: a:"), std::string::npos);
  EXPECT_NE(P.Yaml.find("image: a@"), std::string::npos);
  EXPECT_EQ(P.Yaml.size(), T.size());
  for (const TemplateAction &A : P.Actions)
    EXPECT_EQ(pipelineText(T, A).find(".Values.tag"), std::string::npos);
}

TEST(HelmTemplate, WithSetsDotAndRangeLosesIt) {
  std::string T = "{{- with .Values.image }}\n"
                  "image: {{ .repository }}\n"
                  "{{- end }}\n"
                  "{{- range .Values.jobs }}\n"
                  "image: {{ .image }}\n"
                  "{{- end }}\n";
  PreprocessedTemplate P = preprocessTemplate(T);
  auto Outs = P.outputsIn({0, uint32_t(T.size())});
  ASSERT_EQ(Outs.size(), 2u);
  ASSERT_TRUE(Outs[0]->Dot.hasValue());
  EXPECT_EQ(*Outs[0]->Dot, ".Values.image");
  EXPECT_FALSE(Outs[1]->Dot.hasValue());
}

TEST(HelmTemplate, UnbalancedDelimitersAreErrorsWithRanges) {
  std::string T = "a: {{ .Values.x\n"
                  "b: { .Values.y }}\n"
                  "c: {\"k\":{\"v\":1}}\n"
                  "d: {{ .Values.z }}\n";
  PreprocessedTemplate P = preprocessTemplate(T);
  ASSERT_EQ(P.Errors.size(), 2u);
  EXPECT_EQ(P.Errors[0].Range.Begin, 3u);
  EXPECT_EQ(P.Errors[0].Range.End, 5u);
  EXPECT_NE(P.Errors[0].Message.find("'{{' without"), std::string::npos);
  size_t Stray = T.find("}}\nc");
  EXPECT_EQ(P.Errors[1].Range.Begin, Stray);
  EXPECT_EQ(P.Errors[1].Range.End, Stray + 2);
  // The rest is still read: d's action is found.
  ASSERT_EQ(P.Actions.size(), 1u);
  EXPECT_EQ(pipelineText(T, P.Actions[0]), ".Values.z");
  EXPECT_EQ(P.Yaml.substr(0, 16),
            std::string("a:") + std::string(13, ' ') + "\n");
}

TEST(HelmTemplate, UnbalancedBlocksAreErrors) {
  std::string T = "{{- if .a }}\nx: 1\n{{ end }}\n{{ end }}\n{{ range .b }}\n";
  PreprocessedTemplate P = preprocessTemplate(T);
  ASSERT_EQ(P.Errors.size(), 2u);
  EXPECT_NE(P.Errors[0].Message.find("without an open block"),
            std::string::npos);
  EXPECT_EQ(P.Errors[0].Range.Begin, T.find("{{ end }}\n{{ range"));
  EXPECT_NE(P.Errors[1].Message.find("'{{ range }}' is never closed"),
            std::string::npos);
  EXPECT_EQ(P.Errors[1].Range.Begin, T.find("{{ range"));
}

TEST(HelmTemplate, StringsInsideActionsMayHoldDelimiters) {
  std::string T = "a: {{ \"}}\" }}\nb: {{ `{{` }}\n";
  PreprocessedTemplate P = preprocessTemplate(T);
  EXPECT_TRUE(P.Errors.empty());
  ASSERT_EQ(P.Actions.size(), 2u);
  EXPECT_EQ(P.Actions[0].Range.End, T.find("\nb"));
}

TEST(HelmTemplate, ManyUnterminatedActionsStayLinear) {
  std::string T;
  for (int I = 0; I < 20000; ++I)
    T += "{{ `x` \"y\n";
  PreprocessedTemplate P = preprocessTemplate(T);
  EXPECT_EQ(P.Errors.size(), 20000u);
  EXPECT_EQ(P.Yaml.size(), T.size());
}

TEST(HelmTemplate, DeepWithNestingStaysBounded) {
  std::string T;
  for (int I = 0; I < 50000; ++I)
    T += "{{ with .a }}";
  T += "x: {{ .b }}\n";
  PreprocessedTemplate P = preprocessTemplate(T);
  EXPECT_EQ(P.Errors.size(), 50000u);
  ASSERT_FALSE(P.Actions.empty());
  EXPECT_FALSE(P.Actions.back().Dot.hasValue());
  ASSERT_TRUE(P.Actions.front().Dot.hasValue());
}
