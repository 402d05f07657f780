//===- ProcfileTest.cpp - Procfile parser and frontend tests --------------===//
#include "lib/Parse/Procfile.h"
#include "lib/Model/Frontends.h"
#include "tests/unit/FrontendTestSupport.h"
#include "gtest/gtest.h"

using namespace adminlint;
using namespace adminlint::procfile;

namespace {

TEST(ProcfileParser, ProcessesCommentsAndBlankLines) {
  std::string T = "# processes\n"
                  "web: gunicorn app:app --bind 0.0.0.0:$PORT  \n"
                  "\n"
                  "release:python manage.py migrate\n"
                  "  worker_2:   celery -A app worker\n";
  Procfile P = parse(T);
  ASSERT_TRUE(P.Errors.empty());
  ASSERT_EQ(P.Processes.size(), 3u);
  EXPECT_EQ(P.Processes[0].Type, "web");
  EXPECT_EQ(P.Processes[0].TypeRange, (SourceRange{12, 15}));
  EXPECT_EQ(P.Processes[0].Command.text(),
            "gunicorn app:app --bind 0.0.0.0:$PORT");
  EXPECT_EQ(P.Processes[0].Command.toHost(0), 17u);
  EXPECT_EQ(P.Processes[1].Command.text(), "python manage.py migrate");
  EXPECT_EQ(hostText(T, P.Processes[2].TypeRange), "worker_2");
  EXPECT_EQ(hostText(T, P.Processes[2].Command.toHost(0, 6)), "celery");
  ASSERT_EQ(P.Comments.size(), 1u);
  EXPECT_EQ(P.Comments[0], (SourceRange{0, 11}));
  EXPECT_EQ(P.find("release"), &P.Processes[1]);
  EXPECT_EQ(P.find("clock"), nullptr);
}

TEST(ProcfileParser, CrlfBomAndErrors) {
  std::string T = "\xEF\xBB\xBF"
                  "web: bin/web\r\n"
                  "not a process\r\n"
                  "empty:   \r\n"
                  "\r\n";
  Procfile P = parse(T, 3);
  ASSERT_EQ(P.Processes.size(), 1u);
  EXPECT_EQ(P.Processes[0].TypeRange, (SourceRange{3, 6}));
  EXPECT_EQ(P.Processes[0].Command.text(), "bin/web");
  EXPECT_EQ(P.Processes[0].Range, (SourceRange{3, 15}));
  ASSERT_EQ(P.Errors.size(), 2u);
  EXPECT_EQ(P.Errors[0].Message, "expected 'type: command'");
  EXPECT_EQ(hostText(T, P.Errors[0].Range), "not a process");
  EXPECT_EQ(P.Errors[1].Message, "process type has no command");
  EXPECT_EQ(hostText(T, P.Errors[1].Range), "empty:   ");
}

TEST(ProcfileFrontend, UnitsAndWorkloads) {
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>(
      "Procfile",
      "release: python manage.py migrate\nweb: gunicorn app\nbad\n");
  A.Kind = FileKind::Procfile;
  frontendFor(FileKind::Procfile)(A, FrontendLimits());
  ASSERT_EQ(A.Diags.size(), 1u);
  EXPECT_EQ(A.Diags[0].Rule, RuleId::ParseError);
  EXPECT_EQ(A.Diags[0].Primary.Range, (SourceRange{52, 55}));
  ASSERT_EQ(A.Shell.size(), 2u);
  EXPECT_EQ(A.Shell[0].Host, ShellHost::ProcfileEntry);
  EXPECT_EQ(A.Shell[0].Label, "release");
  EXPECT_TRUE(A.Shell[0].OneOff);
  EXPECT_FALSE(A.Shell[0].LongRunning);
  EXPECT_TRUE(A.Shell[1].LongRunning);
  ASSERT_EQ(A.Shell[0].Script.Commands.size(), 1u);
  EXPECT_EQ(A.Shell[0].Script.Commands[0].Words[1].Range,
            (SourceRange{16, 25}));
  ASSERT_EQ(A.Workloads.size(), 2u);
  EXPECT_EQ(A.Workloads[0].Origin, "Procfile");
  EXPECT_EQ(A.Workloads[0].Name, "release");
  EXPECT_EQ(A.Workloads[0].Lifetime, WorkloadLifetime::OneOff);
  EXPECT_EQ(A.Workloads[1].Lifetime, WorkloadLifetime::LongRunning);
  EXPECT_EQ(A.Workloads[1].Command, "gunicorn app");
  EXPECT_EQ(A.Workloads[1].Range, (SourceRange{39, 51}));
}

} // namespace
