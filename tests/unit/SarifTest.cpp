#include "lib/Emit/Sarif.h"
#include "lib/Check/RuleDocs.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <cstdlib>
#include <nlohmann/json.hpp>

using namespace adminlint;
using json = nlohmann::json;

static Diagnostic makeDiag(RuleId Rule, SourceFileRef File, SourceRange Range,
                           std::string Message) {
  Diagnostic D;
  D.Rule = Rule;
  D.Severity = ruleInfo(Rule).DefaultLevel;
  D.Message = std::move(Message);
  D.Primary = {std::move(File), Range, ""};
  return D;
}

/// A scan with a non-ASCII line, a path that needs encoding, a related
/// location, a suppressed finding and a notification.
static ScanResult sampleScan() {
  std::string Script = "#!/bin/sh\necho 'é𝄞'; ssh prod ./manage.py migrate\n";
  uint32_t Ssh = Script.find("ssh");
  auto Deploy =
      std::make_shared<SourceFile>("deploy/run migrations%.sh", Script);
  auto App = std::make_shared<SourceFile>("k8s/app.yaml", "image: app:1.0\n");
  ScanResult R;
  Diagnostic Remote = makeDiag(RuleId::SshAdminCommand, Deploy, {Ssh, Ssh + 28},
                               "runs an admin command over ssh");
  Remote.Related.push_back({App, {7, 14}, "app image declared here"});
  Remote.Notes.push_back("run it as a one-off of the release");
  R.Diagnostics.push_back(Remote);
  Diagnostic Hidden = makeDiag(RuleId::HardcodedAdminConfig, Deploy, {10, 14},
                               "sets its own database url");
  Hidden.Suppressed = true;
  Hidden.Justification = "legacy host, removed in Q3";
  R.Diagnostics.push_back(Hidden);
  R.Notifications.push_back(
      {Level::Warning, "broken.yaml", "cannot parse", false});
  return R;
}

static json render(const ScanResult &R, size_t Cap = SarifResultCap,
                   std::string Category = "") {
  EmitOptions O;
  O.SarifCategory = std::move(Category);
  return json::parse(renderSarif(R, O, Cap));
}

TEST(Sarif, UriIsPercentEncodedAndRelative) {
  EXPECT_EQ(sarifUri("deploy/run migrations%.sh"),
            "deploy/run%20migrations%25.sh");
  EXPECT_EQ(sarifUri("./a\\b/é"), "a/b/%C3%A9");
}

TEST(Sarif, OneRunWithEveryRule) {
  json Log = render(sampleScan());
  EXPECT_EQ(Log["version"], "2.1.0");
  ASSERT_EQ(Log["runs"].size(), 1u);
  const json &Driver = Log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(Driver["name"], "adminlint");
  ASSERT_EQ(Driver["rules"].size(), allRules().size());
  for (size_t I = 0; I != allRules().size(); ++I) {
    const json &Rule = Driver["rules"][I];
    EXPECT_EQ(Rule["id"], allRules()[I].Code.str());
    EXPECT_FALSE(Rule["help"]["text"].get<std::string>().empty());
    EXPECT_FALSE(Rule["fullDescription"]["text"].get<std::string>().empty());
  }
  const json &Security =
      Driver["rules"][static_cast<unsigned>(RuleId::HardcodedAdminConfig)];
  EXPECT_EQ(Security["properties"]["security-severity"], "7.5");
  EXPECT_NE(std::find(Security["properties"]["tags"].begin(),
                      Security["properties"]["tags"].end(), "security"),
            Security["properties"]["tags"].end());
}

TEST(Sarif, ResultHasUtf16RegionFingerprintsAndRelated) {
  json Res = render(sampleScan())["runs"][0]["results"][0];
  EXPECT_EQ(Res["ruleId"], "ADM301");
  EXPECT_EQ(Res["ruleIndex"], static_cast<unsigned>(RuleId::SshAdminCommand));
  EXPECT_EQ(Res["level"], "error");
  const json &Phys = Res["locations"][0]["physicalLocation"];
  EXPECT_EQ(Phys["artifactLocation"]["uri"], "deploy/run%20migrations%25.sh");
  EXPECT_EQ(Phys["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  // "echo 'é𝄞'; " is 12 UTF-16 units before "ssh" (𝄞 counts twice).
  EXPECT_EQ(Phys["region"]["startLine"], 2);
  EXPECT_EQ(Phys["region"]["startColumn"], 13);
  EXPECT_EQ(Phys["region"]["endColumn"], 41);
  EXPECT_EQ(Phys["region"]["snippet"]["text"], "ssh prod ./manage.py migrate");
  const json &FP = Res["partialFingerprints"];
  EXPECT_EQ(FP["adminlint/v1"], FP["primaryLocationLineHash"]);
  EXPECT_EQ(Res["relatedLocations"][0]["message"]["text"],
            "app image declared here");
}

TEST(Sarif, SuppressionsAndNotifications) {
  json Run = render(sampleScan(), SarifResultCap, "admin")["runs"][0];
  const json &Sup = Run["results"][1]["suppressions"][0];
  EXPECT_EQ(Sup["kind"], "inSource");
  EXPECT_EQ(Sup["justification"], "legacy host, removed in Q3");
  const json &Inv = Run["invocations"][0];
  EXPECT_EQ(Inv["executionSuccessful"], true);
  EXPECT_EQ(Inv["toolExecutionNotifications"][0]["message"]["text"],
            "cannot parse");
  EXPECT_EQ(Run["automationDetails"]["id"], "admin/");
  EXPECT_TRUE(Run["originalUriBaseIds"].contains("%SRCROOT%"));
}

TEST(Sarif, CapKeepsTheMostSevereAndSaysSo) {
  ScanResult R = sampleScan();
  json Run = render(R, 1)["runs"][0];
  ASSERT_EQ(Run["results"].size(), 1u);
  EXPECT_EQ(Run["results"][0]["ruleId"], "ADM301");
  const json &Notes = Run["invocations"][0]["toolExecutionNotifications"];
  EXPECT_NE(
      Notes.back()["message"]["text"].get<std::string>().find("1 results"),
      std::string::npos);
}

TEST(Sarif, InvalidUtf8DoesNotThrow) {
  auto F = std::make_shared<SourceFile>("bad\xFF.sh", "ssh \xFF\xFE x\n");
  ScanResult R;
  R.Diagnostics.push_back(
      makeDiag(RuleId::SshAdminCommand, F, {0, 9}, "message \xC3"));
  EXPECT_NO_THROW(render(R));
}

TEST(Sarif, DocSectionsAreFound) {
  llvm::StringRef Doc = "# ADM1 x\n\n## What it does\nFirst line\nsecond.\n\n"
                        "More.\n\n## Why is this bad?\nBecause.\n";
  EXPECT_EQ(docParagraph(Doc, "What it does"), "First line second.");
  EXPECT_EQ(docSection(Doc, "Why is this bad?"), "Because.");
  EXPECT_EQ(docSection(Doc, "Options"), "");
}

/// Every SARIF the tests produce passes the code-scanning validator.
TEST(Sarif, PassesValidateSarif) {
  std::string Tool = ADMINLINT_SOURCE_DIR "/../shared/tools/validate-sarif";
  if (!llvm::sys::fs::exists(Tool))
    GTEST_SKIP() << "no " << Tool;
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("adminlint", "sarif", Path));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    EmitOptions O;
    O.SarifCategory = "unit";
    OS << renderSarif(sampleScan(), O, 1);
  }
  std::string Cmd =
      Tool + " --strict --no-multitool '" + Path.str().str() + "' >/dev/null";
  EXPECT_EQ(std::system(Cmd.c_str()), 0) << Cmd;
  llvm::sys::fs::remove(Path);
}

TEST(Sarif, SnippetsHideLiteralSecrets) {
  std::string Text = "#!/bin/sh\nPGPASSWORD=Zq9xPw7 psql -c 'select 1'\n";
  uint32_t Secret = Text.find("Zq9xPw7");
  auto F = std::make_shared<SourceFile>("ops/db.sh", Text);
  Diagnostic D = makeDiag(RuleId::HardcodedAdminConfig, F,
                          {10, uint32_t(Text.size() - 1)}, "sets a password");
  D.Secrets.push_back({Secret, Secret + 7});
  D.Related.push_back({F, {10, Secret + 7}, "set here"});
  ScanResult R;
  R.Diagnostics.push_back(D);
  std::string Out = renderSarif(R, EmitOptions(), SarifResultCap);
  EXPECT_EQ(Out.find("Zq9xPw7"), std::string::npos);
  json Region = json::parse(Out)["runs"][0]["results"][0]["locations"][0]
                                ["physicalLocation"]["region"];
  EXPECT_EQ(Region["snippet"]["text"], "PGPASSWORD=*** psql -c 'select 1'");
}
