//===- MakefileTest.cpp - Makefile parser and frontend tests --------------===//
#include "lib/Parse/Makefile.h"
#include "lib/Model/Frontends.h"
#include "tests/unit/FrontendTestSupport.h"
#include "gtest/gtest.h"

using namespace adminlint;
using namespace adminlint::makefile;

namespace {

TEST(MakefileParser, RulesAndRecipes) {
  std::string T = "PYTHON := python3\n"
                  ".PHONY: migrate\n"
                  "# comment\n"
                  "migrate db: deps\n"
                  "\t@-$(PYTHON) manage.py migrate\n"
                  "\n"
                  "\techo $$HOME ${X} $@ \\\n"
                  "\t  done\n"
                  "OTHER = 1\n"
                  "\tnot a recipe\n";
  Makefile M = parse(T);
  ASSERT_TRUE(M.Errors.empty());
  ASSERT_EQ(M.Rules.size(), 2u);
  EXPECT_EQ(M.Rules[0].Targets, std::vector<std::string>{".PHONY"});
  EXPECT_TRUE(M.Rules[0].Recipe.empty());
  const Rule &R = M.Rules[1];
  EXPECT_EQ(R.Targets, (std::vector<std::string>{"migrate", "db"}));
  EXPECT_EQ(hostText(T, R.TargetsRange), "migrate db");
  EXPECT_EQ(R.Prerequisites, "deps");
  ASSERT_EQ(R.Recipe.size(), 2u);
  const RecipeLine &L0 = R.Recipe[0];
  EXPECT_TRUE(L0.Silent);
  EXPECT_TRUE(L0.IgnoreErrors);
  EXPECT_EQ(L0.Text.text(), "${PYTHON} manage.py migrate");
  EXPECT_EQ(hostText(T, L0.Range), "$(PYTHON) manage.py migrate");
  EXPECT_EQ(hostText(T, L0.Text.toHost(0, 9)), "$(PYTHON)");
  EXPECT_EQ(hostText(T, L0.Text.toHost(2, 3)), "$(PYTHON)");
  EXPECT_EQ(hostOf(T, L0.Text, "manage.py"), "manage.py");
  const RecipeLine &L1 = R.Recipe[1];
  EXPECT_EQ(L1.Text.text(), "echo $HOME ${X} ${_} \\\n  done");
  EXPECT_EQ(hostText(T, L1.Text.toHost(5, 6)), "$$");
  EXPECT_EQ(hostOf(T, L1.Text, "${_}"), "$@");
  EXPECT_EQ(hostOf(T, L1.Text, "done"), "done");
  EXPECT_EQ(R.Script.text(),
            "${PYTHON} manage.py migrate\necho $HOME ${X} ${_} \\\n  done");
  EXPECT_EQ(hostText(T, R.Range),
            "migrate db: deps\n\t@-$(PYTHON) manage.py migrate\n\n"
            "\techo $$HOME ${X} $@ \\\n\t  done");
  ASSERT_EQ(M.Comments.size(), 1u);
  EXPECT_EQ(hostText(T, M.Comments[0]), "# comment");
}

TEST(MakefileParser, FunctionsAndNestedReferences) {
  std::string T = "all:\n\t$(shell date +%s) $(call f,$(X)) $(1) $(2x)\n";
  Makefile M = parse(T);
  ASSERT_EQ(M.Rules.size(), 1u);
  ASSERT_EQ(M.Rules[0].Recipe.size(), 1u);
  const EmbeddedText &E = M.Rules[0].Recipe[0].Text;
  EXPECT_EQ(E.text(), "${shell_date___s} ${call_f___X_} ${1} ${_2x}");
  EXPECT_EQ(hostOf(T, E, "${call_f___X_}"), "$(call f,$(X))");
}

TEST(MakefileParser, InlineRecipeAndRecipePrefix) {
  std::string T = "a: ; @echo one\n"
                  ".RECIPEPREFIX = >\n"
                  "b:\n"
                  "> +echo two\n"
                  "\techo tab-is-not-a-recipe-now\n";
  Makefile M = parse(T);
  ASSERT_EQ(M.Rules.size(), 2u);
  ASSERT_EQ(M.Rules[0].Recipe.size(), 1u);
  EXPECT_EQ(M.Rules[0].Recipe[0].Text.text(), "echo one");
  EXPECT_EQ(M.Rules[0].Recipe[0].Range, (SourceRange{6, 14}));
  ASSERT_EQ(M.Rules[1].Recipe.size(), 1u);
  EXPECT_TRUE(M.Rules[1].Recipe[0].AlwaysRun);
  EXPECT_EQ(M.Rules[1].Recipe[0].Text.text(), "echo two");
}

TEST(MakefileParser, DefineConditionalsAndAssignments) {
  std::string T = "define HELP\n"
                  "x: y\n"
                  "\tnot a recipe\n"
                  "endef\n"
                  "ifeq ($(ENV),prod)\n"
                  "deploy:\n"
                  "\t./deploy.sh\n"
                  "else\n"
                  "\t./local.sh\n"
                  "endif\n"
                  "X ::= 1\n"
                  "Y := a:b\n"
                  "t: VAR = 1\n"
                  "$(OUT)/%.o: %.c\n"
                  "\tcc $<\n";
  Makefile M = parse(T);
  ASSERT_TRUE(M.Errors.empty());
  ASSERT_EQ(M.Rules.size(), 2u);
  EXPECT_EQ(M.Rules[0].Targets.front(), "deploy");
  ASSERT_EQ(M.Rules[0].Recipe.size(), 2u);
  EXPECT_EQ(M.Rules[0].Recipe[1].Text.text(), "./local.sh");
  EXPECT_EQ(M.Rules[1].Targets.front(), "$(OUT)/%.o");
  EXPECT_EQ(M.Rules[1].Recipe[0].Text.text(), "cc ${_}");
}

TEST(MakefileParser, CrlfBomAndMissingEndef) {
  std::string T = "\xEF\xBB\xBF"
                  "a:\r\n"
                  "\techo a \\\r\n"
                  "\tb\r\n"
                  "define X\r\n"
                  "zz\r\n";
  Makefile M = parse(T, 3);
  ASSERT_EQ(M.Rules.size(), 1u);
  EXPECT_EQ(M.Rules[0].TargetsRange, (SourceRange{3, 4}));
  ASSERT_EQ(M.Rules[0].Recipe.size(), 1u);
  EXPECT_EQ(M.Rules[0].Recipe[0].Text.text(), "echo a \\\nb");
  EXPECT_EQ(hostText(T, M.Rules[0].Recipe[0].Text.toHost(8, 9)), "\r\n");
  ASSERT_EQ(M.Errors.size(), 1u);
  EXPECT_EQ(M.Errors[0].Message, "missing 'endef'");
  EXPECT_EQ(hostText(T, M.Errors[0].Range), "define X");
}

TEST(MakefileFrontend, OneUnitPerRecipe) {
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>(
      "Makefile", "migrate:\n\t$(PY) manage.py migrate\n\techo ok\n"
                  "noop:\nseed:\n\t@rake db:seed\n");
  A.Kind = FileKind::Makefile;
  frontendFor(FileKind::Makefile)(A, FrontendLimits());
  ASSERT_TRUE(A.Diags.empty());
  ASSERT_EQ(A.Shell.size(), 2u);
  EXPECT_EQ(A.Shell[0].Host, ShellHost::MakeRecipe);
  EXPECT_EQ(A.Shell[0].Label, "migrate");
  ASSERT_EQ(A.Shell[0].Script.Commands.size(), 2u);
  const shell::Command &C = A.Shell[0].Script.Commands[0];
  ASSERT_EQ(C.Words.size(), 3u);
  EXPECT_TRUE(C.Words[0].HasExpansion);
  EXPECT_EQ(C.Words[0].Range, (SourceRange{10, 15}));
  EXPECT_EQ(C.Words[1].Range, (SourceRange{16, 25}));
  EXPECT_EQ(A.Shell[1].Label, "seed");
  EXPECT_EQ(A.Shell[1].Script.Commands[0].Words[0].Range,
            (SourceRange{57, 61}));
}

} // namespace
