//===- DockerfileTest.cpp - Dockerfile parser and frontend tests ----------===//
#include "lib/Parse/Dockerfile.h"
#include "lib/Model/Frontends.h"
#include "tests/unit/FrontendTestSupport.h"
#include "gtest/gtest.h"

using namespace adminlint;
using namespace adminlint::dockerfile;

namespace {

TEST(DockerfileParser, InstructionsAndStages) {
  std::string T = "FROM --platform=linux/amd64 python:3.12 AS Build\n"
                  "run pip install -r requirements.txt\n"
                  "FROM build\n"
                  "COPY --from=build /app /app\n"
                  "WORKDIR /app\n"
                  "USER app\n"
                  "CMD gunicorn app:app\n";
  Dockerfile D = parse(T);
  ASSERT_TRUE(D.Errors.empty());
  ASSERT_EQ(D.Instructions.size(), 7u);
  ASSERT_EQ(D.Stages.size(), 2u);
  EXPECT_EQ(D.Stages[0].Name, "build");
  EXPECT_EQ(hostText(T, D.Stages[0].NameRange), "Build");
  EXPECT_EQ(D.Stages[0].Image, "python:3.12");
  EXPECT_EQ(D.Stages[0].ImageRange, (SourceRange{28, 39}));
  EXPECT_EQ(D.Stages[0].Platform, "linux/amd64");
  EXPECT_EQ(D.Stages[1].label(), "1");
  EXPECT_EQ(D.baseStage(D.Stages[1]), &D.Stages[0]);
  EXPECT_EQ(D.resolvedBase(D.Stages[1]), "python:3.12");
  const Instruction &Run = D.Instructions[1];
  EXPECT_EQ(Run.Keyword, "RUN");
  EXPECT_EQ(hostText(T, Run.KeywordRange), "run");
  EXPECT_EQ(Run.Args.text(), "pip install -r requirements.txt");
  EXPECT_EQ(Run.Args.toHost(0), 53u);
  EXPECT_EQ(Run.Stage, 0);
  const Instruction &Copy = D.Instructions[3];
  ASSERT_NE(Copy.flag("from"), nullptr);
  EXPECT_EQ(Copy.flag("from")->Value, "build");
  EXPECT_EQ(hostText(T, Copy.flag("from")->Range), "--from=build");
  EXPECT_EQ(Copy.Args.text(), "/app /app");
  EXPECT_EQ(D.Instructions[6].Stage, 1);
  EXPECT_EQ(D.Stages[0].Workdir, "");
  EXPECT_EQ(D.Stages[1].Workdir, "/app");
  EXPECT_EQ(D.Stages[1].User, "app");
  EXPECT_EQ(D.Stages[1].Instructions.size(), 5u);
}

TEST(DockerfileParser, ContinuationsCommentsAndEmptyLines) {
  std::string T = "RUN apt-get update && \\\n"
                  "# a comment\n"
                  "\n"
                  "    apt-get install -y curl \\  \n"
                  "  && rm -rf /var/lib/apt/lists\n";
  Dockerfile D = parse(T);
  ASSERT_TRUE(D.Errors.empty());
  ASSERT_EQ(D.Instructions.size(), 1u);
  const Instruction &I = D.Instructions[0];
  EXPECT_EQ(I.Args.text(), "apt-get update &&     apt-get install -y curl   "
                           "&& rm -rf /var/lib/apt/lists");
  EXPECT_EQ(hostOf(T, I.Args, "apt-get install"), "apt-get install");
  EXPECT_EQ(I.Args.toHost(I.Args.text().find("apt-get install")), 41u);
  EXPECT_EQ(hostOf(T, I.Args, "curl   &&"), "curl \\  \n  &&");
  EXPECT_EQ(I.Range, (SourceRange{0, static_cast<uint32_t>(T.size() - 1)}));
  ASSERT_EQ(D.Comments.size(), 1u);
  EXPECT_EQ(hostText(T, D.Comments[0]), "# a comment");
}

TEST(DockerfileParser, EscapeDirectiveBacktick) {
  std::string T = "# escape=`\n"
                  "FROM mcr.microsoft.com/windows/servercore\n"
                  "RUN dir c:\\ `\n"
                  "    && echo done\n";
  Dockerfile D = parse(T);
  ASSERT_TRUE(D.Errors.empty());
  EXPECT_EQ(D.Escape, '`');
  ASSERT_EQ(D.Instructions.size(), 2u);
  EXPECT_EQ(D.Instructions[1].Args.text(), "dir c:\\     && echo done");
}

TEST(DockerfileParser, DirectiveOnlyAtTop) {
  Dockerfile D = parse("FROM x\n# escape=`\nRUN a \\\n b\n");
  EXPECT_EQ(D.Escape, '\\');
  ASSERT_EQ(D.Instructions.size(), 2u);
  EXPECT_EQ(D.Instructions[1].Args.text(), "a  b");
}

TEST(DockerfileParser, Heredocs) {
  std::string T = "FROM alpine\n"
                  "RUN <<EOF\n"
                  "set -e\n"
                  "echo hi\n"
                  "EOF\n"
                  "RUN <<-'A' cat >/x <<\"B\"\n"
                  "\tone\n"
                  "\tA\n"
                  "two\n"
                  "B\n"
                  "CMD x\n";
  Dockerfile D = parse(T);
  ASSERT_TRUE(D.Errors.empty());
  ASSERT_EQ(D.Instructions.size(), 4u);
  const Instruction &R1 = D.Instructions[1];
  ASSERT_EQ(R1.Heredocs.size(), 1u);
  EXPECT_EQ(R1.Heredocs[0].Delimiter, "EOF");
  EXPECT_EQ(R1.Heredocs[0].Body.text(), "set -e\necho hi\n");
  EXPECT_EQ(hostText(T, R1.Heredocs[0].MarkerRange), "<<EOF");
  EXPECT_EQ(hostText(T, R1.Heredocs[0].BodyRange), "set -e\necho hi\nEOF");
  EXPECT_EQ(hostOf(T, R1.Heredocs[0].Body, "echo hi"), "echo hi");
  EXPECT_EQ(hostText(T, R1.Range), "RUN <<EOF\nset -e\necho hi\nEOF");
  const Instruction &R2 = D.Instructions[2];
  ASSERT_EQ(R2.Heredocs.size(), 2u);
  EXPECT_TRUE(R2.Heredocs[0].StripTabs);
  EXPECT_TRUE(R2.Heredocs[0].Quoted);
  EXPECT_EQ(R2.Heredocs[0].Body.text(), "one\n");
  EXPECT_EQ(hostOf(T, R2.Heredocs[0].Body, "one"), "one");
  EXPECT_EQ(R2.Heredocs[1].Delimiter, "B");
  EXPECT_TRUE(R2.Heredocs[1].Quoted);
  EXPECT_EQ(R2.Heredocs[1].Body.text(), "two\n");
  EXPECT_EQ(D.Instructions[3].Keyword, "CMD");
}

TEST(DockerfileParser, HeredocLookalikesAreNotHeredocs) {
  Dockerfile D = parse("RUN echo '<<EOF' \"<<X\" <<<here\nCMD y\n");
  ASSERT_EQ(D.Instructions.size(), 2u);
  EXPECT_TRUE(D.Instructions[0].Heredocs.empty());
}

TEST(DockerfileParser, UnterminatedHeredoc) {
  std::string T = "RUN <<EOF\necho hi\n";
  Dockerfile D = parse(T);
  ASSERT_EQ(D.Errors.size(), 1u);
  EXPECT_EQ(D.Errors[0].Message, "unterminated heredoc 'EOF'");
  EXPECT_EQ(D.Errors[0].Range, (SourceRange{4, 9}));
  ASSERT_EQ(D.Instructions.size(), 1u);
  EXPECT_EQ(D.Instructions[0].Heredocs[0].Body.text(), "echo hi\n");
}

TEST(DockerfileParser, HeredocCrlfAtEndOfFile) {
  std::string T = "RUN <<EOF\r\necho\r";
  Dockerfile D = parse(T);
  ASSERT_EQ(D.Instructions.size(), 1u);
  const Heredoc &H = D.Instructions[0].Heredocs[0];
  EXPECT_EQ(H.Body.text(), "echo\n");
  EXPECT_EQ(hostText(T, H.Body.toHost(4, 5)), "\r");
}

TEST(DockerfileParser, ExecForm) {
  std::string T = "CMD [\"python\", \"manage.py\",\"a\\\"b\\u00e9\\n\"]\n"
                  "ENTRYPOINT [ \"sh\", \\\n  \"-c\" ]\n"
                  "CMD [python]\n"
                  "CMD []\n";
  Dockerfile D = parse(T);
  ASSERT_TRUE(D.Errors.empty());
  ASSERT_EQ(D.Instructions.size(), 4u);
  const Instruction &C = D.Instructions[0];
  ASSERT_TRUE(C.ExecForm);
  ASSERT_EQ(C.Exec.size(), 3u);
  EXPECT_EQ(C.Exec[0].Text.text(), "python");
  EXPECT_EQ(hostText(T, C.Exec[1].Range), "\"manage.py\"");
  EXPECT_EQ(C.Exec[1].Text.toHost(0), 16u);
  EXPECT_EQ(C.Exec[2].Text.text(), "a\"b\xC3\xA9\n");
  EXPECT_EQ(hostText(T, C.Exec[2].Text.toHost(1, 2)), "\\\"");
  EXPECT_EQ(hostText(T, C.Exec[2].Text.toHost(3, 5)), "\\u00e9");
  const Instruction &E = D.Instructions[1];
  ASSERT_TRUE(E.ExecForm);
  ASSERT_EQ(E.Exec.size(), 2u);
  EXPECT_EQ(hostText(T, E.Exec[1].Range), "\"-c\"");
  EXPECT_FALSE(D.Instructions[2].ExecForm);
  EXPECT_EQ(D.Instructions[2].Args.text(), "[python]");
  EXPECT_TRUE(D.Instructions[3].ExecForm);
  EXPECT_TRUE(D.Instructions[3].Exec.empty());
}

TEST(DockerfileParser, ExecFormSurrogatePairs) {
  std::vector<ExecArg> Out;
  EXPECT_TRUE(parseExecForm(
      EmbeddedText::verbatim("[\"\\ud83d\\ude00\", \"\\ud800\"]", 0), Out));
  ASSERT_EQ(Out.size(), 2u);
  EXPECT_EQ(Out[0].Text.text(), "\xF0\x9F\x98\x80");
  EXPECT_EQ(Out[1].Text.text(), "\xEF\xBF\xBD");
  EXPECT_FALSE(parseExecForm(EmbeddedText::verbatim("[\"a\", 1]", 0), Out));
  EXPECT_FALSE(parseExecForm(EmbeddedText::verbatim("[\"a\"] x", 0), Out));
  EXPECT_FALSE(parseExecForm(EmbeddedText::verbatim("[\"a\\x\"]", 0), Out));
}

TEST(DockerfileParser, EnvArgLabel) {
  std::string T = "ARG BASE=python:3.12\n"
                  "ARG FLAVOUR\n"
                  "FROM ${BASE}-slim\n"
                  "ENV A=1 B=\"two words\" C=x\\ y\n"
                  "ENV LEGACY some value\n";
  Dockerfile D = parse(T);
  ASSERT_TRUE(D.Errors.empty());
  ASSERT_EQ(D.GlobalArgs.size(), 2u);
  EXPECT_EQ(D.GlobalArgs[0].Key, "BASE");
  EXPECT_EQ(D.GlobalArgs[0].Value, "python:3.12");
  EXPECT_FALSE(D.GlobalArgs[1].HasValue);
  EXPECT_EQ(D.resolvedBase(D.Stages[0]), "python:3.12-slim");
  auto Env = keyValues(D.Instructions[3]);
  ASSERT_EQ(Env.size(), 3u);
  EXPECT_EQ(Env[1].Key, "B");
  EXPECT_EQ(Env[1].Value, "two words");
  EXPECT_EQ(hostText(T, Env[1].KeyRange), "B");
  EXPECT_EQ(hostText(T, Env[1].Range), "B=\"two words\"");
  EXPECT_EQ(Env[2].Value, "x y");
  auto Legacy = keyValues(D.Instructions[4]);
  ASSERT_EQ(Legacy.size(), 1u);
  EXPECT_EQ(Legacy[0].Key, "LEGACY");
  EXPECT_EQ(Legacy[0].Value, "some value");
}

TEST(DockerfileParser, WorkdirIsInheritedAndJoined) {
  Dockerfile D = parse("FROM a AS base\nWORKDIR /srv\nUSER web\n"
                       "FROM base\nWORKDIR app\nWORKDIR \"lib\"\n");
  ASSERT_EQ(D.Stages.size(), 2u);
  EXPECT_EQ(D.Stages[0].Workdir, "/srv");
  EXPECT_EQ(D.Stages[1].Workdir, "/srv/app/lib");
  EXPECT_EQ(D.Stages[1].User, "web");
}

TEST(DockerfileParser, StageNamedLikeItsOwnBase) {
  Dockerfile D = parse("FROM python:3.12 AS python:3.12\nWORKDIR /a\n");
  ASSERT_EQ(D.Stages.size(), 1u);
  EXPECT_EQ(D.baseStage(D.Stages[0]), nullptr);
  EXPECT_EQ(D.resolvedBase(D.Stages[0]), "python:3.12");
  EXPECT_EQ(D.Stages[0].Workdir, "/a");
}

TEST(DockerfileParser, UnresolvedBase) {
  Dockerfile D = parse("ARG IMG\nFROM $IMG\n");
  EXPECT_EQ(D.resolvedBase(D.Stages[0]), "");
}

TEST(DockerfileParser, CrlfAndBom) {
  std::string T = "\xEF\xBB\xBF"
                  "FROM alpine\r\n"
                  "RUN echo a \\\r\n"
                  "  b\r\n";
  Dockerfile D = parse(T, 3);
  ASSERT_TRUE(D.Errors.empty());
  ASSERT_EQ(D.Instructions.size(), 2u);
  EXPECT_EQ(D.Instructions[0].KeywordRange, (SourceRange{3, 7}));
  EXPECT_EQ(D.Stages[0].Image, "alpine");
  EXPECT_EQ(D.Instructions[1].Args.text(), "echo a   b");
  EXPECT_EQ(hostOf(T, D.Instructions[1].Args, "b"), "b");
}

TEST(DockerfileParser, Errors) {
  std::string T = "FROM alpine\n"
                  "FOO bar\n"
                  "\"quoted\" x\n"
                  "RUN a \\\n";
  Dockerfile D = parse(T);
  ASSERT_EQ(D.Errors.size(), 2u);
  EXPECT_EQ(D.Errors[0].Message, "expected a Dockerfile instruction");
  EXPECT_EQ(hostText(T, D.Errors[0].Range), "\"quoted\"");
  EXPECT_EQ(D.Errors[1].Message, "line continuation at end of file");
  EXPECT_EQ(hostText(T, D.Errors[1].Range), "\\");
  ASSERT_EQ(D.Instructions.size(), 3u);
  EXPECT_EQ(D.Instructions[1].Keyword, "FOO");
  EXPECT_EQ(D.Instructions[2].Args.text(), "a");
}

TEST(DockerfileParser, StageCycleIsBounded) {
  Dockerfile D = parse("FROM b AS a\nFROM a AS b\nFROM b AS c\n");
  ASSERT_EQ(D.Stages.size(), 3u);
  EXPECT_EQ(D.resolvedBase(D.Stages[2]), "b");
}

FileAnalysis analyze(std::string Text) {
  return analyzeAs(FileKind::Dockerfile, "Dockerfile", std::move(Text));
}

TEST(DockerfileFrontend, UnitsAndWorkload) {
  FileAnalysis A = analyze("ARG V=3.12\n"
                           "FROM python:${V} AS base\n"
                           "RUN pip install -r requirements.txt\n"
                           "FROM base AS test\n"
                           "RUN pytest\n"
                           "FROM base\n"
                           "ENTRYPOINT [\"python\", \"manage.py\"]\n"
                           "CMD [\"runserver\"]\n");
  ASSERT_TRUE(A.Diags.empty());
  ASSERT_EQ(A.Shell.size(), 4u);
  EXPECT_EQ(A.Shell[0].Host, ShellHost::DockerRun);
  EXPECT_EQ(A.Shell[0].Label, "base");
  EXPECT_FALSE(A.Shell[0].FinalStage);
  EXPECT_TRUE(A.Shell[1].TestStage);
  EXPECT_EQ(A.Shell[2].Host, ShellHost::DockerEntrypoint);
  EXPECT_EQ(A.Shell[2].Label, "2");
  EXPECT_TRUE(A.Shell[2].FinalStage);
  EXPECT_TRUE(A.Shell[2].LongRunning);
  ASSERT_EQ(A.Shell[2].Script.Commands.size(), 1u);
  ASSERT_EQ(A.Shell[2].Script.Commands[0].Words.size(), 2u);
  EXPECT_EQ(A.Shell[2].Script.Commands[0].Words[1].value(), "manage.py");
  EXPECT_EQ(A.Shell[2].Script.Commands[0].Words[1].Range,
            (SourceRange{133, 144}));
  ASSERT_EQ(A.Workloads.size(), 1u);
  const Workload &W = A.Workloads[0];
  EXPECT_EQ(W.Origin, "Dockerfile");
  EXPECT_EQ(W.Command, "python manage.py runserver");
  EXPECT_EQ(W.Image.Written, "python:${V}");
  EXPECT_EQ(W.Image.Repository, "python");
  EXPECT_EQ(W.Image.Tag, "3.12");
  ASSERT_EQ(W.Script.Commands.size(), 1u);
  EXPECT_EQ(W.Script.Commands[0].Words.size(), 3u);
  ASSERT_NE(A.model<Dockerfile>(), nullptr);
  EXPECT_EQ(A.model<Dockerfile>()->Stages.size(), 3u);
}

TEST(DockerfileFrontend, HeredocBodiesAreShell) {
  FileAnalysis A = analyze("FROM alpine\nRUN <<EOF\nflask db upgrade\nEOF\n");
  ASSERT_EQ(A.Shell.size(), 1u);
  ASSERT_EQ(A.Shell[0].Script.Commands.size(), 1u);
  EXPECT_EQ(A.Shell[0].Script.Commands[0].name(), "flask");
  EXPECT_EQ(A.Shell[0].Script.Commands[0].Words[0].Range,
            (SourceRange{22, 27}));
}

TEST(DockerfileFrontend, ShellFormAndNonPosixShell) {
  FileAnalysis A = analyze("FROM alpine\n"
                           "RUN echo a && \\\n    rake db:migrate\n"
                           "SHELL [\"powershell\", \"-Command\"]\n"
                           "RUN Get-ChildItem\n");
  ASSERT_EQ(A.Shell.size(), 1u);
  ASSERT_EQ(A.Shell[0].Script.Commands.size(), 2u);
  EXPECT_EQ(A.Shell[0].Script.Commands[1].Words[0].Range,
            (SourceRange{32, 36}));
}

TEST(DockerfileFrontend, ParseErrorsBecomeAdm900) {
  FileAnalysis A = analyze("FROM alpine\nRUN <<EOF\necho\n");
  ASSERT_GE(A.Diags.size(), 1u);
  EXPECT_EQ(A.Diags[0].Rule, RuleId::ParseError);
  EXPECT_EQ(A.Diags[0].Primary.Range, (SourceRange{16, 21}));
}

} // namespace
