#include "lib/Emit/Gitlab.h"
#include "gtest/gtest.h"
#include <nlohmann/json.hpp>

using namespace adminlint;

static Diagnostic diag(SourceFileRef F, RuleId Rule, Level L) {
  Diagnostic D;
  D.Rule = Rule;
  D.Severity = L;
  D.Message = "a \"quoted\" message";
  D.Primary = {std::move(F), {12, 15}, ""};
  return D;
}

TEST(Gitlab, SeverityMapping) {
  auto F = std::make_shared<SourceFile>("a.sh", "x\n");
  EXPECT_EQ(gitlabSeverity(diag(F, RuleId::SshAdminCommand, Level::Note)),
            "info");
  EXPECT_EQ(gitlabSeverity(diag(F, RuleId::SshAdminCommand, Level::Warning)),
            "minor");
  EXPECT_EQ(gitlabSeverity(diag(F, RuleId::SshAdminCommand, Level::Error)),
            "major");
  EXPECT_EQ(gitlabSeverity(diag(F, RuleId::HardcodedAdminConfig, Level::Error)),
            "critical");
}

TEST(Gitlab, CodeQualityReport) {
  auto F =
      std::make_shared<SourceFile>("ci/deploy.sh", "#!/bin/sh\n  ssh h m\n");
  ScanResult R;
  R.Diagnostics.push_back(diag(F, RuleId::SshAdminCommand, Level::Error));
  R.Diagnostics.push_back(diag(F, RuleId::SshAdminCommand, Level::Error));
  Diagnostic Hidden = diag(F, RuleId::DeployPathAdmin, Level::Error);
  Hidden.Suppressed = true;
  R.Diagnostics.push_back(Hidden);
  nlohmann::json Report = nlohmann::json::parse(renderGitlab(R));
  ASSERT_EQ(Report.size(), 2u);
  const nlohmann::json &I = Report[0];
  EXPECT_EQ(I["check_name"], "ADM301");
  EXPECT_EQ(I["description"],
            "a \"quoted\" message [ADM301 ssh-admin-command]");
  EXPECT_EQ(I["severity"], "major");
  EXPECT_EQ(I["location"]["path"], "ci/deploy.sh");
  EXPECT_EQ(I["location"]["lines"]["begin"], 2);
  EXPECT_NE(Report[0]["fingerprint"], Report[1]["fingerprint"]);
}
