#include "lib/Emit/Text.h"
#include "lib/Emit/Emitter.h"
#include "gtest/gtest.h"

using namespace adminlint;

TEST(Text, CaretCountsCharactersAndTabs) {
  EXPECT_EQ(caretLine("ssh web", 1, 4), "^~~");
  EXPECT_EQ(caretLine("ssh web", 5, 5), "    ^");
  // "é" is two bytes but one column.
  EXPECT_EQ(caretLine("é ssh", 4, 7), "  ^~~");
  // A tab moves to the next stop of 8.
  EXPECT_EQ(caretLine("\tssh", 2, 5), "        ^~~");
  EXPECT_EQ(expandTabs("a\tb"), "a       b");
  // A range past the end of the line stops there.
  EXPECT_EQ(caretLine("abc", 2, 10), " ^~");
}

static std::string emitText(const ScanResult &R, bool ShowSuppressed = false) {
  EmitOptions O;
  O.ShowSuppressed = ShowSuppressed;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  createEmitter("text", O)->emit(R, OS);
  OS.flush();
  return Out;
}

static ScanResult oneFinding() {
  auto F = std::make_shared<SourceFile>(
      "deploy.sh", "#!/bin/sh\nssh web 'python manage.py migrate'\n");
  auto App = std::make_shared<SourceFile>("k8s/app.yaml", "image: shop:1\n");
  Diagnostic D;
  D.Rule = RuleId::SshAdminCommand;
  D.Severity = Level::Error;
  D.Message = "runs over ssh";
  D.Primary = {F, {19, 43}, ""};
  D.Related.push_back({App, {7, 13}, "app image declared here"});
  D.Notes.push_back("use a release Job");
  ScanResult R;
  R.DisplayPrefix = "../";
  R.Diagnostics.push_back(D);
  return R;
}

TEST(Text, ClangStyleWithRelatedAndNotes) {
  EXPECT_EQ(emitText(oneFinding()),
            "../deploy.sh:2:10: error: runs over ssh [ADM301 "
            "ssh-admin-command]\n"
            "ssh web 'python manage.py migrate'\n"
            "         ^~~~~~~~~~~~~~~~~~~~~~~~\n"
            "../k8s/app.yaml:1:8: note: app image declared here\n"
            "image: shop:1\n"
            "       ^~~~~~\n"
            "note: use a release Job\n");
}

TEST(Text, SuppressedOnlyOnRequest) {
  ScanResult R = oneFinding();
  R.Diagnostics[0].Suppressed = true;
  R.Diagnostics[0].Justification = "approved";
  EXPECT_EQ(emitText(R), "");
  EXPECT_NE(emitText(R, true).find("(suppressed: approved)"),
            std::string::npos);
  EXPECT_EQ(summaryLine(R),
            "0 errors, 0 warnings and 0 notes in 0 files (1 suppressed)");
}

TEST(Text, LongLinesShowAWindow) {
  std::string Line = std::string(300, 'x') + " ssh " + std::string(300, 'y');
  auto F = std::make_shared<SourceFile>("a.sh", Line + "\n");
  Diagnostic D;
  D.Rule = RuleId::SshAdminCommand;
  D.Message = "m";
  D.Primary = {F, {301, 304}, ""};
  ScanResult R;
  R.Diagnostics.push_back(D);
  std::string Out = emitText(R);
  size_t Snippet = Out.find('\n') + 1;
  size_t Caret = Out.find('\n', Snippet) + 1;
  llvm::StringRef Shown = llvm::StringRef(Out).slice(Snippet, Caret - 1);
  EXPECT_TRUE(Shown.startswith("...x"));
  EXPECT_TRUE(Shown.endswith("y..."));
  EXPECT_LT(Shown.size(), 200u);
  EXPECT_EQ(Shown.substr(Out.find('^', Caret) - Caret, 3), "ssh");
}

TEST(Text, SourceLinesHideLiteralSecrets) {
  std::string Text = "#!/bin/sh\nPGPASSWORD=Zq9xPw7 psql -c 'select 1'\n";
  uint32_t Secret = Text.find("Zq9xPw7");
  uint32_t Psql = Text.find("psql");
  auto F = std::make_shared<SourceFile>("db.sh", Text);
  Diagnostic D;
  D.Rule = RuleId::HardcodedAdminConfig;
  D.Severity = Level::Warning;
  D.Message = "sets a password";
  D.Primary = {F, {Psql, Psql + 4}, ""};
  D.Related.push_back({F, {Secret, Secret + 7}, "set here"});
  D.Secrets.push_back({Secret, Secret + 7});
  ScanResult R;
  R.Diagnostics.push_back(D);
  std::string Out = emitText(R);
  EXPECT_EQ(Out.find("Zq9xPw7"), std::string::npos) << Out;
  EXPECT_NE(Out.find("PGPASSWORD=*** psql -c 'select 1'\n"
                     "               ^~~~\n"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("PGPASSWORD=*** psql -c 'select 1'\n"
                     "           ^~~\n"),
            std::string::npos)
      << Out;
}
