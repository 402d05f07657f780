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

const char *const Templates = R"(.base:
  image: python:3.12
  variables:
    APP: shop
    LEVEL: base
  environment:
    name: staging
    url: https://staging.example.com
  script:
    - echo base
.migrate:
  extends: .base
  variables:
    LEVEL: migrate
  script:
    - python manage.py migrate
.production:
  environment:
    name: production
migrate:
  extends: [.migrate, .production]
  variables:
    OWN: "1"
)";

TEST(GitlabCiTest, ExtendsMergesTemplatesDeeply) {
  FileAnalysis A = analyze(Templates);
  EXPECT_TRUE(A.Diags.empty());
  const auto *M = A.model<CiPipelineModel>();
  ASSERT_EQ(M->Jobs.size(), 1u);
  const CiJob &Job = M->Jobs[0];
  EXPECT_EQ(Job.Id, "migrate");
  EXPECT_EQ(Job.Image, "python:3.12");
  EXPECT_EQ(Job.Environment, "production");
  EXPECT_TRUE(Job.AgainstDeployed);
  EXPECT_EQ(A.File->lineColumn(Job.EnvironmentRange.Begin).Line, 19u);
  // The job's own variables first, then the inherited ones.
  ASSERT_EQ(Job.Variables.size(), 3u);
  EXPECT_EQ(Job.Variables[0].Name, "OWN");
  EXPECT_EQ(Job.Variables[1].Name, "LEVEL");
  EXPECT_EQ(Job.Variables[1].Value, "migrate");
  EXPECT_EQ(A.File->lineColumn(Job.Variables[1].ValueRange.Begin).Line, 14u);
  EXPECT_EQ(Job.Variables[2].Name, "APP");
  // The script array of .migrate replaces the one of .base.
  ASSERT_EQ(Job.ShellUnits.size(), 1u);
  const ShellUnit &U = A.Shell[Job.ShellUnits[0]];
  EXPECT_EQ(U.Label, "migrate");
  EXPECT_TRUE(U.AgainstDeployed);
  SourceRange R = U.Script.Commands[0].Words[2].Range;
  EXPECT_EQ(A.File->slice(R), "migrate");
  EXPECT_EQ(A.File->lineColumn(R.Begin).Line, 16u);
}

TEST(GitlabCiTest, HiddenJobsAloneAreNoJobs) {
  FileAnalysis A = analyze(".only:\n  script: python manage.py migrate\n");
  EXPECT_TRUE(A.model<CiPipelineModel>()->Jobs.empty());
  EXPECT_TRUE(A.Shell.empty());
}

TEST(GitlabCiTest, SharedTemplateScriptIsOneShellUnit) {
  FileAnalysis A = analyze(".t:\n  script: [python manage.py migrate]\n"
                           "a:\n  extends: .t\n"
                           "b:\n  extends: .t\n  environment: production\n"
                           "c:\n  extends: b\n");
  const auto *M = A.model<CiPipelineModel>();
  ASSERT_EQ(M->Jobs.size(), 3u);
  ASSERT_EQ(A.Shell.size(), 1u);
  for (const CiJob &Job : M->Jobs)
    EXPECT_EQ(Job.ShellUnits, std::vector<unsigned>{0});
  EXPECT_EQ(A.Shell[0].Label, "a");
  EXPECT_TRUE(A.Shell[0].AgainstDeployed);
  EXPECT_FALSE(M->Jobs[0].AgainstDeployed);
  EXPECT_EQ(M->Jobs[2].Environment, "production");
}

TEST(GitlabCiTest, ExtendsCyclesAreReportedNotFollowed) {
  FileAnalysis A = analyze(".a:\n  extends: .b\n  stage: one\n"
                           ".b:\n  extends: .a\n  image: ruby\n"
                           "job:\n  extends: .a\n  script: [true]\n"
                           "self:\n  extends: self\n  script: [true]\n");
  ASSERT_EQ(A.Diags.size(), 2u);
  EXPECT_EQ(A.Diags[0].Message, "gitlab-ci: '.a' extends itself");
  EXPECT_EQ(A.Diags[1].Message, "gitlab-ci: 'self' extends itself");
  const auto *M = A.model<CiPipelineModel>();
  ASSERT_EQ(M->Jobs.size(), 2u);
  EXPECT_EQ(M->Jobs[0].Stage, "one");
  EXPECT_EQ(M->Jobs[0].Image, "ruby");
}

TEST(GitlabCiTest, ExtendsNestingIsBounded) {
  std::string Text = ".t0:\n  stage: deep\n";
  for (int I = 1; I <= 40; ++I)
    Text += ".t" + std::to_string(I) + ":\n  extends: .t" +
            std::to_string(I - 1) + "\n";
  Text += "job:\n  extends: .t40\n  script: [true]\n";
  FileAnalysis A = analyze(Text);
  ASSERT_EQ(A.Diags.size(), 1u);
  EXPECT_NE(A.Diags[0].Message.find("nests deeper than 11 levels"),
            std::string::npos);
  EXPECT_EQ(A.model<CiPipelineModel>()->Jobs.size(), 1u);
}

TEST(GitlabCiTest, UnknownTemplatesAreIgnored) {
  FileAnalysis A =
      analyze("job:\n  extends: .from-an-include\n  script: [ls]\n");
  EXPECT_TRUE(A.Diags.empty());
  EXPECT_EQ(A.model<CiPipelineModel>()->Jobs.size(), 1u);
}

const char *const Defaults = R"(image: ruby:3.2
default:
  image: ruby:3.3
  before_script:
    - bundle install
  after_script:
    - echo done
plain:
  script: [rspec]
own-image:
  image: alpine
  before_script: [apk add curl]
  script: [curl x]
no-defaults:
  inherit:
    default: false
  script: [ls]
some-defaults:
  inherit:
    default: [after_script]
  script: [ls]
.t:
  inherit:
    default: false
from-template:
  extends: .t
  script: [ls]
)";

TEST(GitlabCiTest, DefaultsFillWhatTheJobLacks) {
  FileAnalysis A = analyze(Defaults);
  EXPECT_TRUE(A.Diags.empty());
  const auto *M = A.model<CiPipelineModel>();
  ASSERT_EQ(M->Jobs.size(), 5u);
  const CiJob &Plain = M->Jobs[0];
  EXPECT_EQ(Plain.Image, "ruby:3.3");
  ASSERT_EQ(Plain.ShellUnits.size(), 3u);
  const ShellUnit &Install = A.Shell[Plain.ShellUnits[0]];
  EXPECT_EQ(A.File->lineColumn(Install.Script.Commands[0].Range.Begin).Line,
            5u);
  const CiJob &Own = M->Jobs[1];
  EXPECT_EQ(Own.Image, "alpine");
  ASSERT_EQ(Own.ShellUnits.size(), 3u);
  EXPECT_EQ(A.Shell[Own.ShellUnits[0]].Script.Commands[0].name(), "apk");
  EXPECT_EQ(Own.ShellUnits[2], Plain.ShellUnits[2]);
  EXPECT_EQ(M->Jobs[2].Image, "");
  EXPECT_EQ(M->Jobs[2].ShellUnits.size(), 1u);
  EXPECT_EQ(M->Jobs[3].Image, "");
  EXPECT_EQ(M->Jobs[3].ShellUnits.size(), 2u);
  EXPECT_EQ(M->Jobs[4].ShellUnits.size(), 1u);
}

TEST(GitlabCiTest, ReferenceTagsStandForTheirLines) {
  FileAnalysis A =
      analyze(".setup:\n  script:\n    - pip install -r r.txt\n"
              "job:\n  script:\n    - !reference [.setup, script]\n"
              "    - python manage.py migrate\n"
              "    - !reference [.missing, script]\n"
              "    - !reference [job, script]\n");
  const auto *M = A.model<CiPipelineModel>();
  ASSERT_EQ(M->Jobs.size(), 1u);
  ASSERT_EQ(M->Jobs[0].ShellUnits.size(), 4u);
  const ShellUnit &Setup = A.Shell[M->Jobs[0].ShellUnits[0]];
  EXPECT_EQ(Setup.Script.Commands[0].name(), "pip");
  EXPECT_EQ(A.File->lineColumn(Setup.Script.Commands[0].Range.Begin).Line, 3u);
}

TEST(GitlabCiTest, TopLevelGlobalsAreDefaults) {
  FileAnalysis A = analyze("image: node:20\nbefore_script: [npm ci]\n"
                           "build:\n  script: [npm run build]\n");
  const auto *M = A.model<CiPipelineModel>();
  ASSERT_EQ(M->Jobs.size(), 1u);
  EXPECT_EQ(M->Jobs[0].Image, "node:20");
  EXPECT_EQ(M->Jobs[0].ShellUnits.size(), 2u);
}

TEST(GitlabCiTest, MergeKeysAndExtendsTogether) {
  FileAnalysis A = analyze(".vars: &vars\n  variables: {A: one}\n"
                           "job:\n  <<: *vars\n  extends: .vars\n"
                           "  variables: {B: two}\n  script: [ls]\n");
  const auto *M = A.model<CiPipelineModel>();
  ASSERT_EQ(M->Jobs.size(), 1u);
  ASSERT_EQ(M->Jobs[0].Variables.size(), 2u);
  EXPECT_EQ(M->Jobs[0].Variables[0].Value, "two");
  EXPECT_EQ(M->Jobs[0].Variables[1].Value, "one");
}

TEST(GitlabCiTest, ExpansionIsBoundedByTheNodeLimit) {
  std::string Text = ".t0:\n  variables:\n";
  for (int I = 0; I < 200; ++I)
    Text += "    V" + std::to_string(I) + ": x\n";
  for (int I = 0; I < 200; ++I)
    Text += "job" + std::to_string(I) + ":\n  extends: .t0\n  script: [ls]\n";
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>(".gitlab-ci.yml", Text);
  A.Kind = FileKind::GitlabCi;
  FrontendLimits Limits;
  Limits.MaxYamlNodes = 5000;
  frontendFor(FileKind::GitlabCi)(A, Limits);
  ASSERT_EQ(A.Diags.size(), 1u);
  EXPECT_EQ(A.Diags[0].Rule, RuleId::ScanLimit);
  EXPECT_EQ(A.model<CiPipelineModel>()->Jobs.size(), 200u);
}

} // namespace
