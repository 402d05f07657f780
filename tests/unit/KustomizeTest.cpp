#include "lib/Model/Kustomize.h"
#include "lib/Model/Frontends.h"
#include "gtest/gtest.h"
#include <deque>
#include <memory>

using namespace adminlint;
using namespace adminlint::kustomize;

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

static std::string deployment(std::string Kind, std::string Name,
                              std::string Image) {
  return "apiVersion: apps/v1\nkind: " + Kind + "\nmetadata:\n  name: " + Name +
         "\nspec:\n  template:\n    spec:\n      containers:\n"
         "        - name: main\n          image: " +
         Image + "\n";
}

TEST(Kustomize, ResourcePaths) {
  EXPECT_EQ(*resolveResourcePath("overlays/prod", "../../base"), "base");
  EXPECT_EQ(*resolveResourcePath("", "./job.yaml"), "job.yaml");
  EXPECT_EQ(*resolveResourcePath("k/base", "deploy.yaml"),
            "k/base/deploy.yaml");
  EXPECT_FALSE(resolveResourcePath("", "../x").hasValue());
  EXPECT_FALSE(
      resolveResourcePath("", "github.com/acme/base?ref=v1").hasValue());
  EXPECT_FALSE(resolveResourcePath("", "https://x/y.yaml").hasValue());
}

TEST(Kustomize, ImageOverrides) {
  std::vector<ImageOverride> O = {
      {"ghcr.io/acme/app", "", "2.0", "", {}},
      {"nginx", "mirror/nginx", "", "sha256:abc", {}}};
  ImageRef A;
  A.Resolved = true;
  A.Repository = "ghcr.io/acme/app";
  A.Tag = "1.0";
  EXPECT_TRUE(applyImageOverrides(O, A));
  EXPECT_EQ(A.Written, "ghcr.io/acme/app:2.0");
  ImageRef N;
  N.Resolved = true;
  N.Repository = "nginx";
  N.Tag = "1.25";
  EXPECT_TRUE(applyImageOverrides(O, N));
  EXPECT_EQ(N.Written, "mirror/nginx@sha256:abc");
  EXPECT_EQ(N.Tag, "");
  ImageRef X;
  X.Resolved = true;
  X.Repository = "other";
  EXPECT_FALSE(applyImageOverrides(O, X));
}

TEST(Kustomize, OverlayAppliesImagesToBaseWorkloads) {
  RepoModel M;
  add(M, analyze(FileKind::Yaml, "base/deploy.yaml",
                 deployment("Deployment", "web", "ghcr.io/acme/app:1.0")));
  add(M, analyze(FileKind::Yaml, "base/job.yaml",
                 deployment("Job", "migrate", "ghcr.io/acme/app:1.0")));
  add(M, analyze(FileKind::Kustomization, "base/kustomization.yaml",
                 "resources:\n  - deploy.yaml\n  - job.yaml\n"));
  add(M, analyze(FileKind::Kustomization, "overlays/prod/kustomization.yaml",
                 "resources:\n  - ../../base\nimages:\n"
                 "  - name: ghcr.io/acme/app\n    newTag: \"2.0\"\n"));
  KustomizeModel K = buildKustomizations(M);
  EXPECT_TRUE(K.Problems.empty());
  ASSERT_EQ(K.Units.size(), 2u);
  EXPECT_TRUE(K.Units[0].IsBase);
  EXPECT_EQ(K.Units[1].Dir, "overlays/prod");
  ASSERT_EQ(K.Units[1].Workloads.size(), 2u);
  for (const Workload &W : K.Units[1].Workloads) {
    EXPECT_EQ(W.Image.Tag, "2.0");
    EXPECT_EQ(W.ReleaseUnit, "overlays/prod");
    EXPECT_EQ(W.File->path().substr(0, 5), "base/");
  }
  EXPECT_TRUE(K.ResourceFiles.count("base/job.yaml"));

  std::deque<Workload> Storage;
  auto Release = releaseWorkloads(M, Storage);
  ASSERT_EQ(Release.size(), 2u);
  EXPECT_EQ(Release[0]->ReleaseUnit, "overlays/prod");
}

TEST(Kustomize, CycleIsAProblemAtTheResourceEntry) {
  RepoModel M;
  std::string A = "resources:\n  - ../b\n";
  add(M, analyze(FileKind::Kustomization, "a/kustomization.yaml", A));
  add(M, analyze(FileKind::Kustomization, "b/kustomization.yaml",
                 "resources:\n  - ../a\n"));
  add(M, analyze(FileKind::Kustomization, "c/kustomization.yaml",
                 "resources:\n  - .\n"));
  KustomizeModel K = buildKustomizations(M);
  ASSERT_EQ(K.Problems.size(), 2u);
  EXPECT_EQ(K.Problems[0].Rule, RuleId::ParseError);
  EXPECT_EQ(K.Problems[0].Primary.File->path(), "b/kustomization.yaml");
  EXPECT_EQ(K.Problems[0].Primary.Range.Begin, 15u);
  EXPECT_EQ(K.Problems[0].Primary.Range.End, 19u);
  EXPECT_NE(K.Problems[0].Message.find("cycle"), std::string::npos);
  EXPECT_EQ(K.Problems[1].Primary.File->path(), "c/kustomization.yaml");
}

TEST(Kustomize, KustomizationMustBeAMap) {
  auto A = analyze(FileKind::Kustomization, "kustomization.yaml", "- a\n");
  ASSERT_EQ(A->Diags.size(), 1u);
  EXPECT_EQ(A->Diags[0].Message, "kustomization is not a map");
}

TEST(Kustomize, OverlaysThatChangeNothingAreComparedOnce) {
  RepoModel M;
  add(M, analyze(FileKind::Yaml, "base/deploy.yaml",
                 deployment("Deployment", "web", "ghcr.io/acme/app:1.0")));
  add(M, analyze(FileKind::Kustomization, "base/kustomization.yaml",
                 "resources:\n  - deploy.yaml\n"));
  add(M, analyze(FileKind::Kustomization, "prod/kustomization.yaml",
                 "resources:\n  - ../base\n"));
  add(M, analyze(FileKind::Kustomization, "staging/kustomization.yaml",
                 "resources:\n  - ../base\n"));
  add(M, analyze(FileKind::Kustomization, "dev/kustomization.yaml",
                 "resources:\n  - ../base\nimages:\n"
                 "  - name: ghcr.io/acme/app\n    newTag: dev\n"));
  std::deque<Workload> Storage;
  auto Release = releaseWorkloads(M, Storage);
  ASSERT_EQ(Release.size(), 2u);
  EXPECT_EQ(Release[0]->ReleaseUnit, "prod");
  EXPECT_EQ(Release[1]->ReleaseUnit, "dev");
}
