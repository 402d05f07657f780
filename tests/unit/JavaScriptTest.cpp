#include "lib/Parse/JavaScript.h"
#include "FrontendTestSupport.h"
#include "lib/Model/PythonScript.h"
#include "gtest/gtest.h"

using namespace adminlint;
using script::Call;
using script::LiteralKind;

static const Call *findCall(const script::Script &S, llvm::StringRef Method) {
  for (const Call &C : S.Calls)
    if (C.Method == Method)
      return &C;
  return nullptr;
}

TEST(JavaScriptReader, StringsTemplatesAndCommentsHaveExactRanges) {
  std::string Text = "// require('../db')\n"
                     "const a = 'it\\'s', b = \"x\\ty\";\n"
                     "/* knex({}) */ const t = `n ${f(`in ${g()}`)} m`;\n";
  js::Module M = js::parse(Text);
  const script::Script &S = M.Script;
  ASSERT_TRUE(S.Errors.empty()) << S.Errors.front().Message;
  ASSERT_EQ(S.Strings.size(), 4u);
  EXPECT_EQ(S.Strings[0].Value.text(), "it's");
  EXPECT_EQ(hostOf(Text, S.Strings[1].Value, "\t"), "\\t");
  EXPECT_EQ(hostText(Text, S.Strings[2].Range), "`n ${f(`in ${g()}`)} m`");
  EXPECT_TRUE(S.Strings[2].Interpolated);
  EXPECT_EQ(S.Strings[2].Value.text(), "n ${f(`in ${g()}`)} m");
  EXPECT_EQ(hostText(Text, S.Strings[3].Range), "`in ${g()}`");
  EXPECT_TRUE(M.Imports.empty());
  EXPECT_EQ(findCall(S, "knex"), nullptr);
  ASSERT_NE(findCall(S, "g"), nullptr);
  EXPECT_EQ(S.Comments.size(), 2u);
}

TEST(JavaScriptReader, RegexOrDivision) {
  std::string Text = "const r = /a\\/b[/]c/gi; const d = x / y / z;\n"
                     "if (ok) { return /'/.test(s); }\n";
  js::Module M = js::parse(Text);
  const script::Script &S = M.Script;
  ASSERT_TRUE(S.Errors.empty()) << S.Errors.front().Message;
  ASSERT_EQ(S.Strings.size(), 2u);
  EXPECT_EQ(S.Strings[0].Kind, LiteralKind::Regex);
  EXPECT_EQ(hostText(Text, S.Strings[0].Range), "/a\\/b[/]c/gi");
  EXPECT_EQ(hostText(Text, S.Strings[1].Range), "/'/");
}

TEST(JavaScriptReader, ImportsRequiresGuardsAndCalls) {
  std::string Text = "#!/usr/bin/env node\n"
                     "import { Pool } from \"pg\";\n"
                     "const db = require('../src/db');\n"
                     "export async function up() {}\n"
                     "if (require.main === module) {\n"
                     "  new Pool({}).query(sql`DELETE FROM x`);\n"
                     "}\n";
  js::Module M = js::parse(Text);
  ASSERT_EQ(M.Imports.size(), 2u);
  EXPECT_EQ(M.Imports[0].Module, "pg");
  EXPECT_EQ(hostText(Text, M.Imports[0].Range), "import { Pool } from \"pg\"");
  EXPECT_EQ(M.Imports[1].Module, "../src/db");
  ASSERT_TRUE(M.MainGuard.hasValue());
  EXPECT_EQ(hostText(Text, *M.MainGuard), "require.main === module");
  EXPECT_EQ(hostText(Text, *M.Script.Shebang), "#!/usr/bin/env node");
  EXPECT_EQ(findCall(M.Script, "up"), nullptr);
  const Call *Pool = findCall(M.Script, "Pool");
  ASSERT_NE(Pool, nullptr);
  EXPECT_TRUE(Pool->IsNew);
  EXPECT_EQ(hostText(Text, Pool->Range), "new Pool({})");
  const Call *Query = findCall(M.Script, "query");
  ASSERT_NE(Query, nullptr);
  EXPECT_EQ(Query->Callee, "Pool().query");
  const Call *Sql = findCall(M.Script, "sql");
  ASSERT_NE(Sql, nullptr);
  ASSERT_EQ(Sql->Args.size(), 1u);
  EXPECT_EQ(hostText(Text, Sql->Range), "sql`DELETE FROM x`");
}

TEST(JavaScriptReader, UnterminatedAndDeepInputIsBounded) {
  js::Module M = js::parse("const s = 'open\nconst t = 1;\n");
  ASSERT_FALSE(M.Script.Errors.empty());
  EXPECT_EQ(M.Script.Errors.front().Message, "unterminated string");
  EXPECT_EQ(M.Script.Tokens.back().Text, ";");
  js::Module Deep = js::parse(std::string(5000, '['));
  ASSERT_FALSE(Deep.Script.Errors.empty());
  EXPECT_TRUE(Deep.Script.Errors.back().LimitExceeded);
}

TEST(JavaScriptFrontend, ConnectionAdminWorkAndShell) {
  std::string Text = "const { execSync } = require('child_process');\n"
                     "const knex = require('knex')({ client: 'pg' });\n"
                     "(async () => {\n"
                     "  await knex('users').where({ a: 1 }).update({ a: 2 });\n"
                     "  execSync('npx knex migrate:latest');\n"
                     "})();\n";
  FileAnalysis A = analyzeAs(FileKind::JavaScript, "scripts/fix.js", Text);
  const auto *M = A.model<PythonScriptModel>();
  ASSERT_NE(M, nullptr);
  EXPECT_TRUE(M->Standalone);
  EXPECT_EQ(M->Framework, "node");
  ASSERT_EQ(M->Bootstrap.size(), 1u);
  EXPECT_EQ(hostText(Text, M->Bootstrap[0].Range),
            "require('knex')({ client: 'pg' })");
  ASSERT_EQ(M->AdminWork.size(), 1u);
  EXPECT_EQ(M->AdminWork[0].What, "calls knex().where().update()");
  ASSERT_EQ(A.Shell.size(), 1u);
  EXPECT_EQ(A.Shell[0].Host, ShellHost::JavaScriptString);
  EXPECT_EQ(hostText(Text, A.Shell[0].Script.Commands[0].Words[2].Range),
            "migrate:latest");
}

TEST(JavaScriptFrontend, ModulesAndMigrationsAreNotAdminScripts) {
  FileAnalysis Module =
      analyzeAs(FileKind::JavaScript, "scripts/lib/util.js",
                "module.exports = function (x) { return x.save(); };\n");
  EXPECT_EQ(Module.model<PythonScriptModel>(), nullptr);
  FileAnalysis Hash = analyzeAs(
      FileKind::JavaScript, "scripts/hash.js",
      "const crypto = require('crypto');\n"
      "console.log(crypto.createHash('sha1').update('x').digest('hex'));\n");
  EXPECT_EQ(Hash.model<PythonScriptModel>(), nullptr);
  FileAnalysis Migration =
      analyzeAs(FileKind::JavaScript, "db/migrations/1_x.js",
                "const db = require('../../src/db');\n"
                "exports.up = (knex) => knex('t').update({ a: 1 });\nrun();\n");
  ASSERT_NE(Migration.model<PythonScriptModel>(), nullptr);
  EXPECT_TRUE(Migration.model<PythonScriptModel>()->FrameworkCommand);
}

TEST(JavaScriptFrontend, AppDbModulesThroughRelativePathsAndAliases) {
  for (const char *Module : {"../src/db", "./models/index.js", "@/lib/database",
                             "~/server/db/index.ts"}) {
    std::string Text =
        std::string("const db = require('") + Module + "');\nmain();\n";
    FileAnalysis A = analyzeAs(FileKind::JavaScript, "scripts/x.js", Text);
    const auto *M = A.model<PythonScriptModel>();
    ASSERT_NE(M, nullptr) << Module;
    ASSERT_EQ(M->Bootstrap.size(), 1u) << Module;
    EXPECT_EQ(hostText(Text, M->Bootstrap[0].Range),
              std::string("require('") + Module + "')");
  }
  for (const char *Module : {"db", "@scope/db", "../src/dbutils"}) {
    std::string Text =
        std::string("const db = require('") + Module + "');\nmain();\n";
    FileAnalysis A = analyzeAs(FileKind::JavaScript, "scripts/x.js", Text);
    EXPECT_EQ(A.model<PythonScriptModel>(), nullptr) << Module;
  }
}

TEST(JavaScriptFrontend, KeywordNamedMethodsAreCalls) {
  std::string Text = "const db = require('../src/db');\n"
                     "await db('sessions').where('expired', true).delete();\n";
  FileAnalysis A = analyzeAs(FileKind::JavaScript, "scripts/purge.js", Text);
  const auto *M = A.model<PythonScriptModel>();
  ASSERT_NE(M, nullptr);
  ASSERT_EQ(M->AdminWork.size(), 1u);
  EXPECT_EQ(M->AdminWork[0].What, "calls db().where().delete()");
}
