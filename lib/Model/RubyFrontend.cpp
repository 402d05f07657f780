//===- RubyFrontend.cpp - Ruby admin scripts and their command strings ----===//
//
// Describes a Ruby file with the PythonScriptModel facts ADM101 reads:
// whether it runs as a program, how it boots the app by itself
// (`require_relative "../config/environment"`, `establish_connection`), and
// the admin work it does (ActiveRecord writes, SQL). Command strings of
// `system`, `exec`, `spawn`, backticks and `%x(…)` become shell units.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/ScriptFacts.h"
#include "lib/Parse/Ruby.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {

using script::Call;
using script::Script;

static StringRef fileName(StringRef Path) {
  return sys::path::filename(Path, sys::path::Style::posix);
}

/// The files of Rails' own command mechanism: the Rakefile, rake tasks,
/// migrations, seeds and the binstubs Rails generates.
static bool isRailsCommandPath(StringRef Path) {
  StringRef Name = fileName(Path);
  if (Name == "Rakefile" || Name == "rakefile")
    return true;
  if (Path.contains("lib/tasks/") || Path.contains("db/migrate/") ||
      Path.contains("db/seeds/") || Path.endswith("db/seeds.rb"))
    return true;
  StringRef Dir = sys::path::parent_path(Path, sys::path::Style::posix);
  return fileName(Dir) == "bin" &&
         StringSwitch<bool>(Name)
             .Cases("rails", "rake", "setup", "update", "dev", "jobs", true)
             .Cases("bundle", "spring", true)
             .Default(false);
}

static bool isLoad(const Call &C) {
  return !C.HasReceiver &&
         (C.Method == "require" || C.Method == "require_relative" ||
          C.Method == "load");
}

/// `require_relative "../config/environment"`, `require
/// File.expand_path("../config/environment", __dir__)`, `require
/// File.join(root, "config", "environment")`.
static bool loadsEnvironment(const Script &S, const Call &C) {
  if (C.Args.empty())
    return false;
  bool SawConfig = false;
  for (unsigned I = C.Args.front().Begin; I < C.Args.back().End; ++I) {
    const script::Token &T = S.Tokens[I];
    if (T.Kind != script::TokenKind::String)
      continue;
    StringRef V = S.Strings[T.Literal].Value.text();
    V.consume_back(".rb");
    if (V == "config/environment" || V.endswith("/config/environment") ||
        (SawConfig && V == "environment"))
      return true;
    SawConfig |= V == "config" || V.endswith("/config");
  }
  return false;
}

static void findBootstrap(const Script &S, PythonScriptModel &M) {
  for (const Call &C : S.Calls) {
    StringRef Callee = C.Callee;
    if (isLoad(C) && loadsEnvironment(S, C))
      M.Bootstrap.push_back({"requires config/environment", C.Range});
    else if (Callee == "Rails.application.initialize!" ||
             Callee == "Rails.application.require_environment!")
      M.Bootstrap.push_back({"calls " + C.Callee, C.Range});
    else if ((C.Method == "establish_connection" && C.HasReceiver) ||
             Callee == "Sequel.connect" || Callee == "PG.connect" ||
             Callee == "PG::Connection.new" || Callee == "Mysql2::Client.new")
      M.Bootstrap.push_back(
          {"opens its own database connection with " + C.Callee, C.Range});
  }
  if (!M.Bootstrap.empty())
    M.Framework = "rails";
}

/// Writes whatever the receiver: ActiveRecord's bang and bulk methods.
static bool isStrongWrite(StringRef Method) {
  return StringSwitch<bool>(Method)
      .Cases("update_all", "delete_all", "destroy_all", "save!", true)
      .Cases("update!", "destroy!", "create!", "insert_all", true)
      .Cases("insert_all!", "upsert_all", "update_column", true)
      .Cases("update_columns", "update_attribute", "toggle!", true)
      .Cases("increment!", "decrement!", "touch_all", "delete_by", true)
      .Cases("destroy_by", "find_or_create_by!", "exec_update", true)
      .Cases("exec_delete", "exec_insert", "save", "destroy", true)
      .Default(false);
}

/// Writes when the chain starts at a model class: `User.where(…).update`.
static bool isModelWrite(StringRef Method) {
  return StringSwitch<bool>(Method)
      .Cases("update", "create", "delete", "insert", "upsert", true)
      .Cases("find_or_create_by", "create_or_find_by", true)
      .Default(false);
}

static bool isRubyLibraryClass(StringRef Root) {
  return StringSwitch<bool>(Root)
      .Cases("File", "Dir", "FileUtils", "Hash", "Array", "Set", true)
      .Cases("ENV", "JSON", "YAML", "String", "Struct", "OpenStruct", true)
      .Cases("Time", "Date", "DateTime", "Logger", "Kernel", "Process", true)
      .Cases("IO", "URI", "Net", "Digest", "Base64", "CSV", "Tempfile", true)
      .Default(false);
}

static bool isModelRoot(StringRef Root) {
  return script::isCapitalized(Root) && !isRubyLibraryClass(Root);
}

static void findAdminWork(const Script &S, PythonScriptModel &M) {
  for (const Call &C : S.Calls) {
    if (!C.HasReceiver)
      continue;
    if (isStrongWrite(C.Method) ||
        (isModelWrite(C.Method) && isModelRoot(C.Root)))
      M.AdminWork.push_back({"calls " + C.Callee, C.Range});
  }
  findSqlWrites(S, M);
}

static bool isModuleBoilerplate(const Call &C) {
  return !C.HasReceiver &&
         StringSwitch<bool>(C.Method)
             .Cases("require", "require_relative", "load", "gem", true)
             .Cases("include", "extend", "module_function", "private", true)
             .Cases("attr_reader", "attr_writer", "attr_accessor", true)
             .Default(false);
}

/// `if __FILE__ == $0` (or $PROGRAM_NAME, either side).
static Optional<SourceRange> mainGuard(const Script &S) {
  const std::vector<script::Token> &T = S.Tokens;
  auto IsProgram = [](StringRef W) {
    return W == "$0" || W == "$PROGRAM_NAME";
  };
  for (unsigned I = 0; I + 2 < T.size(); ++I) {
    if (T[I + 1].Text != "==")
      continue;
    bool Guard = (T[I].Text == "__FILE__" && IsProgram(T[I + 2].Text)) ||
                 (IsProgram(T[I].Text) && T[I + 2].Text == "__FILE__");
    if (Guard)
      return SourceRange{T[I].Range.Begin, T[I + 2].Range.End};
  }
  return None;
}

static bool isMigrationClass(const Script &S) {
  const std::vector<script::Token> &T = S.Tokens;
  for (unsigned I = 0; I + 2 < T.size(); ++I)
    if (T[I].Text == "ActiveRecord" && T[I + 1].Text == "::" &&
        T[I + 2].Text == "Migration")
      return true;
  return false;
}

static void findShape(const Script &S, StringRef Path, PythonScriptModel &M) {
  Optional<SourceRange> Guard = mainGuard(S);
  if (S.Shebang)
    M.StandaloneRange = *S.Shebang;
  else if (Guard)
    M.StandaloneRange = *Guard;
  M.Standalone = S.Shebang || Guard;
  bool RakeDsl = false;
  for (const Call &C : S.Calls) {
    if (!C.TopLevel || isModuleBoilerplate(C))
      continue;
    RakeDsl |=
        !C.HasReceiver && (C.Method == "task" || C.Method == "namespace");
    if (!M.Standalone)
      M.StandaloneRange = C.Range;
    M.Standalone = true;
  }
  M.FrameworkCommand =
      RakeDsl || isMigrationClass(S) || isRailsCommandPath(Path);
}

/// A shell call: Kernel's system/exec/spawn (and Rails' system!, Rake's sh),
/// Open3 and IO.popen.
static bool runsCommand(const Call &C) {
  if (!C.HasReceiver || C.Root == "Kernel")
    return StringSwitch<bool>(C.Method)
        .Cases("system", "system!", "exec", "spawn", "sh", true)
        .Default(false);
  if (C.Root == "Open3")
    return StringRef(C.Method).startswith("capture") ||
           StringRef(C.Method).startswith("popen") || C.Method == "pipeline";
  return C.Root == "IO" && C.Method == "popen";
}

static void findShell(const Script &S, FileAnalysis &A,
                      const FrontendLimits &Limits) {
  for (const Call &C : S.Calls) {
    if (!runsCommand(C))
      continue;
    std::vector<EmbeddedText> Argv;
    for (const script::Argument &Arg : C.Args) {
      const script::StringLiteral *L = S.literal(Arg);
      if (!L)
        break;
      Argv.push_back(L->Value);
    }
    if (Argv.size() == 1)
      addShellString(A, Argv.front(), C.Callee, ShellHost::RubyString, Limits);
    else
      addShellArgv(A, Argv, C.Range, C.Callee, ShellHost::RubyString);
  }
  for (const script::StringLiteral &L : S.Strings)
    if (L.Kind == script::LiteralKind::Command)
      addShellString(A, L.Value, "`…`", ShellHost::RubyString, Limits);
}

void analyzeRuby(FileAnalysis &A, const FrontendLimits &Limits) {
  script::ParseOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  StringRef Path = A.File->path();
  Script S = ruby::parse(A.File->text(), Opts);
  addReaderError(A, S, "ruby");
  auto M = std::make_shared<PythonScriptModel>();
  findShape(S, Path, *M);
  findBootstrap(S, *M);
  findAdminWork(S, *M);
  sortFacts(*M);
  findShell(S, A, Limits);
  // Only what ADM101 needs stays in the repository model: Rails' markers and
  // scripts that boot the app by themselves.
  StringRef Name = fileName(Path);
  bool Marker = Name == "Rakefile" || Name == "rakefile" ||
                Path == "bin/rails" || Path.endswith("/bin/rails");
  if (Marker || (M->Standalone && !M->Bootstrap.empty()))
    A.Model = std::move(M);
}

} // namespace adminlint
