//===- JavaScriptFrontend.cpp - Node admin scripts and their commands -----===//
//
// Describes a JavaScript or TypeScript file with the PythonScriptModel facts
// ADM101 reads: whether it runs as a program, how it opens the app's database
// by itself (requiring the app's db module, `new Sequelize(…)`, `knex(config)`,
// `mongoose.connect(…)`, `new Pool(…)` of pg, `createConnection(…)` of
// mysql, `new PrismaClient()`), and the admin work it does (ORM and query
// builder writes, SQL). Command strings of child_process, zx and execa become
// shell units.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/ScriptFacts.h"
#include "lib/Parse/JavaScript.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {

using script::Call;
using script::Script;

static bool imports(const js::Module &Mod,
                    std::initializer_list<StringRef> Any) {
  for (const js::Import &I : Mod.Imports)
    for (StringRef M : Any)
      if (StringRef(I.Module) == M ||
          StringRef(I.Module) == ("node:" + M).str())
        return true;
  return false;
}

/// `../src/db`, `./models/index.js`, `@/lib/database`: a relative module (or
/// one through the usual `@/` and `~/` source aliases) that is the app's
/// database layer.
static bool isAppDbModule(StringRef Module) {
  bool Relative = Module.startswith("./") || Module.startswith("../");
  if (!Relative && !Module.startswith("@/") && !Module.startswith("~/"))
    return false;
  StringRef Path = Module;
  for (StringRef Ext : {".js", ".ts", ".mjs", ".cjs"})
    Path.consume_back(Ext);
  Path.consume_back("/index");
  StringRef Last = sys::path::filename(Path, sys::path::Style::posix);
  return StringSwitch<bool>(Last)
      .Cases("db", "database", "models", "knex", "knexfile", "prisma", true)
      .Cases("sequelize", "data-source", "datasource", "connection", true)
      .Default(false);
}

static std::string shown(const Call &C) {
  return (C.IsNew ? "new " : "") + C.Callee + "()";
}

/// `new Sequelize(…)`, `mongoose.connect(…)`, `new Pool(…)` of pg, ...
static bool opensConnection(const js::Module &Mod, const Call &C) {
  StringRef M = C.Method;
  if (C.IsNew &&
      (M == "Sequelize" || M == "PrismaClient" || M == "MongoClient"))
    return true;
  if (C.IsNew && (M == "Pool" || M == "Client"))
    return C.Root == "pg" || imports(Mod, {"pg", "pg-pool"});
  if (C.IsNew && M == "DataSource")
    return imports(Mod, {"typeorm"});
  if ((C.Root == "mongoose" || C.Root == "MongoClient") &&
      (M == "connect" || M == "createConnection"))
    return true;
  if (M == "createConnection" || M == "createPool")
    return C.Root == "mysql" || C.Root == "mysql2" ||
           imports(Mod,
                   {"mysql", "mysql2", "mysql2/promise", "mariadb", "typeorm"});
  bool Knex = (M == "knex" || M == "Knex") &&
              (!C.HasReceiver || C.Root == "knex" || C.Root == "Knex");
  return Knex && !C.Args.empty() && !C.Args.front().Literal;
}

/// `require("knex")(config)`: the call that follows a require of knex.
static Optional<SourceRange> requiredKnexCall(const Script &S, const Call &C) {
  if (C.Method != "require" || C.HasReceiver || C.Args.empty())
    return None;
  const script::StringLiteral *L = S.literal(C.Args.front());
  if (!L || L->Value.text() != "knex")
    return None;
  unsigned Open = C.NameToken + 1;
  if (Open >= S.Tokens.size() || S.Tokens[Open].Partner == script::NoPartner)
    return None;
  unsigned Next = S.Tokens[Open].Partner + 1;
  if (Next >= S.Tokens.size() || S.Tokens[Next].Text != "(" ||
      S.Tokens[Next].Partner == script::NoPartner)
    return None;
  return SourceRange{C.Range.Begin, S.Tokens[S.Tokens[Next].Partner].Range.End};
}

static void findBootstrap(const js::Module &Mod, PythonScriptModel &M) {
  for (const js::Import &I : Mod.Imports)
    if (isAppDbModule(I.Module))
      M.Bootstrap.push_back(
          {"requires the app's database module '" + I.Module + "'", I.Range});
  const Script &S = Mod.Script;
  for (const Call &C : S.Calls) {
    if (opensConnection(Mod, C))
      M.Bootstrap.push_back(
          {"opens its own database connection with " + shown(C), C.Range});
    else if (Optional<SourceRange> R = requiredKnexCall(S, C))
      M.Bootstrap.push_back(
          {"opens its own database connection with require(\"knex\")()", *R});
  }
  if (!M.Bootstrap.empty())
    M.Framework = "node";
}

/// Writes whatever the receiver (bulk and query-builder methods).
static bool isStrongWrite(StringRef Method) {
  return StringSwitch<bool>(Method)
      .Cases("updateMany", "deleteMany", "insertMany", "createMany", true)
      .Cases("bulkCreate", "bulkWrite", "bulkUpdate", "bulkDelete", true)
      .Cases("findOneAndUpdate", "findOneAndDelete", "findByIdAndUpdate", true)
      .Cases("findByIdAndDelete", "updateOne", "deleteOne", "insertOne", true)
      .Cases("replaceOne", "upsert", "truncate", "del", "save", true)
      .Cases("$executeRaw", "$executeRawUnsafe", true)
      .Default(false);
}

/// Writes when the chain starts at a model or the app's db handle.
static bool isModelWrite(StringRef Method) {
  return StringSwitch<bool>(Method)
      .Cases("update", "delete", "destroy", "create", "insert", true)
      .Cases("increment", "decrement", "remove", true)
      .Default(false);
}

static bool isBuiltinObject(StringRef Root) {
  return StringSwitch<bool>(Root)
      .Cases("Object", "Array", "Map", "Set", "WeakMap", "WeakSet", true)
      .Cases("JSON", "Math", "Promise", "Reflect", "Date", "String", true)
      .Cases("Number", "Buffer", "Symbol", "URL", "Intl", "Proxy", true)
      .Default(false);
}

static bool isDbRoot(const Call &C) {
  StringRef Root = C.Root;
  if (script::isCapitalized(Root))
    return !isBuiltinObject(Root);
  return StringSwitch<bool>(Root)
      .Cases("knex", "db", "trx", "tx", "prisma", "sequelize", true)
      .Cases("models", "queryInterface", "manager", "em", "repository", true)
      .Default(false);
}

static void findAdminWork(const Script &S, PythonScriptModel &M) {
  for (const Call &C : S.Calls) {
    if (!C.HasReceiver)
      continue;
    if (isStrongWrite(C.Method) || (isModelWrite(C.Method) && isDbRoot(C)))
      M.AdminWork.push_back({"calls " + C.Callee + "()", C.Range});
  }
  findSqlWrites(S, M);
}

/// Knex, Sequelize and TypeORM migrations and seeds run through their CLI.
static bool isFrameworkCommand(const Script &S, StringRef Path) {
  for (StringRef Dir : {"migrations/", "migration/", "seeds/", "seeders/"})
    if (Path.startswith(Dir) || Path.contains(("/" + Dir).str()))
      return true;
  if (sys::path::stem(Path, sys::path::Style::posix).startswith("knexfile"))
    return true;
  const std::vector<script::Token> &T = S.Tokens;
  for (unsigned I = 0; I + 1 < T.size(); ++I)
    if ((T[I].Text == "." || T[I].Text == "function") && T[I + 1].Text == "up")
      return true;
  return false;
}

static void findShape(const js::Module &Mod, StringRef Path,
                      PythonScriptModel &M) {
  const Script &S = Mod.Script;
  M.Standalone = S.Shebang || Mod.MainGuard || Mod.TopLevelCode;
  if (S.Shebang)
    M.StandaloneRange = *S.Shebang;
  else if (Mod.MainGuard)
    M.StandaloneRange = *Mod.MainGuard;
  else if (Mod.TopLevelCode)
    M.StandaloneRange = *Mod.TopLevelCode;
  M.FrameworkCommand = isFrameworkCommand(S, Path);
}

static bool isChildProcess(const js::Module &Mod, const Call &C) {
  if (C.HasReceiver)
    return C.Root == "child_process" || C.Root == "cp" ||
           C.Root == "childProcess";
  return imports(Mod, {"child_process"});
}

static void findShell(const js::Module &Mod, FileAnalysis &A,
                      const FrontendLimits &Limits) {
  const Script &S = Mod.Script;
  for (const Call &C : S.Calls) {
    if (C.Args.empty())
      continue;
    StringRef M = C.Method;
    const script::StringLiteral *First = S.literal(C.Args.front());
    bool String = (M == "exec" || M == "execSync") && isChildProcess(Mod, C);
    String |= !C.HasReceiver &&
              (M == "$" || M == "execaCommand" || M == "execaCommandSync");
    bool Argv = (M == "execFile" || M == "execFileSync" || M == "spawn" ||
                 M == "spawnSync") &&
                isChildProcess(Mod, C);
    Argv |= !C.HasReceiver && (M == "execa" || M == "execaSync");
    if (First && String) {
      addShellString(A, First->Value, C.Callee, ShellHost::JavaScriptString,
                     Limits);
    } else if (First && Argv) {
      std::vector<EmbeddedText> Words{First->Value};
      if (C.Args.size() > 1) {
        std::vector<EmbeddedText> Rest = literalItems(S, C.Args[1]);
        Words.insert(Words.end(), Rest.begin(), Rest.end());
      }
      addShellArgv(A, Words, C.Range, C.Callee, ShellHost::JavaScriptString);
    }
  }
}

void analyzeJavaScript(FileAnalysis &A, const FrontendLimits &Limits) {
  script::ParseOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  js::Module Mod = js::parse(A.File->text(), Opts);
  addReaderError(A, Mod.Script, "javascript");
  auto M = std::make_shared<PythonScriptModel>();
  findShape(Mod, A.File->path(), *M);
  findBootstrap(Mod, *M);
  findAdminWork(Mod.Script, *M);
  sortFacts(*M);
  findShell(Mod, A, Limits);
  // Only scripts that open the app's database by themselves stay in the
  // repository model (ADM101); other scripts are freed after their checks.
  if (M->Standalone && !M->Bootstrap.empty())
    A.Model = std::move(M);
}

} // namespace adminlint
