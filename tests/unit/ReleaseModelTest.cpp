//===- ReleaseModelTest.cpp - Release units, app inference, ADM202/40x ----===//
#include "lib/Model/ReleaseModel.h"
#include "lib/Check/Check.h"
#include "lib/Driver/Classify.h"
#include "lib/Model/Frontends.h"
#include "llvm/ADT/StringExtras.h"
#include "gtest/gtest.h"
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace adminlint;
namespace fs = std::filesystem;

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

//===----------------------------------------------------------------------===//
// The fixtures of this part's rules, with their inline expectations
//===----------------------------------------------------------------------===//

/// One `# EXPECT: CODE @+N:COL "message"` line.
struct Expectation {
  std::string Path;
  std::string Code;
  unsigned Line = 0, Column = 0;
  std::string Message;
  bool Seen = false;
};

std::string readFile(const fs::path &P) {
  std::ifstream In(P, std::ios::binary);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

void parseExpectations(const std::string &Path, const std::string &Text,
                       std::vector<Expectation> &Out) {
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  llvm::StringRef(Text).split(Lines, '\n');
  for (unsigned I = 0; I < Lines.size(); ++I) {
    llvm::StringRef L = Lines[I].trim();
    if (!L.consume_front("# EXPECT: "))
      continue;
    Expectation E;
    E.Path = Path;
    E.Code = L.take_until([](char C) { return C == ' '; }).str();
    L = L.drop_front(E.Code.size()).ltrim();
    bool Relative = L.consume_front("@+");
    if (!Relative)
      L.consume_front("@L");
    unsigned Num = 0, Col = 0;
    L.consumeInteger(10, Num);
    L.consume_front(":");
    L.consumeInteger(10, Col);
    E.Line = Relative ? I + 1 + Num : Num;
    E.Column = Col;
    E.Message = L.trim().trim('"').str();
    Out.push_back(E);
  }
}

void checkFixture(const fs::path &Dir, RuleId Rule) {
  SCOPED_TRACE(Dir.string());
  Repo R;
  std::vector<Expectation> Expected;
  for (const auto &Entry : fs::recursive_directory_iterator(Dir)) {
    if (!Entry.is_regular_file())
      continue;
    std::string Rel = fs::relative(Entry.path(), Dir).generic_string();
    std::string Text = readFile(Entry.path());
    parseExpectations(Rel, Text, Expected);
    R.add(Rel, Text);
  }
  bool Bad = Dir.filename().string().rfind("bad", 0) == 0;
  EXPECT_EQ(Bad, !Expected.empty());
  for (const Diagnostic &D : R.run(Rule)) {
    LineColumn LC = D.Primary.File->lineColumn(D.Primary.Range.Begin);
    auto It = std::find_if(
        Expected.begin(), Expected.end(), [&](const Expectation &E) {
          return !E.Seen && E.Path == D.Primary.File->path() &&
                 E.Line == LC.Line && E.Column == LC.Byte &&
                 D.Message.find(E.Message) != std::string::npos;
        });
    if (It == Expected.end()) {
      ADD_FAILURE() << "unexpected " << D.Primary.File->path().str() << ":"
                    << LC.Line << ":" << LC.Byte << ": " << D.Message;
      continue;
    }
    It->Seen = true;
  }
  for (const Expectation &E : Expected)
    if (!E.Seen)
      ADD_FAILURE() << "missing " << E.Path << ":" << E.Line << ":" << E.Column
                    << " " << E.Code << " \"" << E.Message << "\"";
}

TEST(ReleaseModelTest, RuleFixtures) {
  fs::path Root = fs::path(ADMINLINT_SOURCE_DIR) / "tests" / "checks";
  for (const char *Code : {"ADM202", "ADM401", "ADM402", "ADM403", "ADM404"}) {
    llvm::Optional<RuleId> Rule = findRule(Code);
    ASSERT_TRUE(Rule);
    for (const auto &Entry : fs::directory_iterator(Root / Code))
      checkFixture(Entry.path(), *Rule);
  }
}

} // namespace
