//===- ComposeTest.cpp - docker-compose services and contexts -------------===//
#include "lib/Model/Compose.h"
#include "lib/Model/Frontends.h"
#include "tests/unit/FrontendTestSupport.h"
#include "gtest/gtest.h"

using namespace adminlint;

namespace {

FileAnalysis analyze(const std::string &Path, const std::string &Text) {
  return analyzeAs(FileKind::Compose, Path, Text);
}

const char *Compose = R"(version: "9.9"
x-env: &env
  env_file: [.env, .env.local]
services:
  web:
    <<: *env
    build: .
    command: ["gunicorn", "app.wsgi"]
  migrate:
    <<: *env
    build: .
    entrypoint: /bin/sh -c
    command: "python manage.py migrate && echo done"
    restart: "no"
    profiles: [tools]
    environment:
      - DEBUG=0
      - SECRET_KEY
)";

TEST(ComposeTest, ServicesAndWorkloads) {
  FileAnalysis A = analyze("docker-compose.yml", Compose);
  ASSERT_TRUE(A.Diags.empty());
  EXPECT_EQ(A.Ctx, Context::Local);
  const auto *F = A.model<compose::File>();
  ASSERT_TRUE(F);
  ASSERT_EQ(F->Services.size(), 2u);
  const compose::Service &M = F->Services[1];
  EXPECT_EQ(M.Name.value(), "migrate");
  EXPECT_TRUE(M.Builds);
  EXPECT_TRUE(M.RunsToCompletion);
  ASSERT_EQ(M.Profiles.size(), 1u);
  EXPECT_EQ(M.Profiles[0], "tools");
  ASSERT_EQ(M.EnvFiles.size(), 2u);
  ASSERT_EQ(M.Environment.size(), 2u);
  EXPECT_EQ(M.Environment[0].Name, "DEBUG");
  EXPECT_FALSE(M.Environment[1].HasValue);
  ASSERT_EQ(A.Workloads.size(), 2u);
  EXPECT_EQ(A.Workloads[0].Lifetime, WorkloadLifetime::LongRunning);
  EXPECT_EQ(A.Workloads[1].Lifetime, WorkloadLifetime::OneOff);
  EXPECT_EQ(A.Workloads[0].Image.Written, "build:.|Dockerfile");
  EXPECT_EQ(A.Workloads[1].Image.Written, A.Workloads[0].Image.Written);
  EXPECT_EQ(A.Workloads[0].Config.size(), 2u);
  EXPECT_EQ(A.Workloads[1].ReleaseUnit, "docker-compose.yml");
}

TEST(ComposeTest, MergedServicesAreServicesWithRangesInTheFile) {
  // Found by the yaml fuzzer: a service merged in from an anchor written
  // before its `<<` key ended before it began.
  const std::string Text = "x-tools: &tools\n"
                           "  migrate:\n"
                           "    image: shop:1.2\n"
                           "services:\n"
                           "  web:\n"
                           "    image: shop:1.3\n"
                           "  <<: *tools\n";
  FileAnalysis A = analyze("docker-compose.yml", Text);
  const auto *F = A.model<compose::File>();
  ASSERT_TRUE(F);
  ASSERT_EQ(F->Services.size(), 2u);
  EXPECT_EQ(F->Services[0].Name.value(), "web");
  EXPECT_EQ(F->Services[1].Name.value(), "migrate");
  for (const Workload &W : A.Workloads) {
    EXPECT_LE(W.Range.Begin, W.Range.End);
    EXPECT_LE(W.Range.End, Text.size());
  }
  EXPECT_EQ(F->Services[1].Range.Begin, Text.find("migrate"));
}

TEST(ComposeTest, CommandStringIsShellWithHostRanges) {
  FileAnalysis A = analyze("docker-compose.yml", Compose);
  const ShellUnit *Cmd = nullptr;
  for (const ShellUnit &U : A.Shell)
    if (U.Label == "compose/migrate" && U.Script.Commands.size() == 2)
      Cmd = &U;
  ASSERT_TRUE(Cmd);
  EXPECT_EQ(Cmd->Host, ShellHost::ComposeCommand);
  const shell::Word &W = Cmd->Script.Commands[0].Words[1];
  EXPECT_EQ(W.value(), "manage.py");
  EXPECT_EQ(A.File->slice(W.Range), "manage.py");
  EXPECT_EQ(A.File->lineColumn(W.Range.Begin).Line, 13u);
}

TEST(ComposeTest, Contexts) {
  compose::File Plain, Swarm;
  Swarm.UsesDeploy = true;
  EXPECT_EQ(compose::composeContext("compose.yaml", Plain), Context::Local);
  EXPECT_EQ(compose::composeContext("docker-compose.prod.yml", Plain),
            Context::Production);
  EXPECT_EQ(compose::composeContext("ops/stack.yml", Plain),
            Context::Production);
  EXPECT_EQ(compose::composeContext("compose.yaml", Swarm),
            Context::Production);
}

TEST(ComposeTest, AppJsonScripts) {
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>(
      "app.json",
      "{\n  \"scripts\": {\"postdeploy\": \"python manage.py migrate\"}\n}\n");
  A.Kind = FileKind::AppJson;
  frontendFor(FileKind::AppJson)(A, FrontendLimits());
  ASSERT_EQ(A.Shell.size(), 1u);
  ASSERT_EQ(A.Workloads.size(), 1u);
  EXPECT_EQ(A.Workloads[0].Lifetime, WorkloadLifetime::OneOff);
  const shell::Word &W = A.Shell[0].Script.Commands.at(0).Words.at(2);
  EXPECT_EQ(A.File->slice(W.Range), "migrate");
}

} // namespace
