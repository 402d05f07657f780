#include "lib/Driver/Scan.h"
#include "lib/Emit/Emitter.h"
#include "tests/unit/TempTree.h"
#include "gtest/gtest.h"

using namespace adminlint;

static const char *SshMigrate = "#!/bin/sh\nssh deploy@web 'python manage.py "
                                "migrate'\n";

static ScanResult scanTree(const TempTree &T, ScanOptions O = {}) {
  O.Root = T.Root;
  if (O.Paths.empty())
    O.Paths.push_back(T.Root);
  llvm::Expected<ScanResult> R = scan(O);
  EXPECT_TRUE(bool(R));
  if (!R) {
    ADD_FAILURE() << llvm::toString(R.takeError());
    return {};
  }
  return std::move(*R);
}

static std::string render(const ScanResult &R) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  EmitOptions E;
  E.ShowSuppressed = true;
  createEmitter("json", E)->emit(R, OS);
  OS.flush();
  return Out;
}

static std::vector<std::string> codes(const ScanResult &R) {
  std::vector<std::string> Out;
  for (const Diagnostic &D : R.Diagnostics)
    Out.push_back((ruleInfo(D.Rule).Code + " " + D.Primary.File->path()).str() +
                  (D.Suppressed ? " suppressed" : ""));
  return Out;
}

TEST(Scan, SameOutputForEveryJobCount) {
  TempTree T;
  for (int I = 0; I < 60; ++I) {
    T.write("d" + std::to_string(I % 7) + "/s" + std::to_string(I) + ".sh",
            SshMigrate);
    T.write("d" + std::to_string(I % 5) + "/bad" + std::to_string(I) + ".sh",
            "echo 'unterminated\n");
  }
  ScanOptions One;
  One.Jobs = 1;
  ScanOptions Eight;
  Eight.Jobs = 8;
  ScanResult A = scanTree(T, One);
  ScanResult B = scanTree(T, Eight);
  EXPECT_FALSE(A.Diagnostics.empty());
  EXPECT_EQ(render(A), render(B));
  for (size_t I = 1; I < A.Diagnostics.size(); ++I)
    EXPECT_FALSE(A.Diagnostics[I] < A.Diagnostics[I - 1]);
}

TEST(Scan, ReportsOnlyGivenPaths) {
  TempTree T;
  T.write("a/x.sh", SshMigrate);
  T.write("b/y.sh", SshMigrate);
  ScanOptions O;
  O.Paths = {T.path("a")};
  O.Select = {"ADM301"};
  EXPECT_EQ(codes(scanTree(T, O)), std::vector<std::string>{"ADM301 a/x.sh"});
}

TEST(Scan, SelectIgnoreAndPrefixes) {
  TempTree T;
  T.write("x.sh", "#!/bin/sh\nssh web 'cd /srv/app && python manage.py "
                  "migrate'\n");
  ScanOptions O;
  O.Select = {"ADM3"};
  O.Ignore = {"deploy-path-admin"};
  EXPECT_EQ(codes(scanTree(T, O)), std::vector<std::string>{"ADM301 x.sh"});
  ScanOptions Bad;
  Bad.Root = T.Root;
  Bad.Paths = {T.Root};
  Bad.Select = {"ADM3O1"};
  llvm::Expected<ScanResult> R = scan(Bad);
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            "error: unknown rule 'ADM3O1' in --select; did you mean "
            "'ADM301'?");
}

TEST(Scan, ConfigLevelsPerPathAndExclude) {
  TempTree T;
  T.write(".adminlint.yaml", "levels: {ADM301: warning}\n"
                             "per-path: {\"ops/**\": {ignore: [ADM301]}}\n"
                             "exclude: [\"legacy/\"]\nselect: [ADM301]\n");
  T.write("x.sh", SshMigrate);
  T.write("ops/y.sh", SshMigrate);
  T.write("legacy/z.sh", SshMigrate);
  ScanResult R = scanTree(T);
  ASSERT_EQ(codes(R), std::vector<std::string>{"ADM301 x.sh"});
  EXPECT_EQ(R.Diagnostics[0].Severity, Level::Warning);
}

TEST(Scan, ConfigErrorIsAnError) {
  TempTree T;
  T.write(".adminlint.yaml", "ignroe: [ADM301]\n");
  ScanOptions O;
  O.Root = T.Root;
  O.Paths = {T.Root};
  llvm::Expected<ScanResult> R = scan(O);
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            T.path(".adminlint.yaml") +
                ":1:1: error: unknown key 'ignroe'; did you mean 'ignore'?");
}

TEST(Scan, SuppressedFindingsAreKept) {
  TempTree T;
  T.write("x.sh", "#!/bin/sh\n# adminlint ignore=ADM301 -- approved\n"
                  "ssh web 'python manage.py migrate'\n"
                  "# adminlint ignore=ADM301\necho hi\n");
  ScanOptions O;
  O.Select = {"ADM301", "ADM901"};
  ScanResult R = scanTree(T, O);
  std::vector<std::string> Expected = {"ADM301 x.sh suppressed", "ADM901 x.sh"};
  EXPECT_EQ(codes(R), Expected);
  EXPECT_EQ(R.Diagnostics[0].Justification, "approved");
  EXPECT_FALSE(R.failed());
}

TEST(Scan, LimitsBecomeScanLimitNotes) {
  TempTree T;
  T.write("big.sh", std::string(2000, '#'));
  T.write("bin.sh", std::string("ab\0cd", 5));
  T.write("ok.sh", "echo\n");
  ScanOptions O;
  O.MaxFileSize = 1000;
  ScanResult R = scanTree(T, O);
  std::vector<std::string> Expected = {"ADM902 big.sh", "ADM902 bin.sh"};
  EXPECT_EQ(codes(R), Expected);
  EXPECT_NE(R.Diagnostics[0].Message.find("--max-file-size"),
            std::string::npos);
  EXPECT_EQ(R.Notifications.size(), 2u);
  EXPECT_EQ(R.Stats.FilesSkipped, 2u);
}

TEST(Scan, ParseErrorsAreReportedAndTheScanGoesOn) {
  TempTree T;
  T.write("bad.sh", "echo 'unterminated\n");
  T.write("good.sh", SshMigrate);
  ScanOptions O;
  O.Select = {"ADM900", "ADM301"};
  std::vector<std::string> Expected = {"ADM900 bad.sh", "ADM301 good.sh"};
  EXPECT_EQ(codes(scanTree(T, O)), Expected);
}

TEST(Scan, StdinReplacesTheFile) {
  TempTree T;
  T.write("x.sh", "echo\n");
  ScanOptions O;
  O.Root = T.Root;
  O.Stdin = StdinFile{T.path("x.sh"), SshMigrate};
  O.Select = {"ADM301"};
  llvm::Expected<ScanResult> R = scan(O);
  ASSERT_TRUE(bool(R));
  EXPECT_EQ(codes(*R), std::vector<std::string>{"ADM301 x.sh"});
}

TEST(Scan, OnlyRulesReportsOneRule) {
  TempTree T;
  T.write("x.sh", "#!/bin/sh\nssh web 'cd /srv/app && python manage.py "
                  "migrate'\n# adminlint ignore=ADM303\necho\n");
  ScanOptions O;
  O.OnlyRules = std::vector<RuleId>{RuleId::UnusedSuppression};
  O.NoWalk = true;
  O.Paths = {T.path("x.sh")};
  EXPECT_EQ(codes(scanTree(T, O)), std::vector<std::string>{"ADM901 x.sh"});
}

TEST(Scan, ConfigLinkedFromOutsideIsNotRead) {
  TempTree Outside;
  Outside.write("config.yaml", "root:x:0:0: leaked\n");
  TempTree T;
  T.mkdir(".git");
  T.link(Outside.path("config.yaml"), ".adminlint.yaml");
  T.write("x.sh", SshMigrate);
  ScanOptions O;
  O.Select = {"ADM301"};
  EXPECT_EQ(codes(scanTree(T, O)), std::vector<std::string>{"ADM301 x.sh"});
}

TEST(Scan, ConfigGlobsAreRelativeToTheConfig) {
  TempTree T;
  T.mkdir(".git");
  T.write("examples/shop/.adminlint.yaml",
          "exclude: [legacy/]\nper-path: {\"ops/**\": {ignore: [ADM301]}}\n");
  T.write("examples/shop/x.sh", SshMigrate);
  T.write("examples/shop/ops/y.sh", SshMigrate);
  T.write("examples/shop/legacy/z.sh", SshMigrate);
  ScanOptions O;
  O.Select = {"ADM301"};
  O.Paths = {T.path("examples/shop")};
  EXPECT_EQ(codes(scanTree(T, O)),
            std::vector<std::string>{"ADM301 examples/shop/x.sh"});
}
