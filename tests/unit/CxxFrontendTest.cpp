//===- CxxFrontendTest.cpp - adminlint-cxx output into analyses -----------===//
#include "lib/Driver/CxxFrontend.h"
#include "lib/Model/CxxSource.h"
#include "gtest/gtest.h"

using namespace adminlint;

namespace {

const char *const Source =
    "int main() {\n"
    "  system(\"a\\tb && python manage.py migrate\");\n"
    "  setenv(\"DATABASE_URL\", \"postgres://u:p@h/d\", 1);\n"
    "  putenv(\"RAILS_ENV=production\");\n"
    "}\n";

SourceFileRef load(llvm::StringRef Rel) {
  if (Rel != "src/main.cpp")
    return nullptr;
  return std::make_shared<SourceFile>(Rel.str(), Source);
}

std::string output() {
  // Offsets into Source: the system literal's content starts at 23, the
  // setenv name at 69 and value at 85, the putenv literal at 120.
  return R"({"version": 1, "calls": [
    {"file": "/repo/src/main.cpp", "function": "system", "kind": "shell",
     "offset": 15, "args": [{"value": "a\tb && python manage.py migrate",
       "segments": [[0, 23, 0], [1, 24, 2], [2, 26, 0]]}]},
    {"file": "/repo/src/main.cpp", "function": "setenv", "kind": "env",
     "offset": 61, "args": [
       {"value": "DATABASE_URL", "segments": [[0, 69, 0]]},
       {"value": "postgres://u:p@h/d", "segments": [[0, 85, 0]]}]},
    {"file": "/repo/src/main.cpp", "function": "putenv", "kind": "env",
     "offset": 112, "args": [
       {"value": "RAILS_ENV=production", "segments": [[0, 120, 0]]}]},
    {"file": "/usr/include/x.h", "function": "system", "kind": "shell",
     "offset": 1, "args": [{"value": "ls", "segments": [[0, 1, 0]]}]}],
   "failed": ["/repo/src/broken.cpp"]})";
}

TEST(CxxFrontendTest, CommandStringsBecomeShellUnitsInsideTheLiteral) {
  CxxFrontendResult R = parseCxxFrontendOutput(output(), "/repo", load);
  ASSERT_TRUE(R.Ran);
  ASSERT_EQ(R.Files.size(), 1u);
  const FileAnalysis &A = *R.Files[0];
  EXPECT_EQ(A.Kind, FileKind::Cxx);
  ASSERT_EQ(A.Shell.size(), 1u);
  EXPECT_EQ(A.Shell[0].Host, ShellHost::CxxString);
  EXPECT_EQ(A.Shell[0].Label, "system");
  const shell::Script &S = A.Shell[0].Script;
  ASSERT_EQ(S.Commands.size(), 2u);
  // The \t escape is a tab: it separates the words "a" and "b".
  ASSERT_EQ(S.Commands[0].Words.size(), 2u);
  EXPECT_EQ(S.Commands[0].Words[1].Range.Begin, 26u);
  EXPECT_EQ(A.File->slice(S.Commands[0].Words[1].Range), "b");
  EXPECT_EQ(A.File->slice(S.Commands[1].Words[2].Range), "migrate");
  ASSERT_EQ(R.Notes.size(), 1u);
  EXPECT_NE(R.Notes[0].find("src/broken.cpp did not compile"),
            std::string::npos);
}

TEST(CxxFrontendTest, EnvironmentLiterals) {
  CxxFrontendResult R = parseCxxFrontendOutput(output(), "/repo", load);
  const auto *M = R.Files[0]->model<CxxSourceModel>();
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Env.size(), 2u);
  EXPECT_EQ(M->Env[0].Name, "DATABASE_URL");
  EXPECT_EQ(R.Files[0]->File->slice(M->Env[0].Range), "postgres://u:p@h/d");
  EXPECT_EQ(M->Env[1].Name, "RAILS_ENV");
  EXPECT_EQ(R.Files[0]->File->slice(M->Env[1].Range), "production");
}

TEST(CxxFrontendTest, StaleOrBrokenOutputIsANoteNotAFailure) {
  CxxFrontendResult Stale = parseCxxFrontendOutput(
      R"({"calls": [{"file": "/repo/src/main.cpp", "function": "system",
          "kind": "shell", "args": [{"value": "rm -rf /",
          "segments": [[0, 23, 0]]}]}]})",
      "/repo", load);
  EXPECT_TRUE(Stale.Files.empty() || Stale.Files[0]->Shell.empty());
  ASSERT_EQ(Stale.Notes.size(), 1u);
  CxxFrontendResult Bad = parseCxxFrontendOutput("{not json", "/repo", load);
  EXPECT_FALSE(Bad.Ran);
  ASSERT_EQ(Bad.Notes.size(), 1u);
  CxxFrontendResult Wrong =
      parseCxxFrontendOutput(R"({"calls": [{"file": 3}]})", "/repo", load);
  EXPECT_EQ(Wrong.Notes.size(), 1u);
}

TEST(CxxFrontendTest, MissingToolIsANote) {
  CxxFrontendOptions Opts;
  Opts.Root = ADMINLINT_SOURCE_DIR;
  Opts.CompileCommands = ADMINLINT_SOURCE_DIR "/CMakeLists.txt";
  Opts.ToolPath = "/nonexistent/adminlint-cxx";
  CxxFrontendResult R = runCxxFrontend(Opts, load);
  EXPECT_FALSE(R.Ran);
  ASSERT_EQ(R.Notes.size(), 1u);
  EXPECT_TRUE(R.Files.empty());
}

} // namespace
