#include "lib/Driver/Suppression.h"
#include "gtest/gtest.h"
#include <memory>

using namespace adminlint;

static SourceFileRef file(llvm::StringRef Text) {
  return std::make_shared<SourceFile>("deploy.sh", Text.str());
}

static Diagnostic finding(const SourceFileRef &F, RuleId Rule,
                          llvm::StringRef Needle) {
  Diagnostic D;
  D.Rule = Rule;
  D.Primary.File = F;
  uint32_t At = F->text().find(Needle);
  D.Primary.Range = {At, static_cast<uint32_t>(At + Needle.size())};
  return D;
}

static RuleSet all() { return RuleSet().set(); }

TEST(Suppression, LineBeforeWithReason) {
  auto F =
      file("# adminlint ignore=ADM301 -- approved by ops\nssh h migrate\n");
  auto Ds = findDirectives(*F, "2026-01-01");
  ASSERT_EQ(Ds.size(), 1u);
  EXPECT_EQ(Ds[0].Reason, "approved by ops");
  EXPECT_EQ(Ds[0].Range.Begin, 0u);
  SuppressionIndex I;
  I.add(F, Ds);
  Diagnostic D = finding(F, RuleId::SshAdminCommand, "ssh");
  I.apply(D);
  EXPECT_TRUE(D.Suppressed);
  EXPECT_EQ(D.Justification, "approved by ops");
  EXPECT_TRUE(I.problems(all()).empty());
}

TEST(Suppression, EndOfLineAndNames) {
  auto F = file("ssh h migrate  # adminlint ignore=ssh-admin-command\n"
                "ssh h migrate\n");
  SuppressionIndex I;
  I.add(F, findDirectives(*F, "2026-01-01"));
  Diagnostic First = finding(F, RuleId::SshAdminCommand, "ssh h");
  Diagnostic Second = finding(F, RuleId::SshAdminCommand, "ssh h migrate\n");
  Second.Primary.Range.Begin = F->lineStart(2);
  I.apply(First);
  I.apply(Second);
  EXPECT_TRUE(First.Suppressed);
  EXPECT_FALSE(Second.Suppressed);
}

TEST(Suppression, OtherCommentSyntaxes) {
  auto F = file("system(\"ssh h migrate\"); // adminlint ignore=ADM301\n"
                "/* adminlint ignore=ADM303 -- legacy */\n"
                "cd /srv/app && migrate\n");
  auto Ds = findDirectives(*F, "2026-01-01");
  ASSERT_EQ(Ds.size(), 2u);
  EXPECT_EQ(Ds[1].Reason, "legacy");
  SuppressionIndex I;
  I.add(F, Ds);
  Diagnostic D = finding(F, RuleId::DeployPathAdmin, "cd /srv");
  I.apply(D);
  EXPECT_TRUE(D.Suppressed);
}

TEST(Suppression, StackedDirectivesCoverTheNextCodeLine) {
  auto F = file("# adminlint ignore=ADM301\n# adminlint ignore=ADM303\n"
                "ssh h 'cd /srv && migrate'\n");
  SuppressionIndex I;
  I.add(F, findDirectives(*F, "2026-01-01"));
  Diagnostic A = finding(F, RuleId::SshAdminCommand, "ssh");
  Diagnostic B = finding(F, RuleId::DeployPathAdmin, "cd /srv");
  I.apply(A);
  I.apply(B);
  EXPECT_TRUE(A.Suppressed);
  EXPECT_TRUE(B.Suppressed);
}

TEST(Suppression, NotAComment) {
  auto F = file("echo \"adminlint ignore=ADM301\"\n");
  EXPECT_TRUE(findDirectives(*F, "2026-01-01").empty());
}

TEST(Suppression, UntilExpires) {
  auto F = file("# adminlint ignore=ADM301 until=2026-03-31 -- migration\n"
                "ssh h migrate\n");
  auto Live = findDirectives(*F, "2026-03-31");
  ASSERT_EQ(Live.size(), 1u);
  EXPECT_FALSE(Live[0].Expired);
  SuppressionIndex I;
  I.add(F, findDirectives(*F, "2026-04-01"));
  Diagnostic D = finding(F, RuleId::SshAdminCommand, "ssh");
  I.apply(D);
  EXPECT_FALSE(D.Suppressed);
  auto P = I.problems(all());
  ASSERT_EQ(P.size(), 1u);
  EXPECT_EQ(P[0].Rule, RuleId::UnusedSuppression);
  EXPECT_EQ(P[0].Message, "suppression expired on 2026-03-31");
}

TEST(Suppression, BadDateAndStrayWords) {
  auto F = file("# adminlint ignore=ADM301 until=31.03.2026 because\n");
  auto Ds = findDirectives(*F, "2026-01-01");
  ASSERT_EQ(Ds.size(), 1u);
  ASSERT_EQ(Ds[0].Problems.size(), 2u);
  EXPECT_EQ(Ds[0].Problems[0],
            "bad date in 'until=31.03.2026'; use YYYY-MM-DD");
  EXPECT_EQ(Ds[0].Problems[1],
            "unexpected 'because' in suppression; put the reason after '--'");
}

TEST(Suppression, IgnoreFileCoversEverything) {
  auto F = file("echo\n# adminlint ignore-file=ADM405 -- generated\necho\n"
                "FROM python\n");
  SuppressionIndex I;
  I.add(F, findDirectives(*F, "2026-01-01"));
  Diagnostic D = finding(F, RuleId::AdminDockerfileDrift, "FROM");
  I.apply(D);
  EXPECT_TRUE(D.Suppressed);
  EXPECT_EQ(D.Justification, "generated");
}

TEST(Suppression, UnknownRuleAndUnused) {
  auto F = file("# adminlint ignore=ADM999,ADM303\nssh h migrate\n");
  SuppressionIndex I;
  I.add(F, findDirectives(*F, "2026-01-01"));
  auto P = I.problems(all());
  ASSERT_EQ(P.size(), 2u);
  EXPECT_EQ(P[0].Message,
            "unknown rule 'ADM999' in suppression; did you mean 'ADM900'?");
  EXPECT_EQ(P[1].Message, "suppression of 'ADM303' suppresses nothing");
  EXPECT_EQ(P[0].Primary.Range.Begin, 0u);
  RuleSet OnlySsh;
  OnlySsh.set(static_cast<unsigned>(RuleId::SshAdminCommand));
  EXPECT_EQ(I.problems(OnlySsh).size(), 1u);
}

TEST(Suppression, ParseErrorsCannotBeSuppressedInline) {
  auto F = file("# adminlint ignore=ADM900\necho 'unterminated\n");
  SuppressionIndex I;
  I.add(F, findDirectives(*F, "2026-01-01"));
  Diagnostic D = finding(F, RuleId::ParseError, "echo");
  I.apply(D);
  EXPECT_FALSE(D.Suppressed);
  auto P = I.problems(all());
  ASSERT_EQ(P.size(), 1u);
  EXPECT_NE(P[0].Message.find("cannot be suppressed inline"),
            std::string::npos);
}

TEST(Suppression, Annotation) {
  auto F = file("kind: Job\nmetadata:\n  annotations:\n"
                "    adminlint.dev/ignore: \"ADM401 -- vendor chart\"\n"
                "spec:\n  image: other\n");
  Workload W;
  W.File = F;
  W.Range = {0, static_cast<uint32_t>(F->text().size())};
  W.IgnoreAnnotation = "ADM401,ADM404 -- vendor chart";
  SuppressionIndex I;
  I.add(F, {annotationDirective(W, "2026-01-01")});
  Diagnostic D = finding(F, RuleId::AdminImageMismatch, "other");
  I.apply(D);
  EXPECT_TRUE(D.Suppressed);
  EXPECT_EQ(D.Justification, "vendor chart");
  auto P = I.problems(all());
  ASSERT_EQ(P.size(), 1u);
  EXPECT_EQ(P[0].Message, "suppression of 'ADM404' suppresses nothing");
}
