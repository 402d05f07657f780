//===- CatalogTest.cpp - Every rule has its class, doc and fixtures -------===//
//
// rules/Rules.def is sorted; every RULE has a check class (except the
// driver's own ADM900-ADM902), a doc page docs/rules/<CODE>-<name>.md with the
// fixed sections, a bad fixture with at least one EXPECT and an ok fixture.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "lib/Check/RuleDocs.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

using namespace adminlint;
using namespace llvm;

namespace {

std::string sourcePath(const Twine &Rel) {
  return (Twine(ADMINLINT_SOURCE_DIR) + "/" + Rel).str();
}

std::string readFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  return Buf ? (*Buf)->getBuffer().str() : std::string();
}

bool isDriverRule(RuleId Id) {
  return Id == RuleId::ParseError || Id == RuleId::UnusedSuppression ||
         Id == RuleId::ScanLimit;
}

/// Whether a fixture file or directory holds an expectation for Code.
bool hasExpectation(StringRef Path, StringRef Code) {
  auto FileHas = [&](StringRef File) {
    std::string Text = readFile(File);
    if (File.endswith(".expect"))
      return StringRef(Text).contains(Code);
    return StringRef(Text).contains(("EXPECT: " + Code).str());
  };
  if (!sys::fs::is_directory(Path))
    return FileHas(Path) || FileHas((Path + ".expect").str());
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator It(Path, EC), End;
       It != End && !EC; It.increment(EC))
    if (!sys::fs::is_directory(It->path()) && FileHas(It->path()))
      return true;
  return false;
}

class CatalogTest : public ::testing::TestWithParam<RuleInfo> {};

TEST(CatalogOrderTest, RulesAreSortedByCode) {
  ArrayRef<RuleInfo> Rules = allRules();
  ASSERT_EQ(Rules.size(), NumRules);
  for (size_t I = 1; I < Rules.size(); ++I)
    EXPECT_LT(Rules[I - 1].Code, Rules[I].Code)
        << "rules/Rules.def: " << Rules[I].Code.str() << " is out of order";
}

TEST_P(CatalogTest, HasCheckClass) {
  const RuleInfo &R = GetParam();
  if (isDriverRule(R.Id))
    EXPECT_FALSE(hasCheck(R.Id)) << R.Code.str() << " is the driver's own";
  else
    EXPECT_TRUE(hasCheck(R.Id))
        << R.Code.str() << ": no CHECK line in checks/Checks.def";
}

TEST_P(CatalogTest, HasDocWithFixedSections) {
  const RuleInfo &R = GetParam();
  std::string Rel = ("docs/rules/" + R.Code + "-" + R.Name + ".md").str();
  std::string Doc = readFile(sourcePath(Rel));
  ASSERT_FALSE(Doc.empty()) << "missing " << Rel;
  StringRef First = StringRef(Doc).split('\n').first.rtrim("\r");
  EXPECT_EQ(First, ("# " + R.Code + " " + R.Name).str()) << Rel;
  for (StringRef Section : {"## What it does", "## Why is this bad?",
                            "## Example", "## Use instead", "## Options"})
    EXPECT_TRUE(StringRef(Doc).contains((Twine("\n") + Section + "\n").str()))
        << Rel << " lacks '" << Section.str() << "'";
  EXPECT_FALSE(ruleDoc(R.Id).empty()) << Rel << " is not embedded";
}

TEST_P(CatalogTest, IsInTheRuleIndex) {
  const RuleInfo &R = GetParam();
  std::string Index = readFile(sourcePath("docs/rules/README.md"));
  EXPECT_TRUE(StringRef(Index).contains(("| " + R.Code + " |").str()))
      << "docs/rules/README.md does not list " << R.Code.str()
      << "; run tools/add_rule.py --index-only";
}

TEST_P(CatalogTest, HasBadAndOkFixtures) {
  const RuleInfo &R = GetParam();
  std::string Dir = sourcePath("tests/checks/" + R.Code);
  bool Bad = false, Ok = false;
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Base = sys::path::filename(It->path());
    if (Base.endswith(".expect"))
      continue;
    if (Base.startswith("bad") && hasExpectation(It->path(), R.Code))
      Bad = true;
    if (Base.startswith("ok"))
      Ok = true;
  }
  EXPECT_TRUE(Bad) << "tests/checks/" << R.Code.str()
                   << ": no bad* fixture with an EXPECT";
  EXPECT_TRUE(Ok) << "tests/checks/" << R.Code.str() << ": no ok* fixture";
}

std::string ruleName(const ::testing::TestParamInfo<RuleInfo> &Info) {
  return Info.param.Code.str();
}

INSTANTIATE_TEST_SUITE_P(Rules, CatalogTest, ::testing::ValuesIn(allRules()),
                         ruleName);

} // namespace
