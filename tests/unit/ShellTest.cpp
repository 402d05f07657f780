//===- ShellTest.cpp - Shell parser: values, host ranges, recovery --------===//
#include "lib/Parse/Shell.h"
#include "lib/Model/Frontends.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

using namespace adminlint;
using namespace adminlint::shell;

namespace {

/// Parses Text as a whole host file (decoded offsets == host offsets).
Script parseText(llvm::StringRef Text, ParseOptions Opts = {}) {
  return parse(EmbeddedText::verbatim(Text, 0), Opts);
}

std::vector<std::string> values(const std::vector<Word> &Ws) {
  std::vector<std::string> Out;
  for (const Word &W : Ws)
    Out.push_back(W.value().str());
  return Out;
}

std::vector<std::string> names(const Script &S) {
  std::vector<std::string> Out;
  for (const Command &C : S.Commands)
    Out.push_back(C.name().str());
  return Out;
}

llvm::StringRef slice(llvm::StringRef Text, SourceRange R) {
  return Text.slice(R.Begin, R.End);
}

using Strings = std::vector<std::string>;

} // namespace

TEST(ShellParse, SimpleCommandHasExactWordAndCommandRanges) {
  llvm::StringRef Src = "  echo hello   world\n";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 1u);
  const Command &C = S.Commands[0];
  EXPECT_EQ(values(C.Words), (Strings{"echo", "hello", "world"}));
  EXPECT_EQ(C.Range, (SourceRange{2, 20}));
  EXPECT_EQ(C.Words[1].Range, (SourceRange{7, 12}));
  EXPECT_EQ(C.Words[2].Range, (SourceRange{15, 20}));
  EXPECT_TRUE(S.Errors.empty());
}

TEST(ShellParse, QuotesAreRemovedAndMappedBack) {
  llvm::StringRef Src = R"(echo 'a b' "c $X d" e\ f)";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 1u);
  const std::vector<Word> &W = S.Commands[0].Words;
  EXPECT_EQ(values(W), (Strings{"echo", "a b", "c $X d", "e f"}));
  EXPECT_EQ(slice(Src, W[1].Range), "'a b'");
  EXPECT_EQ(slice(Src, W[2].Range), "\"c $X d\"");
  EXPECT_EQ(slice(Src, W[3].Range), "e\\ f");
  EXPECT_TRUE(W[1].Quoted);
  EXPECT_FALSE(W[1].HasExpansion);
  EXPECT_TRUE(W[2].HasExpansion);
  EXPECT_FALSE(W[0].Quoted);
  // "a b": a is at 6; "$X" inside the double quotes at 14.
  EXPECT_EQ(W[1].Text.toHost(0), 6u);
  EXPECT_EQ(W[2].Text.toHost(2), 14u);
  // The escaped space covers both host bytes.
  EXPECT_EQ(W[3].Text.toHost(1, 2), (SourceRange{21, 23}));
}

TEST(ShellParse, DoubleQuoteEscapes) {
  llvm::StringRef Src = R"(echo "a\"b\$c\\d\e")";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 1u);
  const Word &W = S.Commands[0].Words[1];
  EXPECT_EQ(W.value(), "a\"b$c\\d\\e");
  EXPECT_FALSE(W.HasExpansion);
  EXPECT_EQ(W.Text.toHost(1, 2), (SourceRange{7, 9}));
}

TEST(ShellParse, AnsiCQuotesAreDecoded) {
  Script S = parseText(R"(printf $'a\tb\x41\'')");
  ASSERT_EQ(S.Commands.size(), 1u);
  EXPECT_EQ(S.Commands[0].Words[1].value(), "a\tbA'");
  EXPECT_EQ(S.Commands[0].Words[1].Text.toHost(1, 2), (SourceRange{10, 12}));
}

TEST(ShellParse, LineContinuationsAreDroppedButRangesStayExact) {
  llvm::StringRef Src = "python manage.py \\\n  migrate --no\\\ninput\n";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 1u);
  const Command &C = S.Commands[0];
  EXPECT_EQ(values(C.Words),
            (Strings{"python", "manage.py", "migrate", "--noinput"}));
  EXPECT_EQ(C.Range, (SourceRange{0, 40}));
  const Word &W = C.Words[3];
  EXPECT_EQ(slice(Src, W.Range), "--no\\\ninput");
  EXPECT_EQ(W.Text.toHost(4), 35u); // the i after the continuation
}

TEST(ShellParse, CrlfLineEndsAreNewlines) {
  llvm::StringRef Src = "echo a\r\nls -l \\\r\n  /tmp\r\n";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 2u);
  EXPECT_EQ(values(S.Commands[0].Words), (Strings{"echo", "a"}));
  EXPECT_EQ(values(S.Commands[1].Words), (Strings{"ls", "-l", "/tmp"}));
  EXPECT_EQ(S.Commands[0].Range, (SourceRange{0, 6}));
  EXPECT_EQ(S.Commands[1].Words[2].Range, (SourceRange{19, 23}));
  EXPECT_TRUE(S.Errors.empty());
}

TEST(ShellParse, Connectors) {
  Script S = parseText("a && b || c | d; e & f\ng");
  ASSERT_EQ(S.Commands.size(), 7u);
  EXPECT_EQ(names(S), (Strings{"a", "b", "c", "d", "e", "f", "g"}));
  EXPECT_EQ(S.Commands[0].Next, Connector::And);
  EXPECT_EQ(S.Commands[1].Next, Connector::Or);
  EXPECT_EQ(S.Commands[2].Next, Connector::Pipe);
  EXPECT_EQ(S.Commands[3].Next, Connector::Seq);
  EXPECT_EQ(S.Commands[4].Next, Connector::Background);
  EXPECT_EQ(S.Commands[5].Next, Connector::Seq);
  EXPECT_EQ(S.Commands[6].Next, Connector::End);
}

TEST(ShellParse, AssignmentsAndExport) {
  llvm::StringRef Src =
      "DJANGO_SETTINGS_MODULE=app.prod A+=1 \"B=2\" cmd X=3\nexport Y=4\n";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 2u);
  const Command &C = S.Commands[0];
  EXPECT_EQ(values(C.Assignments),
            (Strings{"DJANGO_SETTINGS_MODULE=app.prod", "A+=1"}));
  EXPECT_EQ(values(C.Words), (Strings{"B=2", "cmd", "X=3"}));
  EXPECT_TRUE(S.Commands[1].isExport());
  EXPECT_EQ(values(S.Commands[1].Words), (Strings{"export", "Y=4"}));
}

TEST(ShellParse, ArrayAssignmentIsOneWord) {
  llvm::StringRef Src = "arr=(a \"b c\" $(id)) ; echo ok";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 3u);
  EXPECT_EQ(values(S.Commands[0].Assignments),
            (Strings{"arr=(a \"b c\" $(id))"}));
  EXPECT_EQ(S.Commands[1].name(), "id");
  EXPECT_TRUE(S.Commands[1].InSubstitution);
  EXPECT_EQ(S.Commands[2].name(), "echo");
}

TEST(ShellParse, CommandSubstitutionsAreParsed) {
  llvm::StringRef Src = "out=$(cd /srv/app && python manage.py migrate)\n";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 3u);
  EXPECT_EQ(values(S.Commands[0].Assignments),
            (Strings{"out=$(cd /srv/app && python manage.py migrate)"}));
  EXPECT_FALSE(S.Commands[0].InSubstitution);
  EXPECT_EQ(S.Commands[1].name(), "cd");
  EXPECT_TRUE(S.Commands[1].InSubstitution);
  EXPECT_EQ(S.Commands[1].Next, Connector::And);
  EXPECT_EQ(slice(Src, S.Commands[2].Range), "python manage.py migrate");
  EXPECT_EQ(S.Commands[2].Depth, 1u);
  EXPECT_TRUE(S.Commands[0].Assignments[0].HasExpansion);
}

TEST(ShellParse, NestedSubstitutionsInDoubleQuotes) {
  llvm::StringRef Src = R"sh(echo "$(echo "$(id -u) x")" done)sh";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 3u);
  EXPECT_EQ(values(S.Commands[0].Words),
            (Strings{"echo", R"sh($(echo "$(id -u) x"))sh", "done"}));
  EXPECT_EQ(slice(Src, S.Commands[1].Range), R"sh(echo "$(id -u) x")sh");
  EXPECT_EQ(slice(Src, S.Commands[2].Range), "id -u");
  EXPECT_EQ(S.Commands[2].Depth, 2u);
  EXPECT_TRUE(S.Errors.empty());
}

TEST(ShellParse, BackquotesAreParsedWithUnescaping) {
  llvm::StringRef Src = "echo `ls \\`pwd\\`` `date +%s`";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 4u);
  EXPECT_EQ(names(S), (Strings{"echo", "ls", "pwd", "date"}));
  EXPECT_EQ(S.Commands[0].Words[1].value(), "`ls \\`pwd\\``");
  EXPECT_EQ(slice(Src, S.Commands[1].Words[1].Range), "\\`pwd\\`");
  EXPECT_EQ(slice(Src, S.Commands[2].Range), "pwd");
  EXPECT_EQ(slice(Src, S.Commands[3].Range), "date +%s");
  EXPECT_TRUE(S.Commands[3].InSubstitution);
}

TEST(ShellParse, ArithmeticIsOpaque) {
  llvm::StringRef Src = "echo $(( (1 + 2) * $(nproc) ))\n(( i++ ))\nls";
  Script S = parseText(Src);
  EXPECT_EQ(names(S), (Strings{"echo", "nproc", "ls"}));
  EXPECT_EQ(S.Commands[0].Words[1].value(), "$(( (1 + 2) * $(nproc) ))");
  EXPECT_TRUE(S.Errors.empty());
}

TEST(ShellParse, ParameterExpansionsKeepTheirText) {
  Script S = parseText("echo ${A:-\"x}\"} ${B:-$(hostname)} $1 $@ $");
  ASSERT_EQ(S.Commands.size(), 2u);
  EXPECT_EQ(
      values(S.Commands[0].Words),
      (Strings{"echo", "${A:-\"x}\"}", "${B:-$(hostname)}", "$1", "$@", "$"}));
  EXPECT_FALSE(S.Commands[0].Words[5].HasExpansion);
  EXPECT_EQ(S.Commands[1].name(), "hostname");
}

TEST(ShellParse, GithubExpressionsAreOpaqueWhenAsked) {
  ParseOptions Opts;
  Opts.ExpressionsOpaque = true;
  llvm::StringRef Src = "docker run app:${{ github.sha }} migrate";
  Script S = parseText(Src, Opts);
  ASSERT_EQ(S.Commands.size(), 1u);
  EXPECT_EQ(values(S.Commands[0].Words),
            (Strings{"docker", "run", "app:${{ github.sha }}", "migrate"}));
  EXPECT_EQ(S.Commands[0].Words[2].Range, (SourceRange{11, 32}));
}

TEST(ShellParse, HereDocumentBodyIsMappedToHost) {
  llvm::StringRef Src =
      "cat <<EOF | ssh prod\ncd /srv/app\npython manage.py migrate\nEOF\n"
      "echo after\n";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 3u);
  EXPECT_EQ(names(S), (Strings{"cat", "ssh", "echo"}));
  const Redirect &R = S.Commands[0].Redirects.at(0);
  EXPECT_EQ(R.Op, "<<");
  EXPECT_TRUE(R.IsHereDoc);
  EXPECT_FALSE(R.HereDocQuoted);
  EXPECT_EQ(R.Target.value(), "EOF");
  EXPECT_EQ(R.Body.text(), "cd /srv/app\npython manage.py migrate\n");
  EXPECT_EQ(R.Body.toHost(12), 33u);
  EXPECT_EQ(S.Commands[0].Next, Connector::Pipe);
  Script Inner = parse(R.Body);
  ASSERT_EQ(Inner.Commands.size(), 2u);
  EXPECT_EQ(slice(Src, Inner.Commands[1].Range), "python manage.py migrate");
}

TEST(ShellParse, HereDocumentWithTabsAndQuotedDelimiter) {
  llvm::StringRef Src = "if x; then\n\tssh h <<-'END' && ls\n\t\techo $A\n"
                        "\tEND\nfi\n";
  Script S = parseText(Src);
  ASSERT_EQ(names(S), (Strings{"x", "ssh", "ls"}));
  const Redirect &R = S.Commands[1].Redirects.at(0);
  EXPECT_EQ(R.Op, "<<-");
  EXPECT_TRUE(R.HereDocQuoted);
  EXPECT_EQ(R.Body.text(), "echo $A\n");
  EXPECT_EQ(R.Body.toHost(0), 35u);
  EXPECT_TRUE(S.Errors.empty());
}

TEST(ShellParse, TwoHereDocumentsOnOneLine) {
  Script S = parseText("cmd <<A <<\"B\"\na1\nA\nb1\nB\nnext");
  EXPECT_EQ(names(S), (Strings{"cmd", "next"}));
  const Command &C = S.Commands[0];
  ASSERT_EQ(C.Redirects.size(), 2u);
  EXPECT_EQ(C.Redirects[0].Body.text(), "a1\n");
  EXPECT_EQ(C.Redirects[1].Body.text(), "b1\n");
}

TEST(ShellParse, HereDocumentInCrlfFile) {
  Script S = parseText("cat <<EOF\r\nbody\r\nEOF\r\nls\r\n");
  EXPECT_EQ(names(S), (Strings{"cat", "ls"}));
  EXPECT_EQ(S.Commands[0].Redirects[0].Body.text(), "body\r\n");
  EXPECT_TRUE(S.Errors.empty());
}

TEST(ShellParse, HereDocumentWithNoEndIsAnError) {
  llvm::StringRef Src = "echo before\ncat <<EOF\nnever closed\n";
  Script S = parseText(Src);
  EXPECT_EQ(names(S), (Strings{"echo", "cat"}));
  ASSERT_EQ(S.Errors.size(), 1u);
  EXPECT_EQ(S.Errors[0].Message, "here-document delimited by 'EOF' has no end");
  EXPECT_EQ(slice(Src, S.Errors[0].Range), "EOF");
  EXPECT_EQ(S.Commands[1].Redirects[0].Body.text(), "never closed\n");
}

TEST(ShellParse, RedirectionsAndHereStrings) {
  llvm::StringRef Src =
      "psql -f x.sql 2>&1 >>/var/log/m.log <<< \"$Q\" &>/dev/null";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 1u);
  const Command &C = S.Commands[0];
  EXPECT_EQ(values(C.Words), (Strings{"psql", "-f", "x.sql"}));
  ASSERT_EQ(C.Redirects.size(), 4u);
  EXPECT_EQ(C.Redirects[0].Op, "2>&1");
  EXPECT_EQ(C.Redirects[1].Op, ">>");
  EXPECT_EQ(C.Redirects[1].Target.value(), "/var/log/m.log");
  EXPECT_EQ(C.Redirects[2].Op, "<<<");
  EXPECT_EQ(slice(Src, C.Redirects[2].Target.Range), "\"$Q\"");
  EXPECT_EQ(C.Redirects[3].Op, "&>");
  EXPECT_EQ(C.Range, (SourceRange{0, static_cast<uint32_t>(Src.size())}));
}

TEST(ShellParse, CompoundCommandsAreFlattened) {
  llvm::StringRef Src = "if [ -f a ]; then\n  x\nelif y; then z; else w; fi\n"
                        "for f in $(ls); do echo $f; done\n"
                        "while read l; do (cd /; { pwd; }); done < list\n"
                        "until false; do :; done";
  Script S = parseText(Src);
  EXPECT_EQ(names(S), (Strings{"[", "x", "y", "z", "w", "ls", "echo", "read",
                               "cd", "pwd", "false", ":"}));
  EXPECT_TRUE(S.Commands[0].InCondition);
  EXPECT_FALSE(S.Commands[1].InCondition);
  EXPECT_TRUE(S.Commands[2].InCondition);
  EXPECT_EQ(S.Commands[1].Depth, 1u);
  EXPECT_TRUE(S.Commands[7].InCondition);
  EXPECT_EQ(S.Commands[8].Depth, 2u);
  EXPECT_EQ(S.Commands[9].Depth, 3u);
  EXPECT_TRUE(S.Errors.empty());
}

TEST(ShellParse, CaseStatement) {
  llvm::StringRef Src =
      "case \"$1\" in\n  migrate|up) python manage.py migrate ;;\n"
      "  (shell) ./manage.py shell;&\n  *) echo usage; exit 1;;\n"
      "esac\necho done";
  Script S = parseText(Src);
  EXPECT_EQ(names(S),
            (Strings{"python", "./manage.py", "echo", "exit", "echo"}));
  EXPECT_TRUE(S.Errors.empty());
  EXPECT_EQ(S.Commands[4].Depth, 0u);
}

TEST(ShellParse, FunctionsRecordTheirName) {
  Script S =
      parseText("deploy() {\n  ssh h 'x'\n}\nfunction backfill {\n ls\n}\n"
                "function f() ( pwd )\nmain");
  EXPECT_EQ(names(S), (Strings{"ssh", "ls", "pwd", "main"}));
  EXPECT_EQ(S.Commands[0].Function, "deploy");
  EXPECT_EQ(S.Commands[1].Function, "backfill");
  EXPECT_EQ(S.Commands[2].Function, "f");
  EXPECT_EQ(S.Commands[3].Function, "");
  EXPECT_TRUE(S.Errors.empty());
}

TEST(ShellParse, DoubleBracketsAreOpaqueWords) {
  Script S = parseText("[[ -n \"$X\" && $Y == a* ]] && echo ok");
  ASSERT_EQ(S.Commands.size(), 2u);
  EXPECT_EQ(values(S.Commands[0].Words),
            (Strings{"[[", "-n", "$X", "&&", "$Y", "==", "a*", "]]"}));
  EXPECT_EQ(S.Commands[0].Next, Connector::And);
  EXPECT_EQ(S.Commands[1].name(), "echo");
}

TEST(ShellParse, ProcessSubstitution) {
  Script S = parseText("diff <(ls a) <(ls b)");
  EXPECT_EQ(names(S), (Strings{"diff", "ls", "ls"}));
  EXPECT_EQ(S.Commands[0].Words[1].value(), "<(ls a)");
  EXPECT_TRUE(S.Commands[1].InSubstitution);
}

TEST(ShellParse, CommentsAreRecorded) {
  llvm::StringRef Src = "#!/bin/sh\necho a#b # adminlint ignore=ADM301\n";
  Script S = parseText(Src);
  ASSERT_EQ(S.Comments.size(), 2u);
  EXPECT_EQ(slice(Src, S.Comments[0].Range), "#!/bin/sh");
  EXPECT_EQ(slice(Src, S.Comments[1].Range), "# adminlint ignore=ADM301");
  EXPECT_EQ(values(S.Commands.at(0).Words), (Strings{"echo", "a#b"}));
}

TEST(ShellParse, KeywordsOnlyInCommandPosition) {
  Script S = parseText("echo if then fi; \"if\" x");
  EXPECT_EQ(names(S), (Strings{"echo", "if"}));
  EXPECT_TRUE(S.Errors.empty());
}

TEST(ShellParse, UnterminatedDoubleQuoteEndsAtEndOfLine) {
  llvm::StringRef Src = "echo ok\necho \"oops $(date)\necho after\n";
  Script S = parseText(Src);
  EXPECT_EQ(names(S), (Strings{"echo", "echo", "echo"}));
  EXPECT_EQ(S.Commands[1].Words[1].value(), "oops $(date)");
  EXPECT_EQ(values(S.Commands[2].Words), (Strings{"echo", "after"}));
  ASSERT_EQ(S.Errors.size(), 1u);
  EXPECT_EQ(S.Errors[0].Message, "unterminated double quote");
  EXPECT_EQ(S.Errors[0].Range, (SourceRange{13, 14}));
}

TEST(ShellParse, UnterminatedSingleQuoteAndSubstitution) {
  llvm::StringRef Src = "a 'x\nb $(c\nd `e\nf";
  Script S = parseText(Src);
  EXPECT_EQ(names(S), (Strings{"a", "b", "d", "e", "f"}));
  ASSERT_EQ(S.Errors.size(), 3u);
  EXPECT_EQ(S.Errors[0].Message, "unterminated single quote");
  EXPECT_EQ(S.Errors[1].Message, "unterminated '$('");
  EXPECT_EQ(slice(Src, S.Errors[1].Range), "$(");
  EXPECT_EQ(S.Errors[2].Message, "unterminated backquote");
}

TEST(ShellParse, UnbalancedKeywordsRecover) {
  llvm::StringRef Src = "echo a )\nif true; then\n  echo b\ndone\necho c";
  Script S = parseText(Src);
  EXPECT_EQ(names(S), (Strings{"echo", "true", "echo", "echo"}));
  ASSERT_GE(S.Errors.size(), 2u);
  EXPECT_EQ(S.Errors[0].Message, "unexpected ')'");
  EXPECT_EQ(S.Errors[0].Range, (SourceRange{7, 8}));
  EXPECT_EQ(S.Errors[1].Message, "'if' without matching 'fi'");
  EXPECT_EQ(slice(Src, S.Errors[1].Range), "if");
}

TEST(ShellParse, MissingCommandAfterOperator) {
  Script S = parseText("a &&\n\nb |");
  EXPECT_EQ(names(S), (Strings{"a", "b"}));
  ASSERT_EQ(S.Errors.size(), 1u);
  EXPECT_EQ(S.Errors[0].Message, "expected a command after '|'");
}

TEST(ShellParse, DeepNestingIsAnErrorNotACrash) {
  for (const char *Open :
       {"( ", "$(", "\"$(", "${x:-", "{ ", "if ", "f() ", "$(( $("}) {
    std::string Src = "echo before\n";
    for (int I = 0; I < 100000; ++I)
      Src += Open;
    Script S = parseText(Src);
    ASSERT_FALSE(S.Errors.empty()) << Open;
    EXPECT_EQ(S.Errors.back().Message, "nesting deeper than 100 levels")
        << Open;
    EXPECT_TRUE(S.Errors.back().LimitExceeded);
    EXPECT_EQ(S.Commands.at(0).name(), "echo");
  }
}

TEST(ShellParse, ShallowLimitIsHonoured) {
  ParseOptions Opts;
  Opts.MaxDepth = 2;
  Script S = parseText("( ( ( ls ) ) )", Opts);
  ASSERT_EQ(S.Errors.size(), 1u);
  EXPECT_EQ(S.Errors[0].Range, (SourceRange{4, 5}));
}

TEST(ShellParse, EmbeddedSourceMapsThroughEscapes) {
  // Host bytes: a YAML double-quoted scalar `sh -c \"ls\"` starting at 100.
  EmbeddedText T;
  T.appendVerbatim("sh -c ", 100);
  T.appendEscaped('"', 106, 2);
  T.appendVerbatim("ls", 108);
  T.appendEscaped('"', 110, 2);
  Script S = parse(T);
  ASSERT_EQ(S.Commands.size(), 1u);
  const Word &W = S.Commands[0].Words[2];
  EXPECT_EQ(W.value(), "ls");
  EXPECT_EQ(W.Range, (SourceRange{106, 112}));
  EXPECT_EQ(W.Text.toHost(0), 108u);
  EXPECT_EQ(S.Commands[0].Range, (SourceRange{100, 112}));
}

TEST(ShellParse, ParseWordParsesShDashCBodies) {
  llvm::StringRef Src =
      "kubectl exec deploy/web -- sh -c \"cd /app && python manage.py "
      "\\\"migrate\\\"\"";
  Script S = parseText(Src);
  ASSERT_EQ(S.Commands.size(), 1u);
  const Word &Body = S.Commands[0].Words.back();
  Script Inner = parseWord(Body);
  ASSERT_EQ(Inner.Commands.size(), 2u);
  EXPECT_EQ(values(Inner.Commands[1].Words),
            (Strings{"python", "manage.py", "migrate"}));
  EXPECT_EQ(slice(Src, Inner.Commands[1].Range),
            "python manage.py \\\"migrate\\\"");
  EXPECT_EQ(slice(Src, Inner.Commands[1].Words[2].Range), "\\\"migrate\\\"");
}

TEST(ShellFrontend, OneUnitPerFileAndParseErrorsBecomeDiagnostics) {
  auto File = std::make_shared<SourceFile>(
      "scripts/migrate.sh",
      "\xEF\xBB\xBF#!/bin/bash\npython manage.py migrate\necho \"oops\n");
  FileAnalysis A;
  A.File = File;
  A.Kind = FileKind::ShellScript;
  FrontendFn Fn = frontendFor(FileKind::ShellScript);
  ASSERT_NE(Fn, nullptr);
  Fn(A, FrontendLimits());
  ASSERT_EQ(A.Shell.size(), 1u);
  const ShellUnit &U = A.Shell[0];
  EXPECT_EQ(U.Label, "migrate.sh");
  EXPECT_EQ(U.Host, ShellHost::ShellFile);
  ASSERT_EQ(U.Script.Commands.size(), 2u);
  EXPECT_EQ(U.Script.Commands[0].Range, (SourceRange{15, 39}));
  ASSERT_EQ(A.Diags.size(), 1u);
  EXPECT_EQ(A.Diags[0].Rule, RuleId::ParseError);
  EXPECT_EQ(A.Diags[0].Message, "unterminated double quote");
  EXPECT_EQ(A.Diags[0].Primary.Range, (SourceRange{45, 46}));
}

TEST(ShellParse, DeepArithmeticParensAreCountedNotRecursed) {
  std::string Src = "ls\n" + std::string(100000, '(');
  Script S = parseText(Src);
  EXPECT_EQ(names(S), (Strings{"ls"}));
  ASSERT_EQ(S.Errors.size(), 1u);
  EXPECT_EQ(S.Errors[0].Message, "unterminated '(('");
}

TEST(ShellParse, SubstitutionCommandsFollowTheirCommandInSourceOrder) {
  Script S = parseText("echo $(a) `b` && c\nv=$(cat <<EOF\nbody\nEOF\n)\nd");
  EXPECT_EQ(names(S), (Strings{"echo", "a", "b", "c", "", "cat", "d"}));
  EXPECT_EQ(S.Commands[0].Next, Connector::And);
  EXPECT_EQ(S.Commands[5].Redirects.at(0).Body.text(), "body\n");
  EXPECT_TRUE(S.Errors.empty());
}

TEST(ShellParse, HereDocumentAfterACompoundCommandIsSkipped) {
  Script S = parseText("while read -r h; do\n  ssh \"$h\" uptime\ndone <<EOF\n"
                       "web1\nweb2\nEOF\n! time -p ls");
  EXPECT_EQ(names(S), (Strings{"read", "ssh", "ls"}));
  EXPECT_TRUE(S.Errors.empty());
}

TEST(ShellParse, LocaleQuotesAndExpressionsInDoubleQuotes) {
  ParseOptions Opts;
  Opts.ExpressionsOpaque = true;
  llvm::StringRef Src = "echo $\"hi $U\" \"${{ secrets.DB }}\"";
  Script S = parseText(Src, Opts);
  ASSERT_EQ(S.Commands.size(), 1u);
  EXPECT_EQ(values(S.Commands[0].Words),
            (Strings{"echo", "hi $U", "${{ secrets.DB }}"}));
  EXPECT_EQ(slice(Src, S.Commands[0].Words[1].Range), "$\"hi $U\"");
}

TEST(ShellFrontend, DepthLimitIsAScanLimitNote) {
  std::string Text = "ls\n" + std::string(300, '{') + "\n";
  for (size_t I = 3; I < 3 + 300 * 2; I += 2)
    Text.insert(I + 1, " ");
  auto File = std::make_shared<SourceFile>("deep.sh", Text);
  FileAnalysis A;
  A.File = File;
  FrontendLimits Limits;
  Limits.MaxNestingDepth = 20;
  frontendFor(FileKind::ShellScript)(A, Limits);
  ASSERT_EQ(A.Diags.size(), 1u);
  EXPECT_EQ(A.Diags[0].Rule, RuleId::ScanLimit);
  EXPECT_EQ(A.Diags[0].Message, "nesting deeper than 20 levels; raise the "
                                "limit with --max-nesting-depth");
  EXPECT_EQ(A.Diags[0].Primary.Range, (SourceRange{43, 44}));
}
