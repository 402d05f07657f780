//===- CiRulesFixtureTest.cpp - Fixtures of ADM101-103, ADM302, ADM601 ----===//
//
// Runs each bad*/ok* fixture of these rules through the real scan (one rule
// reported) and pairs the findings one to one with the `# EXPECT:` lines.
//
//===----------------------------------------------------------------------===//
#include "lib/Driver/Scan.h"
#include "llvm/ADT/StringExtras.h"
#include "gtest/gtest.h"
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace adminlint;
namespace fs = std::filesystem;

namespace {

struct Expectation {
  std::string Path; ///< relative to the fixture root
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Substring;
  bool Matched = false;
};

std::string readFile(const fs::path &P) {
  std::ifstream In(P, std::ios::binary);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

void collectExpectations(const fs::path &File, const std::string &Rel,
                         llvm::StringRef Code, std::vector<Expectation> &Out) {
  static const std::regex Re(
      R"re((#|//) EXPECT: (ADM[0-9]+) @(\+[0-9]+|L[0-9]+):([0-9]+) "(.*)")re");
  std::istringstream In(readFile(File));
  std::string Line;
  for (unsigned N = 1; std::getline(In, Line); ++N) {
    std::smatch M;
    if (!std::regex_search(Line, M, Re) || M[2].str() != Code.str())
      continue;
    Expectation E;
    E.Path = Rel;
    std::string Where = M[3].str();
    unsigned Num = std::stoul(Where.substr(1));
    E.Line = Where[0] == '+' ? N + Num : Num;
    E.Column = std::stoul(M[4].str());
    E.Substring = M[5].str();
    Out.push_back(E);
  }
}

void runFixture(RuleId Rule, llvm::StringRef Code, const fs::path &Fixture) {
  SCOPED_TRACE(Fixture.string());
  bool IsDir = fs::is_directory(Fixture);
  std::vector<Expectation> Expected;
  if (IsDir) {
    for (const auto &E : fs::recursive_directory_iterator(Fixture))
      if (E.is_regular_file())
        collectExpectations(E.path(),
                            fs::relative(E.path(), Fixture).generic_string(),
                            Code, Expected);
  } else {
    collectExpectations(Fixture, Fixture.filename().string(), Code, Expected);
  }
  ScanOptions Opts;
  Opts.Root = IsDir ? Fixture.string() : Fixture.parent_path().string();
  Opts.Paths = {Fixture.string()};
  Opts.NoWalk = !IsDir;
  Opts.Jobs = 1;
  Opts.OnlyRules = std::vector<RuleId>{Rule};
  Opts.Today = "2026-01-01";
  auto Result = scan(Opts);
  ASSERT_TRUE(bool(Result)) << llvm::toString(Result.takeError());
  bool IsBad = Fixture.filename().string().rfind("bad", 0) == 0;
  if (IsBad)
    EXPECT_FALSE(Expected.empty()) << "a bad fixture needs an EXPECT line";
  for (const Diagnostic &D : Result->Diagnostics) {
    if (D.Rule != Rule)
      continue;
    LineColumn LC = D.Primary.File->lineColumn(D.Primary.Range.Begin);
    std::string Path = D.Primary.File->path().str();
    bool Found = false;
    for (Expectation &E : Expected) {
      if (E.Matched || E.Line != LC.Line || E.Column != LC.Byte ||
          !llvm::StringRef(Path).endswith(E.Path) ||
          D.Message.find(E.Substring) == std::string::npos)
        continue;
      E.Matched = Found = true;
      break;
    }
    EXPECT_TRUE(Found) << "unexpected: " << Path << ":" << LC.Line << ":"
                       << LC.Byte << ": " << D.Message;
  }
  for (const Expectation &E : Expected)
    EXPECT_TRUE(E.Matched) << "missing: " << E.Path << ":" << E.Line << ":"
                           << E.Column << " \"" << E.Substring << "\"";
}

void runRule(RuleId Rule, llvm::StringRef Code) {
  fs::path Dir =
      fs::path(ADMINLINT_SOURCE_DIR) / "tests" / "checks" / Code.str();
  ASSERT_TRUE(fs::is_directory(Dir)) << Dir;
  std::vector<fs::path> Fixtures;
  for (const auto &E : fs::directory_iterator(Dir))
    Fixtures.push_back(E.path());
  std::sort(Fixtures.begin(), Fixtures.end());
  bool Bad = false, Ok = false;
  for (const fs::path &F : Fixtures) {
    std::string Name = F.filename().string();
    Bad |= Name.rfind("bad", 0) == 0;
    Ok |= Name.rfind("ok", 0) == 0;
    runFixture(Rule, Code, F);
  }
  EXPECT_TRUE(Bad && Ok) << "each rule needs bad and ok fixtures";
}

TEST(CiRulesFixtureTest, ADM101) {
  runRule(RuleId::AdminScriptOutsideApp, "ADM101");
}
TEST(CiRulesFixtureTest, ADM102) {
  runRule(RuleId::AdminSeparateDependencies, "ADM102");
}
TEST(CiRulesFixtureTest, ADM103) {
  runRule(RuleId::HardcodedAdminConfig, "ADM103");
}
TEST(CiRulesFixtureTest, ADM302) {
  runRule(RuleId::CopyCodeIntoContainer, "ADM302");
}
TEST(CiRulesFixtureTest, ADM601) {
  runRule(RuleId::CiAdminOutsideRelease, "ADM601");
}

} // namespace
