#include "lib/Emit/Github.h"
#include "llvm/ADT/StringExtras.h"
#include "gtest/gtest.h"

using namespace adminlint;

static std::string emitGithub(const ScanResult &R) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  createGithubEmitter(EmitOptions())->emit(R, OS);
  return OS.str();
}

TEST(Github, EscapesDataAndProperties) {
  EXPECT_EQ(escapeGithubData("50% a\r\nb::c,d:e"), "50%25 a%0D%0Ab::c,d:e");
  EXPECT_EQ(escapeGithubProperty("50% a\r\nb::c,d:e"),
            "50%25 a%0D%0Ab%3A%3Ac%2Cd%3Ae");
}

TEST(Github, CommandHasPositionAndTitle) {
  auto F = std::make_shared<SourceFile>("deploy.sh", "x\n  ssh h migrate\n");
  ScanResult R;
  Diagnostic D;
  D.Rule = RuleId::SshAdminCommand;
  D.Severity = Level::Error;
  D.Message = "runs an admin command over ssh";
  D.Primary = {F, {4, 17}, ""};
  R.Diagnostics.push_back(D);
  EXPECT_EQ(emitGithub(R),
            "::error file=deploy.sh,line=2,endLine=2,col=3,endColumn=16,"
            "title=ADM301 ssh-admin-command::runs an admin command over ssh\n");
}

/// Hostile paths and messages (image names, file names) cannot end the
/// command line or forge another `::` command.
TEST(Github, RepositoryTextCannotInjectACommand) {
  std::string Evil = "a%0A,b:c\r\n::error file=x::pwned\n::add-mask::y";
  auto F = std::make_shared<SourceFile>("dir,x:1\n::warning::z/" + Evil,
                                        "image: " + Evil + "\n");
  ScanResult R;
  Diagnostic D;
  D.Rule = RuleId::MutableAdminImage;
  D.Severity = Level::Warning;
  D.Message = "image " + Evil + " has no tag";
  D.Primary = {F, {7, 12}, ""};
  D.Related.push_back({F, {0, 5}, Evil});
  D.Notes.push_back(Evil);
  R.Diagnostics.push_back(D);
  std::string Out = emitGithub(R);
  llvm::StringRef Text(Out);
  size_t NoMatch = std::string::npos;
  ASSERT_TRUE(Text.endswith("\n"));
  EXPECT_EQ(Text.count('\n'), 1u) << Out;
  EXPECT_EQ(Text.count('\r'), 0u) << Out;
  EXPECT_TRUE(Text.startswith("::warning file="));
  // Properties end at the first "::", and nothing in them can contain one.
  size_t Sep = Text.find("::", 2);
  llvm::StringRef Props = Text.slice(2, Sep);
  EXPECT_EQ(Props.count(':'), 0u) << Props.str();
  EXPECT_EQ(Props.count(','), 5u)
      << Props.str(); // file,line,endLine,col,endColumn,title
  // The literal "%0A" of the input stays literal: its % is escaped.
  EXPECT_NE(Text.find("a%250A"), NoMatch);
}

TEST(Github, SuppressedFindingsAreLeftOut) {
  auto F = std::make_shared<SourceFile>("a.sh", "ssh h m\n");
  ScanResult R;
  Diagnostic D;
  D.Rule = RuleId::SshAdminCommand;
  D.Primary = {F, {0, 3}, ""};
  D.Suppressed = true;
  R.Diagnostics.push_back(D);
  EXPECT_EQ(emitGithub(R), "");
}
