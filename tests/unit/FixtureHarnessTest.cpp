//===- FixtureHarnessTest.cpp - Rule fixtures with inline expectations ----===//
//
// Every tests/checks/ADMxxx/bad* and ok* (file or directory) is one test. The
// fixture is scanned as a repository (a file alone: a one-file repository)
// with only rule ADMxxx reported. In bad fixtures, comment lines
//   # EXPECT: ADM301 @+1:5 "substring of the message"
// (or `// EXPECT:`) expect a finding at a line and 1-based byte column:
// `@+N:C` is N lines below the comment (`@+0` the same line), `@LN:C` line N.
// Files that cannot carry comments use a sidecar `<file>.expect` with lines
//   ADM301 @12:5 "substring"
// Findings and expectations are paired one to one; anything left over fails
// the test with a readable list. ok* fixtures must produce nothing.
//
//===----------------------------------------------------------------------===//
#include "lib/Driver/Scan.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace adminlint;
using namespace llvm;

namespace {

/// One fixture: a bad* or ok* file or directory of a rule's folder.
struct Fixture {
  std::string Code;     ///< the rule's code, from the folder name
  std::string Path;     ///< absolute path
  std::string Name;     ///< "ADM301/bad.sh", for messages
  std::string TestName; ///< a gtest-safe name
  bool IsDir = false;
  bool Bad = false;
};

/// One expected finding.
struct Expectation {
  std::string Code;
  std::string File; ///< repository-relative path of the fixture file
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Substring;
  std::string Origin; ///< where the expectation was written, for messages
};

/// gtest prints a failing parameter with this instead of its bytes.
void PrintTo(const Fixture &F, std::ostream *OS) { *OS << F.Name; }

std::string fixturesRoot() {
  return std::string(ADMINLINT_SOURCE_DIR) + "/tests/checks";
}

std::vector<std::string> listDir(StringRef Dir) {
  std::vector<std::string> Out;
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    Out.push_back(It->path());
  llvm::sort(Out);
  return Out;
}

std::string testNameOf(StringRef Code, StringRef Entry) {
  std::string Name = (Code + "_" + Entry).str();
  for (char &C : Name)
    if (!isAlnum(C))
      C = '_';
  return Name;
}

std::vector<Fixture> discoverFixtures() {
  std::vector<Fixture> Out;
  for (const std::string &RuleDir : listDir(fixturesRoot())) {
    StringRef Code = sys::path::filename(RuleDir);
    if (!Code.startswith("ADM") || !sys::fs::is_directory(RuleDir))
      continue;
    for (const std::string &Entry : listDir(RuleDir)) {
      StringRef Base = sys::path::filename(Entry);
      bool Bad = Base.startswith("bad");
      if ((!Bad && !Base.startswith("ok")) || Base.endswith(".expect"))
        continue;
      Fixture F;
      F.Code = Code.str();
      F.Path = Entry;
      F.Name = (Code + "/" + Base).str();
      F.TestName = testNameOf(Code, Base);
      F.IsDir = sys::fs::is_directory(Entry);
      F.Bad = Bad;
      Out.push_back(std::move(F));
    }
  }
  return Out;
}

/// Parses `CODE @+N:C "substring"` (Relative) or `CODE @N:C "substring"`
/// (sidecar, absolute); `@LN:C` is absolute in both.
bool parseExpectation(StringRef Text, unsigned CommentLine, bool Sidecar,
                      Expectation &E, std::string &Error) {
  Text = Text.trim();
  auto [Code, Rest] = Text.split(' ');
  E.Code = Code.str();
  Rest = Rest.ltrim();
  if (!Rest.consume_front("@")) {
    Error = "expected '@' after the code";
    return false;
  }
  bool Absolute = Sidecar || Rest.consume_front("L");
  bool Relative = !Absolute && Rest.consume_front("+");
  if (!Absolute && !Relative) {
    Error = "expected @+N:C or @LN:C";
    return false;
  }
  auto [LinePart, AfterLine] = Rest.split(':');
  size_t ColEnd = AfterLine.find_first_not_of("0123456789");
  StringRef ColPart = AfterLine.substr(0, ColEnd);
  unsigned Line = 0, Column = 0;
  if (LinePart.getAsInteger(10, Line) || ColPart.getAsInteger(10, Column)) {
    Error = "bad line or column";
    return false;
  }
  E.Line = Absolute ? Line : CommentLine + Line;
  E.Column = Column;
  StringRef Quoted = AfterLine.substr(ColPart.size()).trim();
  if (Quoted.size() >= 2 && Quoted.front() == '"' && Quoted.back() == '"')
    E.Substring = Quoted.drop_front().drop_back().str();
  else if (!Quoted.empty()) {
    Error = "the message substring must be in double quotes";
    return false;
  }
  return true;
}

/// The `EXPECT:` directive of a comment line, if the line has one.
Optional<StringRef> expectDirective(StringRef Line) {
  for (StringRef Marker :
       {"# EXPECT:", "// EXPECT:", "#EXPECT:", "//EXPECT:"}) {
    size_t At = Line.find(Marker);
    if (At != StringRef::npos)
      return Line.substr(At + Marker.size());
  }
  return None;
}

void collectFromFile(StringRef Abs, StringRef Rel, bool Sidecar,
                     std::vector<Expectation> &Out,
                     std::vector<std::string> &Errors) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Abs);
  if (!Buf)
    return;
  SmallVector<StringRef, 64> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  std::string Target =
      Sidecar ? Rel.drop_back(strlen(".expect")).str() : Rel.str();
  for (size_t I = 0; I < Lines.size(); ++I) {
    StringRef Line = Lines[I].rtrim("\r");
    Optional<StringRef> Directive =
        Sidecar ? Optional<StringRef>(Line) : expectDirective(Line);
    if (!Directive || Directive->trim().empty())
      continue;
    Expectation E;
    E.File = Target;
    E.Origin = (Rel + ":" + Twine(I + 1)).str();
    std::string Error;
    if (!parseExpectation(*Directive, I + 1, Sidecar, E, Error)) {
      Errors.push_back(E.Origin + ": " + Error);
      continue;
    }
    Out.push_back(std::move(E));
  }
}

/// Every expectation of a fixture; paths are relative to the fixture's root.
std::vector<Expectation> collectExpectations(const Fixture &F,
                                             std::vector<std::string> &Errors) {
  std::vector<Expectation> Out;
  if (!F.IsDir) {
    StringRef Base = sys::path::filename(F.Path);
    collectFromFile(F.Path, Base, false, Out, Errors);
    if (sys::fs::exists(F.Path + ".expect"))
      collectFromFile(F.Path + ".expect", (Base + ".expect").str(), true, Out,
                      Errors);
    return Out;
  }
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator It(F.Path, EC), End;
       It != End && !EC; It.increment(EC)) {
    if (sys::fs::is_directory(It->path()))
      continue;
    StringRef Abs = It->path();
    std::string Rel = Abs.drop_front(F.Path.size() + 1).str();
    collectFromFile(Abs, Rel, StringRef(Rel).endswith(".expect"), Out, Errors);
  }
  return Out;
}

/// A finding as the harness compares it.
struct Found {
  std::string Code;
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Message;
};

Found describe(const Diagnostic &D) {
  Found Out;
  Out.Code = ruleInfo(D.Rule).Code.str();
  Out.File = D.Primary.File ? D.Primary.File->path().str() : "";
  if (D.Primary.File) {
    LineColumn LC = D.Primary.File->lineColumn(D.Primary.Range.Begin);
    Out.Line = LC.Line;
    Out.Column = LC.Byte;
  }
  Out.Message = D.Message;
  return Out;
}

std::string show(const Found &F) {
  return F.File + ":" + std::to_string(F.Line) + ":" +
         std::to_string(F.Column) + ": " + F.Code + " " + F.Message;
}

std::string show(const Expectation &E) {
  return E.File + ":" + std::to_string(E.Line) + ":" +
         std::to_string(E.Column) + ": " + E.Code + " \"" + E.Substring +
         "\" (EXPECT at " + E.Origin + ")";
}

bool satisfies(const Found &F, const Expectation &E) {
  return F.Code == E.Code && F.File == E.File && F.Line == E.Line &&
         F.Column == E.Column && StringRef(F.Message).contains(E.Substring);
}

Expected<ScanResult> scanFixture(const Fixture &F, RuleId Rule) {
  ScanOptions Opts;
  Opts.Root = F.IsDir ? F.Path : sys::path::parent_path(F.Path).str();
  Opts.Paths = {F.Path};
  Opts.NoWalk = !F.IsDir;
  Opts.OnlyRules = std::vector<RuleId>{Rule};
  Opts.FailOn = None;
  Opts.Jobs = 1;
  Opts.Today = "2026-01-01";
  return scan(Opts);
}

class FixtureTest : public ::testing::TestWithParam<Fixture> {};

TEST_P(FixtureTest, MatchesExpectations) {
  const Fixture &F = GetParam();
  Optional<RuleId> Rule = findRule(F.Code);
  ASSERT_TRUE(Rule.hasValue()) << F.Name << ": no rule " << F.Code;
  std::vector<std::string> Errors;
  std::vector<Expectation> Expected = collectExpectations(F, Errors);
  for (const std::string &E : Errors)
    ADD_FAILURE() << "bad EXPECT line: " << E;
  if (F.Bad)
    EXPECT_FALSE(Expected.empty())
        << F.Name << ": a bad fixture needs an EXPECT";
  else
    Expected.clear();

  llvm::Expected<ScanResult> Result = scanFixture(F, *Rule);
  ASSERT_TRUE(static_cast<bool>(Result))
      << F.Name << ": " << toString(Result.takeError());

  std::vector<bool> Used(Expected.size(), false);
  std::vector<std::string> Unexpected;
  for (const Diagnostic &D : Result->Diagnostics) {
    if (D.Suppressed || D.Rule != *Rule)
      continue;
    Found Got = describe(D);
    bool Paired = false;
    for (size_t I = 0; I < Expected.size() && !Paired; ++I)
      if (!Used[I] && satisfies(Got, Expected[I]))
        Used[I] = Paired = true;
    if (!Paired)
      Unexpected.push_back(show(Got));
  }
  std::string Report;
  for (size_t I = 0; I < Expected.size(); ++I)
    if (!Used[I])
      Report += "  missing:    " + show(Expected[I]) + "\n";
  for (const std::string &U : Unexpected)
    Report += "  unexpected: " + U + "\n";
  EXPECT_TRUE(Report.empty()) << "fixture " << F.Name << ":\n" << Report;
}

std::string fixtureName(const ::testing::TestParamInfo<Fixture> &Info) {
  return Info.param.TestName;
}

INSTANTIATE_TEST_SUITE_P(Rules, FixtureTest,
                         ::testing::ValuesIn(discoverFixtures()), fixtureName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FixtureTest);

TEST(FixtureHarnessTest, ParsesExpectations) {
  Expectation E;
  std::string Error;
  ASSERT_TRUE(
      parseExpectation(" ADM301 @+1:5 \"over ssh\"", 3, false, E, Error))
      << Error;
  EXPECT_EQ(E.Code, "ADM301");
  EXPECT_EQ(E.Line, 4u);
  EXPECT_EQ(E.Column, 5u);
  EXPECT_EQ(E.Substring, "over ssh");
  ASSERT_TRUE(parseExpectation("ADM501 @L12:1 \"x\"", 3, false, E, Error));
  EXPECT_EQ(E.Line, 12u);
  ASSERT_TRUE(parseExpectation("ADM404 @7:9 \"y\"", 1, true, E, Error));
  EXPECT_EQ(E.Line, 7u);
  EXPECT_EQ(E.Column, 9u);
  EXPECT_FALSE(parseExpectation("ADM301 4:5 \"x\"", 1, false, E, Error));
  EXPECT_FALSE(parseExpectation("ADM301 @+1:5 unquoted", 1, false, E, Error));
  EXPECT_EQ(*expectDirective("  // EXPECT: ADM301 @+0:1 \"a\""),
            " ADM301 @+0:1 \"a\"");
  EXPECT_FALSE(expectDirective("echo EXPECTED").hasValue());
}

} // namespace
