//===- ReleaseModelTest.cpp - Release units, app inference, ADM202/40x ----===//
#include "lib/Model/ReleaseModel.h"
#include "lib/Check/Check.h"
#include "lib/Driver/Classify.h"
#include "lib/Model/Frontends.h"
#include "gtest/gtest.h"

using namespace adminlint;

namespace {

/// A small repository built in memory from (path, text) pairs.
struct Repo {
  RepoModel Model;
  std::vector<std::shared_ptr<FileAnalysis>> Files;

  void add(const std::string &Path, const std::string &Text) {
    auto A = std::make_shared<FileAnalysis>();
    A->File = std::make_shared<SourceFile>(Path, Text);
    A->Kind = classifyPath(Path);
    if (FrontendFn Fn = frontendFor(A->Kind))
      Fn(*A, FrontendLimits());
    Files.push_back(A);
  }
  const RepoModel &model() {
    Model.Files.assign(Files.begin(), Files.end());
    Model.Workloads.clear();
    for (const auto &F : Files)
      for (const Workload &W : F->Workloads)
        Model.Workloads.push_back(&W);
    return Model;
  }
  std::vector<Diagnostic> run(RuleId Rule, const CheckSettings &S = {}) {
    std::vector<Diagnostic> Out;
    Reporter R(Out);
    const RepoModel &M = model();
    for (const auto &C : createChecks({Rule}, S)) {
      for (const auto &F : Files)
        C->checkFile(*F, R);
      C->checkRepository(M, R);
    }
    return Out;
  }
};

const char *Deployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: registry.example.com/shop:1.4.2
          command: ["bundle", "exec", "puma"]
          envFrom:
            - secretRef:
                name: shop-secrets
)";

std::string job(const std::string &Image, const std::string &Command) {
  return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n"
         "spec:\n  template:\n    spec:\n      containers:\n"
         "        - name: migrate\n          image: " +
         Image + "\n          command: " + Command + "\n";
}

TEST(ReleaseModelTest, MatchesAdminJobToItsApp) {
  Repo R;
  R.add("k8s/deploy.yaml", Deployment);
  R.add("k8s/job.yaml",
        job("registry.example.com/shop:1.4.1",
            "[\"bundle\", \"exec\", \"rake\", \"db:migrate\"]"));
  ReleaseModel M(R.model(), ReleaseOptions());
  ASSERT_EQ(M.units().size(), 1u);
  EXPECT_EQ(M.units()[0].Name, "k8s");
  ASSERT_EQ(M.adminRuns().size(), 1u);
  const AdminRun &Run = M.adminRuns()[0];
  ASSERT_TRUE(Run.App);
  EXPECT_EQ(Run.App->Name, "web");
  EXPECT_EQ(Run.AppImage.Tag, "1.4.2");
  EXPECT_EQ(Run.Admin->Image.Tag, "1.4.1");
}

TEST(ReleaseModelTest, WholeRepositoryHoldsOneApp) {
  Repo R;
  R.add("deploy/app.yaml", Deployment);
  R.add("jobs/migrate.yaml",
        job("registry.example.com/shop:1.4.2", "[\"rake\", \"db:migrate\"]"));
  ReleaseModel M(R.model(), ReleaseOptions());
  ASSERT_EQ(M.adminRuns().size(), 1u);
  EXPECT_TRUE(M.adminRuns()[0].App);
}

TEST(ReleaseModelTest, AppImageFromConfigOverridesInference) {
  Repo R;
  R.add("k8s/job.yaml", job("registry.example.com/tools:1",
                            "[\"python\", \"manage.py\", \"migrate\"]"));
  CheckSettings S;
  S.AppImage = "registry.example.com/shop:2";
  std::vector<Diagnostic> D = R.run(RuleId::AdminImageMismatch, S);
  ASSERT_EQ(D.size(), 1u);
  EXPECT_NE(D[0].Message.find("not the app's 'registry.example.com/shop'"),
            std::string::npos);
}

TEST(ReleaseModelTest, AppImageWithoutTagKeepsTheAppsTag) {
  Repo R;
  R.add("k8s/deploy.yaml", Deployment);
  R.add("k8s/job.yaml",
        job("registry.example.com/shop:1.4.1",
            "[\"bundle\", \"exec\", \"rake\", \"db:migrate\"]"));
  CheckSettings S;
  S.AppImage = "registry.example.com/shop";
  std::vector<Diagnostic> D = R.run(RuleId::AdminImageTagDrift, S);
  ASSERT_EQ(D.size(), 1u);
  ASSERT_EQ(D[0].Related.size(), 1u);
  EXPECT_EQ(D[0].Primary.File->lineColumn(D[0].Primary.Range.Begin).Line, 10u);
}

TEST(ReleaseModelTest, RegistryAliasesAreTheSameRepository) {
  Repo R;
  R.add("k8s/deploy.yaml", Deployment);
  R.add("k8s/job.yaml",
        job("mirror.example.com/shop:1.4.2",
            "[\"bundle\", \"exec\", \"rake\", \"db:migrate\"]"));
  CheckSettings S;
  EXPECT_EQ(R.run(RuleId::AdminImageMismatch, S).size(), 1u);
  S.RegistryAliases = {{"mirror.example.com/", "registry.example.com/"}};
  EXPECT_TRUE(R.run(RuleId::AdminImageMismatch, S).empty());
}

TEST(ReleaseModelTest, CanonicalRepositoryAndMovingTags) {
  EXPECT_EQ(canonicalRepository("docker.io/library/python", {}), "python");
  EXPECT_EQ(canonicalRepository("Docker.io/acme/app", {}), "acme/app");
  EXPECT_TRUE(isMovingTag(""));
  EXPECT_TRUE(isMovingTag("latest"));
  EXPECT_TRUE(isMovingTag("nightly"));
  EXPECT_FALSE(isMovingTag("1.2.3"));
}

TEST(ReleaseModelTest, InitConfigNamesTheInferredImage) {
  Repo R;
  R.add("k8s/deploy.yaml", Deployment);
  std::string Text = renderInitConfig(R.model());
  EXPECT_NE(Text.find("k8s: registry.example.com/shop:1.4.2"),
            std::string::npos);
  EXPECT_NE(Text.find("  image: \"registry.example.com/shop\""),
            std::string::npos);
}

} // namespace
