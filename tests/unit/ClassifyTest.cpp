#include "lib/Driver/Classify.h"
#include "gtest/gtest.h"

using namespace adminlint;

TEST(Classify, ByPath) {
  EXPECT_EQ(classifyPath("a/deploy.sh"), FileKind::ShellScript);
  EXPECT_EQ(classifyPath("x.bash"), FileKind::ShellScript);
  EXPECT_EQ(classifyPath("Dockerfile"), FileKind::Dockerfile);
  EXPECT_EQ(classifyPath("Containerfile"), FileKind::Dockerfile);
  EXPECT_EQ(classifyPath("docker/Dockerfile.migrate"), FileKind::Dockerfile);
  EXPECT_EQ(classifyPath("web.dockerfile"), FileKind::Dockerfile);
  EXPECT_EQ(classifyPath("Procfile"), FileKind::Procfile);
  EXPECT_EQ(classifyPath("Makefile"), FileKind::Makefile);
  EXPECT_EQ(classifyPath("GNUmakefile"), FileKind::Makefile);
  EXPECT_EQ(classifyPath("rules.mk"), FileKind::Makefile);
  EXPECT_EQ(classifyPath("fix.py"), FileKind::Python);
  EXPECT_EQ(classifyPath("main.cc"), FileKind::Cxx);
  EXPECT_EQ(classifyPath("x.hpp"), FileKind::Cxx);
  EXPECT_EQ(classifyPath("build/compile_commands.json"),
            FileKind::CompileCommands);
  EXPECT_EQ(classifyPath(".github/workflows/ci.yml"), FileKind::GithubWorkflow);
  EXPECT_EQ(classifyPath("act/action.yaml"), FileKind::GithubWorkflow);
  EXPECT_EQ(classifyPath(".github/workflows/sub/x.yml"), FileKind::Yaml);
  EXPECT_EQ(classifyPath(".gitlab-ci.yml"), FileKind::GitlabCi);
  EXPECT_EQ(classifyPath("docker-compose.prod.yml"), FileKind::Compose);
  EXPECT_EQ(classifyPath("compose.yaml"), FileKind::Compose);
  EXPECT_EQ(classifyPath("k/kustomization.yaml"), FileKind::Kustomization);
  EXPECT_EQ(classifyPath("app.json"), FileKind::AppJson);
  EXPECT_EQ(classifyPath("package.json"), FileKind::PackageJson);
  EXPECT_EQ(classifyPath("requirements-dev.txt"), FileKind::DependencyManifest);
  EXPECT_EQ(classifyPath("Gemfile"), FileKind::DependencyManifest);
  EXPECT_EQ(classifyPath("go.mod"), FileKind::DependencyManifest);
  EXPECT_EQ(classifyPath("pyproject.toml"), FileKind::DependencyManifest);
  EXPECT_EQ(classifyPath("k8s/job.yaml"), FileKind::Yaml);
  EXPECT_EQ(classifyPath("README.md"), FileKind::Unknown);
  EXPECT_EQ(classifyPath("sub/.adminlint.yaml"), FileKind::Unknown);
  EXPECT_EQ(classifyPath("data.json"), FileKind::Unknown);
}

// Ruby and JavaScript are read only where standalone scripts live, so a
// full scan of a monorepo does not parse every application module.
TEST(Classify, ScriptLanguagesOnlyInScriptDirectories) {
  EXPECT_EQ(classifyPath("script/fix_orders.rb"), FileKind::Ruby);
  EXPECT_EQ(classifyPath("lib/tasks/helpers.rb"), FileKind::Ruby);
  EXPECT_EQ(classifyPath("apps/api/db/seed_users.rb"), FileKind::Ruby);
  EXPECT_EQ(classifyPath("scripts/backfill.js"), FileKind::JavaScript);
  EXPECT_EQ(classifyPath("packages/api/scripts/sub/fix.ts"),
            FileKind::JavaScript);
  EXPECT_EQ(classifyPath("tools/migrate.mjs"), FileKind::JavaScript);
  EXPECT_EQ(classifyPath("bin/cli.cjs"), FileKind::JavaScript);
  EXPECT_EQ(classifyPath("tasks/x.mts"), FileKind::JavaScript);
  EXPECT_EQ(classifyPath("app/models/user.rb"), FileKind::Unknown);
  EXPECT_EQ(classifyPath("src/db.js"), FileKind::Unknown);
  EXPECT_EQ(classifyPath("fix.rb"), FileKind::Unknown);
  EXPECT_EQ(classifyPath("scripts.js"), FileKind::Unknown);
  EXPECT_EQ(classifyPath("scripts/types.d.ts"), FileKind::Unknown);
  EXPECT_EQ(classifyPath("lib/tasks/fix.rake"), FileKind::Unknown);
  EXPECT_EQ(classifyPath("Rakefile"), FileKind::Ruby);
  EXPECT_EQ(classifyPath("api/Rakefile"), FileKind::Ruby);
  EXPECT_EQ(classifyPath("artisan"), FileKind::Artisan);
}

TEST(Classify, HelmNeedsAChart) {
  EXPECT_EQ(classifyPath("c/values.yaml"), FileKind::Yaml);
  ChartPlace Beside{true, false};
  EXPECT_EQ(classifyPath("c/values.yaml", Beside), FileKind::HelmValues);
  EXPECT_EQ(classifyPath("c/Chart.yaml", Beside), FileKind::HelmChart);
  ChartPlace Templates{false, true};
  EXPECT_EQ(classifyPath("c/templates/job.yaml", Templates),
            FileKind::HelmTemplate);
  EXPECT_EQ(classifyPath("c/templates/_h.tpl", Templates),
            FileKind::HelmTemplate);
}

TEST(Classify, Shebangs) {
  EXPECT_TRUE(mayHaveShebang("bin/deploy"));
  EXPECT_FALSE(mayHaveShebang("LICENSE.txt"));
  EXPECT_FALSE(mayHaveShebang(".envrc"));
  EXPECT_EQ(classifyShebang("#!/bin/sh"), FileKind::ShellScript);
  EXPECT_EQ(classifyShebang("#!/bin/bash -e"), FileKind::ShellScript);
  EXPECT_EQ(classifyShebang("#!/usr/bin/env bash"), FileKind::ShellScript);
  EXPECT_EQ(classifyShebang("#!/usr/bin/env -S zsh -f"), FileKind::ShellScript);
  EXPECT_EQ(classifyShebang("#! /bin/dash"), FileKind::ShellScript);
  EXPECT_EQ(classifyShebang("#!/bin/ksh"), FileKind::ShellScript);
  EXPECT_EQ(classifyShebang("#!/usr/bin/env python3"), FileKind::Python);
  EXPECT_EQ(classifyShebang("#!/usr/bin/python3.11"), FileKind::Python);
  EXPECT_EQ(classifyShebang("#!/usr/bin/env node"), FileKind::JavaScript);
  EXPECT_EQ(classifyShebang("#!/usr/bin/env -S ts-node --esm"),
            FileKind::JavaScript);
  EXPECT_EQ(classifyShebang("#!/usr/bin/env ruby"), FileKind::Ruby);
  EXPECT_EQ(classifyShebang("#!/usr/bin/ruby2.7 -w"), FileKind::Ruby);
  EXPECT_EQ(classifyShebang("#!/usr/bin/env php"), FileKind::Unknown);
  EXPECT_EQ(classifyShebang("echo hi"), FileKind::Unknown);
}

TEST(Classify, Contexts) {
  EXPECT_EQ(classifyContext("tests/x.sh", "tests/x.sh", {}), Context::Test);
  EXPECT_EQ(classifyContext("a/spec/x.sh", "a/spec/x.sh", {}), Context::Test);
  EXPECT_EQ(classifyContext("e2e/run.sh", "e2e/run.sh", {}), Context::Test);
  EXPECT_EQ(classifyContext(".devcontainer/s.sh", ".devcontainer/s.sh", {}),
            Context::Local);
  EXPECT_EQ(classifyContext("examples/a.sh", "examples/a.sh", {}),
            Context::Local);
  EXPECT_EQ(classifyContext("examples/deploy.sh", "deploy.sh", {}),
            Context::Production);
  EXPECT_EQ(classifyContext("deploy/tests.sh", "deploy/tests.sh", {}),
            Context::Production);
  std::vector<ContextOverride> Overrides;
  Overrides.push_back({*GlobPattern::parse("deploy/dev/**"), Context::Local});
  Overrides.push_back(
      {*GlobPattern::parse("tests/smoke/"), Context::Production});
  EXPECT_EQ(classifyContext("deploy/dev/x.sh", "deploy/dev/x.sh", Overrides),
            Context::Local);
  EXPECT_EQ(classifyContext("tests/smoke/x.sh", "tests/smoke/x.sh", Overrides),
            Context::Production);
}

TEST(Classify, GitlabCiFiles) {
  EXPECT_EQ(classifyPath(".gitlab-ci.yml"), FileKind::GitlabCi);
  EXPECT_EQ(classifyPath("ci/deploy.gitlab-ci.yml"), FileKind::GitlabCi);
  EXPECT_EQ(classifyPath("templates/jobs.gitlab-ci.yaml"), FileKind::GitlabCi);
  EXPECT_EQ(classifyPath(".gitlab/ci/deploy.yml"), FileKind::GitlabCi);
  EXPECT_EQ(classifyPath(".gitlab/ci/migrate.yaml"), FileKind::GitlabCi);
  EXPECT_EQ(classifyPath(".gitlab/ci/sub/x.yml"), FileKind::Yaml);
  EXPECT_EQ(classifyPath(".gitlab/ci/notes.md"), FileKind::Unknown);
  EXPECT_EQ(classifyPath(".gitlab/issue_templates/bug.yml"), FileKind::Yaml);
  EXPECT_EQ(classifyPath("gitlab-ci.yml"), FileKind::Yaml);
}
