//===- GithubWorkflowTest.cpp - The GitHub Actions frontend ---------------===//
#include "lib/Model/GithubWorkflow.h"
#include "tests/unit/FrontendTestSupport.h"
#include "gtest/gtest.h"

using namespace adminlint;

namespace {

FileAnalysis analyze(std::string Text) {
  return analyzeAs(FileKind::GithubWorkflow, ".github/workflows/deploy.yml",
                   std::move(Text));
}

llvm::StringRef slice(const FileAnalysis &A, SourceRange R) {
  return A.File->slice(R);
}

const char *const Deploy = R"(name: deploy
on: push
env:
  APP: shop
jobs:
  migrate:
    runs-on: ubuntu-latest
    environment:
      name: production
      url: https://example.com
    services:
      redis:
        image: redis
    env:
      DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}
    steps:
      - uses: actions/checkout@v4
      - name: Migrate
        run: |
          if [ "${{ github.ref }}" = "refs/heads/main" ]; then
            python manage.py migrate
          fi
      - shell: pwsh
        run: Write-Host "hi"
  test:
    runs-on: ubuntu-latest
    steps:
      - run: pytest
)";

TEST(GithubWorkflowTest, JobsEnvironmentsAndSecrets) {
  FileAnalysis A = analyze(Deploy);
  EXPECT_TRUE(A.Diags.empty());
  const auto *M = A.model<CiPipelineModel>();
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Variables.size(), 1u);
  EXPECT_EQ(M->Variables[0].Name, "APP");
  ASSERT_EQ(M->Jobs.size(), 2u);
  const CiJob &Migrate = M->Jobs[0];
  EXPECT_EQ(Migrate.Id, "migrate");
  EXPECT_EQ(Migrate.Environment, "production");
  EXPECT_TRUE(Migrate.AgainstDeployed);
  EXPECT_EQ(Migrate.DeployedReason, "environment: production");
  EXPECT_EQ(Migrate.Services, std::vector<std::string>{"redis"});
  EXPECT_EQ(Migrate.SecretRefs,
            std::vector<std::string>{"secrets.PROD_DATABASE_URL"});
  EXPECT_EQ(Migrate.Uses, std::vector<std::string>{"actions/checkout@v4"});
  ASSERT_EQ(Migrate.Variables.size(), 1u);
  EXPECT_FALSE(M->Jobs[1].AgainstDeployed);
  EXPECT_TRUE(M->Jobs[1].IsTest);
}

TEST(GithubWorkflowTest, RunBodiesAreShellWithHostRanges) {
  FileAnalysis A = analyze(Deploy);
  // pwsh is skipped: one unit for migrate, one for test.
  ASSERT_EQ(A.Shell.size(), 2u);
  const ShellUnit &U = A.Shell[0];
  EXPECT_EQ(U.Host, ShellHost::GithubRun);
  EXPECT_EQ(U.Label, "migrate");
  EXPECT_TRUE(U.AgainstDeployed);
  EXPECT_TRUE(U.Script.Errors.empty());
  const shell::Command *Migrate = nullptr;
  for (const shell::Command &C : U.Script.Commands)
    if (C.name() == "python")
      Migrate = &C;
  ASSERT_TRUE(Migrate);
  ASSERT_EQ(Migrate->Words.size(), 3u);
  EXPECT_EQ(slice(A, Migrate->Words[2].Range), "migrate");
  SourceRange R = Migrate->Words[0].Range;
  LineColumn LC = A.File->lineColumn(R.Begin);
  EXPECT_EQ(LC.Line, 21u);
  EXPECT_EQ(LC.Byte, 13u);
}

TEST(GithubWorkflowTest, BadShapesAreParseErrorsAndTheRestIsRead) {
  FileAnalysis A = analyze("jobs:\n"
                           "  a:\n"
                           "    steps:\n"
                           "      - run: [1, 2]\n"
                           "  b: 3\n"
                           "  c:\n"
                           "    steps:\n"
                           "      - run: echo ok\n");
  ASSERT_EQ(A.Diags.size(), 2u);
  EXPECT_EQ(A.Diags[0].Message, "workflow: 'run' of job 'a' is not a string");
  EXPECT_EQ(A.Diags[1].Message, "workflow: job 'b' is not a mapping");
  ASSERT_EQ(A.Shell.size(), 1u);
  EXPECT_EQ(A.Shell[0].Label, "c");
}

TEST(GithubWorkflowTest, NotAMapping) {
  FileAnalysis A = analyze("- a\n- b\n");
  ASSERT_EQ(A.Diags.size(), 1u);
  EXPECT_EQ(A.Diags[0].Rule, RuleId::ParseError);
  EXPECT_EQ(A.Diags[0].Message, "workflow: the document is not a mapping");
}

TEST(GithubWorkflowTest, CompositeActionSteps) {
  FileAnalysis A = analyze("name: migrate-action\n"
                           "runs:\n"
                           "  using: composite\n"
                           "  steps:\n"
                           "    - run: rake db:migrate\n"
                           "      shell: bash\n");
  ASSERT_EQ(A.Shell.size(), 1u);
  EXPECT_EQ(A.Shell[0].Label, "migrate-action");
}

TEST(GithubWorkflowTest, DeployJobNameAndSecrets) {
  FileAnalysis A = analyze("jobs:\n"
                           "  deploy:\n"
                           "    steps:\n"
                           "      - run: echo\n"
                           "  nightly:\n"
                           "    steps:\n"
                           "      - run: echo ${{ secrets.STAGING_DB }}\n");
  const auto *M = A.model<CiPipelineModel>();
  ASSERT_EQ(M->Jobs.size(), 2u);
  EXPECT_EQ(M->Jobs[0].DeployedReason, "deploy job 'deploy'");
  EXPECT_EQ(M->Jobs[1].DeployedReason, "uses secrets.STAGING_DB");
}

} // namespace
