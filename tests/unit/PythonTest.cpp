//===- PythonTest.cpp - The Python reader and frontend --------------------===//
#include "lib/Parse/Python.h"
#include "lib/Check/Check.h"
#include "lib/Model/PythonScript.h"
#include "tests/unit/FrontendTestSupport.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <cstdlib>

using namespace adminlint;

namespace {

python::Script parse(llvm::StringRef Text) { return python::parse(Text); }

const python::Call *findCall(const python::Script &S, llvm::StringRef Callee) {
  for (const python::Call &C : S.Calls)
    if (C.Callee == Callee)
      return &C;
  return nullptr;
}

FileAnalysis analyze(std::string Path, std::string Text) {
  return analyzeAs(FileKind::Python, std::move(Path), std::move(Text));
}

TEST(PythonTest, DecodesEscapesAndMapsThemToHostBytes) {
  std::string Text = "os.system('a\\tb\\x41\\u00e9c')\n";
  python::Script S = parse(Text);
  ASSERT_TRUE(S.Errors.empty());
  const python::Call *C = findCall(S, "os.system");
  ASSERT_TRUE(C);
  const python::Value &V = C->Args[0].Val;
  ASSERT_TRUE(V.Literal);
  EXPECT_EQ(V.Literal->text(), "a\tbA\xC3\xA9"
                               "c");
  // 'c' is the byte after the \u00e9 escape.
  uint32_t C0 = V.Literal->text().size() - 1;
  EXPECT_EQ(Text[V.Literal->toHost(C0)], 'c');
  // The tab is the two host bytes of \t.
  SourceRange Tab = V.Literal->toHost(1, 2);
  EXPECT_EQ(Text.substr(Tab.Begin, Tab.End - Tab.Begin), "\\t");
}

TEST(PythonTest, TripleQuotedRawBytesAndFStrings) {
  python::Script S = parse("x = r'''a\\n\n'b'''\n"
                           "y = b\"\\x00\"\n"
                           "z = f'{{a}} {b}'\n");
  ASSERT_TRUE(S.Errors.empty());
  ASSERT_EQ(S.Strings.size(), 3u);
  EXPECT_EQ(S.Strings[0].Value.text(), "a\\n\n'b");
  EXPECT_TRUE(S.Strings[0].Raw);
  EXPECT_EQ(S.Strings[1].Value.text(), std::string(1, '\0'));
  EXPECT_EQ(S.Strings[2].Value.text(), "{a} {b}");
  ASSERT_EQ(S.Assignments.size(), 3u);
  EXPECT_EQ(S.Assignments[0].Target, "x");
}

TEST(PythonTest, AdjacentLiteralsAndContinuationLines) {
  python::Script S = parse("subprocess.run('python manage.py ' \\\n"
                           "               \"migrate\", shell=True)\n");
  ASSERT_TRUE(S.Errors.empty());
  const python::Call *C = findCall(S, "subprocess.run");
  ASSERT_TRUE(C);
  ASSERT_TRUE(C->Args[0].Val.Literal);
  EXPECT_EQ(C->Args[0].Val.Literal->text(), "python manage.py migrate");
  ASSERT_TRUE(C->keyword("shell"));
  EXPECT_EQ(C->keyword("shell")->Val.Text, "True");
}

TEST(PythonTest, ShapeOfAScript) {
  python::Script S = parse("#!/usr/bin/env python3\n"
                           "import os, sys\n"
                           "from django.core import management\n"
                           "def main():\n"
                           "    pass\n"
                           "if __name__ == '__main__':\n"
                           "    main()\n");
  ASSERT_TRUE(S.Shebang);
  ASSERT_TRUE(S.MainGuard);
  EXPECT_FALSE(S.HasTopLevelCode);
  EXPECT_EQ(S.Imports, (std::vector<std::string>{"os", "sys", "django.core"}));
}

TEST(PythonTest, TopLevelCallIsCode) {
  EXPECT_TRUE(parse("import django\ndjango.setup()\n").HasTopLevelCode);
  EXPECT_FALSE(parse("X = 1\nlog = get_logger()\n").HasTopLevelCode);
}

TEST(PythonTest, SyntaxErrorsAreReported) {
  python::Script S = parse("x = 'abc\ny = (1, 2\n");
  ASSERT_EQ(S.Errors.size(), 2u);
  EXPECT_EQ(S.Errors[0].Message, "unterminated string literal");
  EXPECT_EQ(S.Errors[0].Range.Begin, 4u);
  EXPECT_EQ(S.Errors[1].Message, "'(' was never closed");
  EXPECT_EQ(S.Errors[1].Range.Begin, 13u);
  EXPECT_EQ(parse(")").Errors.size(), 1u);
  EXPECT_EQ(parse("'''abc").Errors.size(), 1u);
}

TEST(PythonTest, DeepNestingIsAnErrorNotACrash) {
  std::string Deep(100000, '[');
  python::Script S = parse(Deep);
  ASSERT_FALSE(S.Errors.empty());
}

TEST(PythonTest, DictEntriesAndEnvironmentAssignments) {
  python::Script S = parse("os.environ['DJANGO_SETTINGS_MODULE'] = 'a.b'\n"
                           "DATABASES = {'default': {'PASSWORD': 's3cret'}}\n");
  ASSERT_GE(S.Assignments.size(), 2u);
  EXPECT_EQ(S.Assignments[0].Target, "os.environ");
  EXPECT_EQ(S.Assignments[0].Key, "DJANGO_SETTINGS_MODULE");
  bool Found = false;
  for (const python::Assignment &A : S.Assignments)
    Found |= A.IsDictEntry && A.Key == "PASSWORD" && A.Val.Literal &&
             A.Val.Literal->text() == "s3cret";
  EXPECT_TRUE(Found);
}

TEST(PythonTest, FrontendFindsBootstrapAdminWorkAndShellStrings) {
  std::string Text = "#!/usr/bin/env python\n"
                     "import os, sys, django\n"
                     "sys.path.insert(0, '/srv/app')\n"
                     "os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
                     "'shop.settings')\n"
                     "django.setup()\n"
                     "from shop.models import Order\n"
                     "for o in Order.objects.filter(x=1):\n"
                     "    o.save()\n"
                     "os.system(\"psql -c 'select 1'\")\n";
  FileAnalysis A = analyze("scripts/fix_orders.py", Text);
  const auto *M = A.model<PythonScriptModel>();
  ASSERT_TRUE(M);
  EXPECT_TRUE(M->Standalone);
  EXPECT_EQ(M->Framework, "django");
  ASSERT_EQ(M->Bootstrap.size(), 3u);
  EXPECT_EQ(M->Bootstrap[0].What, "edits sys.path");
  EXPECT_EQ(M->Bootstrap[2].What, "calls django.setup()");
  ASSERT_EQ(M->AdminWork.size(), 1u);
  EXPECT_EQ(M->AdminWork[0].What, "calls o.save()");
  EXPECT_FALSE(M->FrameworkCommand);
}

TEST(PythonTest, ManagementCommandIsAFrameworkCommand) {
  FileAnalysis A =
      analyze("shop/management/commands/fix.py",
              "from django.core.management.base import BaseCommand\n"
              "class Command(BaseCommand):\n"
              "    def handle(self, *a, **k):\n"
              "        pass\n");
  EXPECT_TRUE(A.model<PythonScriptModel>()->FrameworkCommand);
}

TEST(PythonTest, ConfigIsNotCollectedOutsideAdminCode) {
  FileAnalysis A = analyze(
      "db.py", "engine = create_engine('postgresql://u:pw@db.example.com/x')\n"
               "connect(password='hunter2', host='10.0.0.5')\n");
  EXPECT_TRUE(A.model<PythonScriptModel>()->Config.empty());
}

TEST(PythonTest, ConfigLiteralsAreCollected) {
  FileAnalysis A =
      analyze("fix_records.py",
              "engine = create_engine('postgresql://u:pw@db.example.com/x')\n"
              "connect(password='hunter2', host='10.0.0.5')\n");
  const auto *M = A.model<PythonScriptModel>();
  ASSERT_EQ(M->Config.size(), 3u);
  EXPECT_EQ(M->Config[0].Name, "");
  EXPECT_EQ(M->Config[1].Name, "password");
  EXPECT_EQ(M->Config[1].Value, "hunter2");
  EXPECT_EQ(M->Config[2].Name, "host");
}

TEST(PythonTest, FrontendReportsSyntaxErrors) {
  FileAnalysis A = analyze("x.py", "print('oops\n");
  ASSERT_EQ(A.Diags.size(), 1u);
  EXPECT_EQ(A.Diags[0].Rule, RuleId::ParseError);
  EXPECT_EQ(A.Diags[0].Message, "python: unterminated string literal");
}

TEST(PythonTest, CredentialsAreRedactedAndMarkedSecret) {
  FileAnalysis A = analyze(
      "fix_invoices.py",
      "import psycopg2\n"
      "conn = psycopg2.connect('postgresql://app:hunter2@db.example.com/x')\n"
      "conn.cursor().execute('DELETE FROM invoices')\n");
  CheckSettings Settings;
  std::vector<Diagnostic> Out;
  Reporter R(Out);
  for (const auto &C : createChecks({RuleId::HardcodedAdminConfig}, Settings))
    C->checkFile(A, R);
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(Out[0].Severity, Level::Error);
  EXPECT_EQ(Out[0].Message.find("hunter2"), std::string::npos);
  EXPECT_NE(Out[0].Message.find("postgresql://app:***@db.example.com/x"),
            std::string::npos);
  EXPECT_EQ(Out[0].FingerprintKey.find("hunter2"), std::string::npos);
  ASSERT_EQ(Out[0].Secrets.size(), 1u);
  EXPECT_EQ(A.File->slice(Out[0].Secrets[0]),
            "'postgresql://app:hunter2@db.example.com/x'");
  uint32_t Line2 = A.File->lineStart(2);
  SourceRange Line{Line2, Line2 + uint32_t(A.File->lineText(2).size())};
  EXPECT_EQ(redactedSlice(*A.File, Line, Out[0].Secrets),
            "conn = psycopg2.connect(***)");
}

bool noName(llvm::StringRef, char) { return false; }
bool noLiteral(llvm::StringRef, bool) { return false; }

/// The shape python::skim() reports is parse()'s, and skim() needs parse()
/// exactly when parse() finds an error (no filter asks for a name here).
void expectSkimShapeIsParses(const std::string &What, llvm::StringRef Text) {
  python::Skim K = python::skim(Text, noName, noLiteral);
  python::Script S = parse(Text);
  ASSERT_EQ(K.NeedsParse, !S.Errors.empty()) << What;
  if (K.NeedsParse)
    return;
  EXPECT_EQ(K.Shebang.hasValue(), S.Shebang.hasValue()) << What;
  if (K.Shebang && S.Shebang) {
    EXPECT_EQ(K.Shebang->Begin, S.Shebang->Begin) << What;
  }
  ASSERT_EQ(K.MainGuard.hasValue(), S.MainGuard.hasValue()) << What;
  if (K.MainGuard) {
    EXPECT_EQ(K.MainGuard->Begin, S.MainGuard->Begin) << What;
    EXPECT_EQ(K.MainGuard->End, S.MainGuard->End) << What;
  }
  EXPECT_EQ(K.HasTopLevelCode, S.HasTopLevelCode) << What;
}

/// When skimPython() skips a file, the full frontend finds nothing and the
/// same model. Returns whether it skipped it.
bool expectSkipIsExact(const std::string &Path, const std::string &Text) {
  llvm::Optional<PythonScriptModel> Skimmed = skimPython(Path, Text);
  if (!Skimmed)
    return false;
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>(Path, Text);
  A.Kind = FileKind::Python;
  analyzePythonFully(A, FrontendLimits());
  const auto *M = A.model<PythonScriptModel>();
  std::string What = Path + " (" + std::to_string(Text.size()) + " bytes)";
  EXPECT_TRUE(M) << What;
  if (!M)
    return true;
  EXPECT_TRUE(A.Diags.empty()) << What;
  EXPECT_TRUE(A.Shell.empty()) << What;
  EXPECT_TRUE(M->Bootstrap.empty()) << What;
  EXPECT_TRUE(M->AdminWork.empty()) << What;
  EXPECT_TRUE(M->Config.empty()) << What;
  EXPECT_EQ(M->Framework, "") << What;
  EXPECT_FALSE(M->DefinesFlaskApp) << What;
  EXPECT_FALSE(M->DefinesDjangoApp) << What;
  EXPECT_EQ(Skimmed->FrameworkCommand, M->FrameworkCommand) << What;
  EXPECT_EQ(Skimmed->Standalone, M->Standalone) << What;
  EXPECT_EQ(Skimmed->StandaloneRange.Begin, M->StandaloneRange.Begin) << What;
  EXPECT_EQ(Skimmed->StandaloneRange.End, M->StandaloneRange.End) << What;
  return true;
}

/// Every .py file under Root, by its path relative to Root's parent.
void collectPython(const std::string &Root,
                   std::vector<std::pair<std::string, std::string>> &Out) {
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator I(Root, EC), E;
       I != E && !EC; I.increment(EC)) {
    if (llvm::sys::path::extension(I->path()) != ".py")
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(I->path());
    if (!Buffer)
      continue;
    llvm::StringRef Rel = I->path();
    Rel.consume_front(llvm::sys::path::parent_path(Root));
    Out.push_back({Rel.ltrim('/').str(), (*Buffer)->getBuffer().str()});
  }
}

/// The .py files of tests/ and examples/, and of the directory that
/// ADMINLINT_PYTHON_CORPUS names (a benchmark tree, say).
std::vector<std::pair<std::string, std::string>> pythonCorpus() {
  std::vector<std::pair<std::string, std::string>> Files;
  collectPython(ADMINLINT_SOURCE_DIR "/tests", Files);
  collectPython(ADMINLINT_SOURCE_DIR "/examples", Files);
  if (const char *Extra = std::getenv("ADMINLINT_PYTHON_CORPUS"))
    collectPython(Extra, Files);
  return Files;
}

/// Texts derived from Text: itself and its prefixes that end at a line end
/// or one byte short of it, which cut strings and brackets open.
std::vector<llvm::StringRef> prefixes(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Out{Text};
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n') {
      Out.push_back(Text.take_front(I));
      Out.push_back(Text.take_front(I + 1));
    }
  return Out;
}

TEST(PythonSkimTest, ShapeIsParsesOnEveryCorpusFileAndPrefix) {
  auto Files = pythonCorpus();
  ASSERT_GE(Files.size(), 20u);
  for (const auto &[Path, Text] : Files)
    for (llvm::StringRef Prefix : prefixes(Text))
      expectSkimShapeIsParses(Path + " @" + std::to_string(Prefix.size()),
                              Prefix);
}

TEST(PythonSkimTest, SkippedFilesHaveNothingOnEveryCorpusFileAndPrefix) {
  unsigned Skipped = 0, Total = 0;
  for (const auto &[Path, Text] : pythonCorpus())
    for (llvm::StringRef Prefix : prefixes(Text))
      for (const std::string &P : {Path, std::string("pkg/module.py")}) {
        ++Total;
        Skipped += expectSkipIsExact(P, Prefix.str());
      }
  // The corpus is mostly admin scripts, yet some prefixes must be skipped.
  EXPECT_GT(Skipped, 0u);
  EXPECT_LT(Skipped, Total);
}

TEST(PythonSkimTest, AnImportedModuleIsSkipped) {
  std::string Module = "import os\n"
                       "import sys\n\n\n"
                       "def handler(event, context):\n"
                       "    \"\"\"Handle one event.\"\"\"\n"
                       "    total = 0\n"
                       "    for i in range(100):\n"
                       "        total += i\n"
                       "    return {\"ok\": True, \"path\": os.getcwd()}\n";
  llvm::Optional<PythonScriptModel> M = skimPython("svc/handler.py", Module);
  ASSERT_TRUE(M);
  EXPECT_FALSE(M->Standalone);
  EXPECT_TRUE(expectSkipIsExact("svc/handler.py", Module));
  EXPECT_TRUE(expectSkipIsExact("scripts/backfill_orders.py", Module));
}

TEST(PythonSkimTest, NamesThatMatterNeedTheFullRead) {
  for (const char *Text :
       {"Order.objects.update(paid=True)\n",
        "conn.execute('DELETE')\n",
        "subprocess.run('ls', shell=True)\n",
        "subprocess.run(['ls'])\n",
        "os.system('ls')\n",
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'x'\n",
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'x')\n",
        "sys.path . insert(0, '..')\n",
        "django.setup()\n",
        "with app.app_context():\n    pass\n",
        "app = Flask(__name__)\n",
        "def create_app():\n    pass\n",
        "@shared_task\ndef f():\n    pass\n",
        "@cli.command()\ndef f():\n    pass\n",
        "class A(models.Model):\n    pass\n",
        "class C(BaseCommand):\n    pass\n",
        "x = f().save()\n",
        "print('oops\n",
        "f(\n",
        "os.environ.__setitem__('K', 'v')\n"}) {
    EXPECT_FALSE(skimPython("pkg/module.py", Text)) << Text;
    expectSkimShapeIsParses(Text, Text);
  }
  // Literal config is read (ADM103) only in admin code: an admin-named
  // script needs the full read, an imported module does not.
  for (const char *Text :
       {"X = 'a'\n", "f(k='v')\n", "{'k': 'v'}\n", "X: str = 'a'\n",
        "'postgres://u:p@db.example.com/x'\n", "log('/srv/app/prod.ini')\n",
        "log('/s\\x72v/app/prod.ini')\n"}) {
    EXPECT_FALSE(skimPython("scripts/fix_records.py", Text)) << Text;
    EXPECT_TRUE(expectSkipIsExact("pkg/module.py", Text)) << Text;
  }
  for (const char *Text :
       {"d.update(x)\n", "items.append(1)\n", "os.environ.get('HOME')\n",
        "asyncio.run(main())\n", "sys.path\n"})
    EXPECT_TRUE(expectSkipIsExact("pkg/module.py", Text)) << Text;
}

TEST(PythonSkimTest, ShapeOfMainGuardsAndTopLevelCode) {
  for (const char *Text : {"#!/usr/bin/env python\nx = 1\n",
                           "\xEF\xBB\xBF#!/bin/python\n",
                           "if __name__ == '__main__':\n    main()\n",
                           "if __name__ == \"\\x5f_main__\": main()\n",
                           "if __name__ == f'__main__' : main()\n",
                           "if __name__ == {'a': '__main__'}:\n    pass\n",
                           "if __name__ == '__main__'\n",
                           "x = 1; main()\n",
                           "main(); x = 1\n",
                           "log = get_logger()\n",
                           "for i in x:\n    pass\n",
                           "print((a, b) )\n",
                           "x **= f()\n",
                           "x += f()\n",
                           "(f)()\n",
                           "if x:\n    f()\n",
                           "  f()\n",
                           "f(a,\n  b)\n",
                           "@deco\ndef f(): pass\n",
                           "x = 1 \\\n  + f()\n",
                           "async def f(): pass\n"}) {
    expectSkimShapeIsParses(Text, Text);
    expectSkipIsExact("pkg/module.py", Text);
  }
}

} // namespace
