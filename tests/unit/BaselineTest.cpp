#include "lib/Driver/Baseline.h"
#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"

using namespace adminlint;

static Diagnostic finding(SourceFileRef File, llvm::StringRef Needle,
                          size_t Nth = 0) {
  size_t Pos = 0;
  for (size_t I = 0; I <= Nth; ++I)
    Pos = File->text().find(Needle, I == 0 ? 0 : Pos + 1);
  Diagnostic D;
  D.Rule = RuleId::SshAdminCommand;
  D.Message = "runs an admin command over ssh";
  D.Primary = {
      File,
      {static_cast<uint32_t>(Pos), static_cast<uint32_t>(Pos + Needle.size())},
      ""};
  return D;
}

TEST(Baseline, FingerprintSurvivesLineShifts) {
  auto Before = std::make_shared<SourceFile>("d.sh", "ssh h migrate\n");
  auto After = std::make_shared<SourceFile>(
      "d.sh", "# new header\n\nset -e\n  ssh   h  migrate\n");
  EXPECT_EQ(fingerprint(finding(Before, "ssh h migrate")),
            fingerprint(finding(After, "ssh   h  migrate")));
}

TEST(Baseline, FingerprintDependsOnRulePathAndKey) {
  auto A = std::make_shared<SourceFile>("a.sh", "ssh h migrate\n");
  auto B = std::make_shared<SourceFile>("b.sh", "ssh h migrate\n");
  Diagnostic DA = finding(A, "ssh h migrate");
  EXPECT_NE(fingerprint(DA), fingerprint(finding(B, "ssh h migrate")));
  Diagnostic Other = DA;
  Other.Rule = RuleId::DeployPathAdmin;
  EXPECT_NE(fingerprint(DA), fingerprint(Other));
  Diagnostic Keyed = DA;
  Keyed.FingerprintKey = "migrate";
  EXPECT_NE(fingerprint(DA), fingerprint(Keyed));
  EXPECT_EQ(fingerprint(DA).size(), 32u);
}

TEST(Baseline, IdenticalFindingsAreNumbered) {
  auto F = std::make_shared<SourceFile>("d.sh", "ssh h m\nssh h m\n");
  std::vector<Diagnostic> Diags = {finding(F, "ssh h m"),
                                   finding(F, "ssh h m", 1)};
  std::vector<std::string> Prints = fingerprints(Diags);
  EXPECT_EQ(Prints[0], fingerprint(Diags[0]) + ":1");
  EXPECT_EQ(Prints[1], fingerprint(Diags[0]) + ":2");
  assignFingerprints(Diags);
  EXPECT_EQ(Diags[1].Fingerprint, Prints[1]);
}

TEST(Baseline, RoundTripReportsOnlyNewFindings) {
  auto Old = std::make_shared<SourceFile>("d.sh", "ssh h a\n");
  std::vector<Diagnostic> Before = {finding(Old, "ssh h a")};
  llvm::Expected<Baseline> B =
      Baseline::parse(renderBaseline(Before), "b.json");
  ASSERT_TRUE(static_cast<bool>(B)) << llvm::toString(B.takeError());
  EXPECT_EQ(B->size(), 1u);
  auto New = std::make_shared<SourceFile>("d.sh", "\n\nssh h b\nssh h a\n");
  std::vector<Diagnostic> After = {finding(New, "ssh h b"),
                                   finding(New, "ssh h a")};
  std::vector<Diagnostic> Fresh = B->newFindings(After);
  ASSERT_EQ(Fresh.size(), 1u);
  EXPECT_EQ(New->slice(Fresh[0].Primary.Range), "ssh h b");
}

TEST(Baseline, SuppressedFindingsAreNotWritten) {
  auto F = std::make_shared<SourceFile>("d.sh", "ssh h a\n");
  std::vector<Diagnostic> Diags = {finding(F, "ssh h a")};
  Diags[0].Suppressed = true;
  llvm::Expected<Baseline> B = Baseline::parse(renderBaseline(Diags), "b");
  ASSERT_TRUE(static_cast<bool>(B));
  EXPECT_EQ(B->size(), 0u);
}

static std::string errorOf(llvm::StringRef Text) {
  llvm::Expected<Baseline> B = Baseline::parse(Text, "b.json");
  if (B)
    return "";
  return llvm::toString(B.takeError());
}

TEST(Baseline, CorruptOrForeignFilesAreClearErrors) {
  EXPECT_NE(errorOf("{not json").find("corrupt JSON"), std::string::npos);
  EXPECT_NE(errorOf("[1,2]").find("not an adminlint baseline"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"version": "2.1.0", "runs": []})")
                .find("not an adminlint baseline"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"kind": "adminlint-baseline", "version": 99})")
                .find("version"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"kind": "adminlint-baseline", "version": 1,
                        "findings": [{"fingerprint": 3}]})")
                .find("fingerprint"),
            std::string::npos);
  EXPECT_NE(errorOf("").find("b.json"), std::string::npos);
}

TEST(Baseline, WriteIsAtomicAndReadable) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("adminlint-baseline", Dir));
  std::string Path = (Dir + "/baseline.json").str();
  auto F = std::make_shared<SourceFile>("d.sh", "ssh h a\n");
  ASSERT_FALSE(static_cast<bool>(writeBaseline(Path, {finding(F, "ssh h a")})));
  llvm::Expected<Baseline> B = Baseline::read(Path);
  ASSERT_TRUE(static_cast<bool>(B));
  EXPECT_EQ(B->size(), 1u);
  llvm::Error Bad = writeBaseline((Dir + "/missing/dir/b.json").str(), {});
  EXPECT_TRUE(static_cast<bool>(Bad));
  llvm::consumeError(std::move(Bad));
  llvm::Expected<Baseline> Missing = Baseline::read((Dir + "/nope.json").str());
  EXPECT_FALSE(static_cast<bool>(Missing));
  llvm::consumeError(Missing.takeError());
  llvm::sys::fs::remove(Path);
  llvm::sys::fs::remove(Dir);
}

TEST(Baseline, ApplyWritesThenFiltersWithStableNumbers) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("adminlint-apply", Dir));
  std::string Path = (Dir + "/b.json").str();
  auto Old = std::make_shared<SourceFile>("d.sh", "ssh h a\n");
  ScanResult First;
  First.Diagnostics = {finding(Old, "ssh h a")};
  ASSERT_FALSE(static_cast<bool>(applyBaseline(First, "", Path)));
  EXPECT_EQ(First.Diagnostics.size(), 1u);

  auto New = std::make_shared<SourceFile>("d.sh", "ssh h a\nssh h a\n");
  ScanResult Second;
  Second.Diagnostics = {finding(New, "ssh h a"), finding(New, "ssh h a", 1)};
  ASSERT_FALSE(static_cast<bool>(applyBaseline(Second, Path, "")));
  ASSERT_EQ(Second.Diagnostics.size(), 1u);
  // The survivor keeps the number it had before filtering.
  EXPECT_EQ(Second.Diagnostics[0].Fingerprint,
            fingerprint(Second.Diagnostics[0]) + ":2");

  ScanResult Third;
  llvm::Error Bad = applyBaseline(Third, (Dir + "/none.json").str(), "");
  EXPECT_NE(llvm::toString(std::move(Bad)).find("none.json"),
            std::string::npos);
  llvm::sys::fs::remove(Path);
  llvm::sys::fs::remove(Dir);
}
