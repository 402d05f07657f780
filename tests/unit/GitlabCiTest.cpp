//===- GitlabCiTest.cpp - The GitLab CI frontend --------------------------===//
#include "lib/Model/GitlabCi.h"
#include "tests/unit/FrontendTestSupport.h"
#include "gtest/gtest.h"

using namespace adminlint;

namespace {

FileAnalysis analyze(std::string Text) {
  return analyzeAs(FileKind::GitlabCi, ".gitlab-ci.yml", std::move(Text));
}

const char *const Pipeline = R"(stages: [test, deploy]
variables:
  APP: shop
.template:
  script: echo hidden
test:
  stage: test
  image: python:3.12
  services: [postgres:16]
  script:
    - pip install -r requirements.txt
    - python manage.py migrate
migrate-prod:
  stage: deploy
  image: python:3.12
  environment:
    name: production
  variables:
    DATABASE_URL: $PROD_DATABASE_URL
  before_script:
    - - pip install -r requirements.txt
  script:
    - "python manage.py migrate"
)";

TEST(GitlabCiTest, JobsScriptsAndEnvironments) {
  FileAnalysis A = analyze(Pipeline);
  EXPECT_TRUE(A.Diags.empty());
  const auto *M = A.model<CiPipelineModel>();
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Jobs.size(), 2u);
  const CiJob &Test = M->Jobs[0];
  EXPECT_EQ(Test.Id, "test");
  EXPECT_TRUE(Test.IsTest);
  EXPECT_FALSE(Test.AgainstDeployed);
  EXPECT_EQ(Test.Services, std::vector<std::string>{"postgres:16"});
  EXPECT_EQ(Test.ShellUnits.size(), 2u);
  const CiJob &Prod = M->Jobs[1];
  EXPECT_EQ(Prod.Environment, "production");
  EXPECT_TRUE(Prod.AgainstDeployed);
  EXPECT_EQ(Prod.Image, "python:3.12");
  ASSERT_EQ(Prod.Variables.size(), 1u);
  EXPECT_EQ(Prod.Variables[0].Value, "$PROD_DATABASE_URL");
  ASSERT_EQ(Prod.ShellUnits.size(), 2u);
  const ShellUnit &U = A.Shell[Prod.ShellUnits[1]];
  EXPECT_EQ(U.Host, ShellHost::GitlabScript);
  EXPECT_EQ(U.Label, "migrate-prod");
  EXPECT_TRUE(U.AgainstDeployed);
  ASSERT_EQ(U.Script.Commands.size(), 1u);
  SourceRange R = U.Script.Commands[0].Words[2].Range;
  EXPECT_EQ(A.File->slice(R), "migrate");
  EXPECT_EQ(A.File->lineColumn(R.Begin).Line, 23u);
}

TEST(GitlabCiTest, ScriptThatIsNotAStringIsAParseError) {
  FileAnalysis A = analyze("job:\n  script:\n    - {a: 1}\n    - echo ok\n");
  ASSERT_EQ(A.Diags.size(), 1u);
  EXPECT_EQ(A.Diags[0].Rule, RuleId::ParseError);
  EXPECT_EQ(A.Shell.size(), 1u);
}

TEST(GitlabCiTest, NotAMapping) {
  FileAnalysis A = analyze("just a string\n");
  ASSERT_EQ(A.Diags.size(), 1u);
  EXPECT_EQ(A.Diags[0].Message, "gitlab-ci: the document is not a mapping");
}

TEST(GitlabCiTest, DeployedVariablesInScripts) {
  FileAnalysis A =
      analyze("nightly:\n  script:\n    - psql \"$STAGING_DB_URL\" -f x.sql\n");
  const auto *M = A.model<CiPipelineModel>();
  ASSERT_EQ(M->Jobs.size(), 1u);
  EXPECT_EQ(M->Jobs[0].DeployedReason, "uses $STAGING_DB_URL");
}

} // namespace
