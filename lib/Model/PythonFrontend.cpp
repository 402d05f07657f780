//===- PythonFrontend.cpp - Python admin scripts and their command strings ===//
#include "lib/Model/AdminCommand.h"
#include "lib/Model/ArgvCommand.h"
#include "lib/Model/ConfigLiteral.h"
#include "lib/Model/PythonScript.h"
#include "lib/Parse/Python.h"
#include "lib/Parse/Shell.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"
#include <set>

using namespace llvm;

namespace adminlint {

static bool hasImport(const python::Script &S, StringRef Module) {
  for (const std::string &M : S.Imports)
    if (StringRef(M) == Module ||
        StringRef(M).startswith((Module + Twine(".")).str()))
      return true;
  return false;
}

static StringRef lastComponent(StringRef Dotted) {
  return Dotted.rsplit('.').second.empty() ? Dotted : Dotted.rsplit('.').second;
}

static bool anyCallEndsWith(const python::Script &S, StringRef Suffix) {
  for (const python::Call &C : S.Calls)
    if (StringRef(C.Callee).endswith(Suffix))
      return true;
  return false;
}

static Optional<std::string> literalArg(const python::Call &C, unsigned I) {
  const python::Argument *A = C.positional(I);
  if (!A || !A->Val.Literal)
    return None;
  return A->Val.Literal->text();
}

/// Whether a call of Callee may bootstrap the app (findBootstrap).
static bool mayBootstrap(StringRef Callee) {
  return Callee == "django.setup" || Callee == "setup" ||
         Callee == "os.environ.setdefault" || Callee == "os.putenv" ||
         Callee == "sys.path.insert" || Callee == "sys.path.append" ||
         Callee.endswith("app_context");
}

static void findBootstrap(const python::Script &S, PythonScriptModel &M) {
  bool CreatesApp = anyCallEndsWith(S, "create_app");
  for (const python::Call &C : S.Calls) {
    StringRef Callee = C.Callee;
    if (Callee == "django.setup" ||
        (Callee == "setup" && hasImport(S, "django"))) {
      M.Bootstrap.push_back({"calls django.setup()", C.Range});
      M.Framework = "django";
    } else if ((Callee == "os.environ.setdefault" || Callee == "os.putenv") &&
               literalArg(C, 0) == std::string("DJANGO_SETTINGS_MODULE")) {
      M.Bootstrap.push_back({"sets DJANGO_SETTINGS_MODULE", C.Range});
      M.Framework = "django";
    } else if (Callee == "sys.path.insert" || Callee == "sys.path.append") {
      M.Bootstrap.push_back({"edits sys.path", C.Range});
    } else if (Callee.endswith("app_context")) {
      M.Bootstrap.push_back({CreatesApp ? "creates the app with create_app() "
                                          "and pushes its app_context()"
                                        : "pushes the app's app_context()",
                             C.Range});
      M.Framework = "flask";
    }
  }
  for (const python::Assignment &A : S.Assignments)
    if (A.Target == "os.environ" && A.Key == "DJANGO_SETTINGS_MODULE") {
      M.Bootstrap.push_back({"sets DJANGO_SETTINGS_MODULE", A.TargetRange});
      M.Framework = "django";
    }
  std::sort(M.Bootstrap.begin(), M.Bootstrap.end(),
            [](const PythonFact &A, const PythonFact &B) {
              return A.Range.Begin < B.Range.Begin;
            });
}

static bool isDataWrite(StringRef Callee) {
  if (Callee == "call_command" || Callee.endswith(".call_command"))
    return true;
  if (Callee.startswith("os.") || Callee.startswith("self.") ||
      !Callee.contains('.'))
    return false;
  StringRef Method = lastComponent(Callee);
  return StringSwitch<bool>(Method)
      .Cases("save", "delete", "bulk_create", "bulk_update", true)
      .Cases("get_or_create", "update_or_create", "commit", true)
      .Cases("execute", "executemany", "executescript", true)
      .Case("update", Callee.contains("objects") || Callee.contains("query"))
      .Case("create", Callee.contains("objects"))
      .Default(false);
}

static void findAdminWork(const python::Script &S, PythonScriptModel &M) {
  for (const python::Call &C : S.Calls)
    if (isDataWrite(C.Callee))
      M.AdminWork.push_back({"calls " + C.Callee + "()", C.Range});
}

static bool isFrameworkCommandPath(StringRef Path) {
  return Path.contains("/management/commands/") ||
         Path.startswith("management/commands/") ||
         Path.contains("migrations/") || Path.endswith("alembic/env.py") ||
         Path == "manage.py" || Path.endswith("/manage.py") ||
         Path.endswith("wsgi.py") || Path.endswith("asgi.py") ||
         Path.endswith("conftest.py");
}

static bool isDjangoAppBase(StringRef Base) {
  return lastComponent(Base) == "AppConfig" || Base == "models.Model";
}

static bool isCommandBase(StringRef Base) {
  StringRef Name = lastComponent(Base);
  return Name == "BaseCommand" || Name == "Migration";
}

static bool isCommandDecorator(StringRef D) {
  return D.endswith("cli.command") || D == "click.command" ||
         D.endswith("manager.command") || D == "with_appcontext" ||
         D.endswith(".task") || D == "shared_task";
}

static bool isFlaskApp(StringRef Callee) {
  return Callee == "Flask" || Callee == "flask.Flask";
}

static void findShape(const python::Script &S, StringRef Path,
                      PythonScriptModel &M) {
  M.Standalone = S.Shebang || S.MainGuard || S.HasTopLevelCode;
  if (S.Shebang)
    M.StandaloneRange = *S.Shebang;
  else if (S.MainGuard)
    M.StandaloneRange = *S.MainGuard;
  for (const python::Call &C : S.Calls)
    M.DefinesFlaskApp |= isFlaskApp(C.Callee);
  for (unsigned I = 0; I + 1 < S.Tokens.size(); ++I)
    M.DefinesFlaskApp |=
        S.Tokens[I].Text == "def" && S.Tokens[I + 1].Text == "create_app";
  for (StringRef Base : S.BaseClasses) {
    M.DefinesDjangoApp |= isDjangoAppBase(Base);
    M.FrameworkCommand |= isCommandBase(Base);
  }
  for (StringRef D : S.Decorators)
    M.FrameworkCommand |= isCommandDecorator(D);
  M.FrameworkCommand |= isFrameworkCommandPath(Path);
}

static void addConfig(PythonScriptModel &M, std::set<uint32_t> &Seen,
                      StringRef Name, const python::Value &V) {
  if (!V.Literal || !Seen.insert(V.Range.Begin).second)
    return;
  M.Config.push_back({Name.str(), V.Literal->text(), V.Range});
}

static void findConfig(const python::Script &S, PythonScriptModel &M) {
  std::set<uint32_t> Seen;
  for (const python::Assignment &A : S.Assignments) {
    StringRef Name = A.IsDictEntry || A.Target == "os.environ"
                         ? StringRef(A.Key)
                         : lastComponent(A.Target);
    if (!Name.empty())
      addConfig(M, Seen, Name, A.Val);
  }
  for (const python::Call &C : S.Calls) {
    bool SetsEnv = C.Callee == "os.environ.setdefault" ||
                   C.Callee == "os.putenv" ||
                   C.Callee == "os.environ.__setitem__";
    Optional<std::string> Name = literalArg(C, 0);
    if (SetsEnv && Name && C.positional(1))
      addConfig(M, Seen, *Name, C.positional(1)->Val);
    for (const python::Argument &A : C.Args)
      if (!A.Keyword.empty() && A.Keyword != "*" && A.Keyword != "**")
        addConfig(M, Seen, A.Keyword, A.Val);
  }
  for (const python::StringLiteral &L : S.Strings) {
    if (Seen.count(L.Range.Begin) || !classifyConfigLiteral(L.Value.text()))
      continue;
    Seen.insert(L.Range.Begin);
    M.Config.push_back({"", L.Value.text(), L.Range});
  }
  std::sort(M.Config.begin(), M.Config.end(),
            [](const PythonConfigLiteral &A, const PythonConfigLiteral &B) {
              return A.Range.Begin < B.Range.Begin;
            });
}

/// Whether Callee runs its first argument through a shell whatever its
/// keywords.
static bool alwaysRunsShell(StringRef Callee) {
  return Callee == "os.system" || Callee == "os.popen" ||
         Callee == "subprocess.getoutput" ||
         Callee == "subprocess.getstatusoutput" ||
         Callee == "commands.getoutput";
}

/// Whether a call runs its first argument through a shell.
static bool runsShellString(const python::Call &C) {
  StringRef Callee = C.Callee;
  if (alwaysRunsShell(Callee))
    return true;
  const python::Argument *Shell = C.keyword("shell");
  if (!Shell || Shell->Val.Text != "True")
    return false;
  StringRef Fn = lastComponent(Callee);
  return StringSwitch<bool>(Fn)
      .Cases("run", "call", "check_call", "check_output", "Popen", true)
      .Default(false);
}

static bool runsArgv(StringRef Callee) {
  return StringSwitch<bool>(Callee)
      .Cases("subprocess.run", "subprocess.call", "subprocess.check_call", true)
      .Cases("subprocess.check_output", "subprocess.Popen", true)
      .Cases("os.execvp", "os.execv", "os.spawnvp", true)
      .Default(false);
}

static const python::Argument *commandArgument(const python::Call &C) {
  if (const python::Argument *A = C.keyword("args"))
    return A;
  if (const python::Argument *A = C.keyword("cmd"))
    return A;
  if (const python::Argument *A = C.keyword("command"))
    return A;
  return C.positional(0);
}

static void findShell(const python::Script &S, FileAnalysis &A,
                      const FrontendLimits &Limits) {
  shell::ParseOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  for (const python::Call &C : S.Calls) {
    const python::Argument *Arg = commandArgument(C);
    if (!Arg)
      continue;
    ShellUnit U;
    U.Host = ShellHost::PythonString;
    U.Label = C.Callee;
    if (Arg->Val.Literal && runsShellString(C)) {
      U.Script = shell::parse(*Arg->Val.Literal, Opts);
      A.addShellErrors(U.Script);
    } else if (Arg->Val.IsSequence && !Arg->Val.Items.empty() &&
               runsArgv(C.Callee)) {
      U.Script = argvScript(Arg->Val.Items, Arg->Val.Range);
    } else {
      continue;
    }
    A.Shell.push_back(std::move(U));
  }
}

/// Whether W is Word, comparing the first byte before the rest.
template <size_t N> static bool is(StringRef W, const char (&Word)[N]) {
  return W.size() == N - 1 && W[0] == Word[0] && W == StringRef(Word, N - 1);
}

/// Whether Word is the last part of a dotted name that one of the
/// predicates of mayMatter() accepts; most names are none of these, so this
/// is asked first.
static bool isTriggerWord(StringRef W) {
  switch (W.size()) {
  case 3:
    return is(W, "run");
  case 4:
    return is(W, "save") || is(W, "call") || is(W, "task");
  case 5:
    return is(W, "Flask") || is(W, "Popen") || is(W, "popen") ||
           is(W, "setup") || is(W, "shell") || is(W, "Model") || is(W, "execv");
  case 6:
    return is(W, "append") || is(W, "insert") || is(W, "putenv") ||
           is(W, "delete") || is(W, "commit") || is(W, "update") ||
           is(W, "create") || is(W, "system") || is(W, "execvp");
  case 7:
    return is(W, "execute") || is(W, "environ") || is(W, "spawnvp") ||
           is(W, "command");
  case 9:
    return is(W, "AppConfig") || is(W, "getoutput") || is(W, "Migration");
  case 10:
    return is(W, "setdefault") || is(W, "check_call");
  case 11:
    return is(W, "executemany") || is(W, "bulk_create") ||
           is(W, "bulk_update") || is(W, "shared_task") ||
           is(W, "BaseCommand") || is(W, "__setitem__");
  case 12:
    return is(W, "call_command") || is(W, "check_output");
  case 13:
    return is(W, "executescript") || is(W, "get_or_create");
  case 15:
    return is(W, "with_appcontext") || is(W, "getstatusoutput");
  case 16:
    return is(W, "update_or_create");
  default:
    return false;
  }
}

/// Whether a dotted name may give the file a fact the checks read: a call
/// that bootstraps, writes data, runs shell code or creates a Flask app; an
/// os.environ subscript (DJANGO_SETTINGS_MODULE) or __setitem__ (Config); a
/// `shell=` keyword; `def create_app`; a base class or decorator that tells the
/// framework. Each finder above needs one of these, so a file with none has no
/// such fact.
static bool mayMatter(StringRef Dotted, char Next) {
  if (Dotted.startswith("create_app"))
    return true;
  StringRef Last = Dotted.substr(Dotted.rfind('.') + 1);
  if (!isTriggerWord(Last) && !Last.endswith("app_context"))
    return false;
  if (Next == '(' &&
      (mayBootstrap(Dotted) || isDataWrite(Dotted) || alwaysRunsShell(Dotted) ||
       runsArgv(Dotted) || isFlaskApp(Dotted)))
    return true;
  if (Next == '(' && Dotted == "os.environ.__setitem__")
    return true;
  if (Next == '[' && Dotted == "os.environ")
    return true;
  if (Next == '=' && Dotted == "shell")
    return true;
  return isDjangoAppBase(Dotted) || isCommandBase(Dotted) ||
         isCommandDecorator(Dotted);
}

/// Whether findConfig may keep a literal: the first of an assignment's,
/// keyword argument's or dict entry's value, or a bare literal that
/// classifyConfigLiteral accepts.
static bool mayBeConfig(StringRef Value, bool AfterValueOp) {
  return AfterValueOp || classifyConfigLiteral(Value);
}

static bool neverConfig(StringRef, bool) { return false; }

/// Whether a check may read the file's Config: ADM103 reads it only in admin
/// code (it bootstraps the app, does admin work, or is named like an admin
/// script), so other files, most of a repository's Python, skip collecting
/// it. Bootstrap and admin work are found only after mayMatter() asked for a
/// full parse, so the skim needs only the name.
static bool configReadable(StringRef Path, const PythonScriptModel &M) {
  return !M.Bootstrap.empty() || !M.AdminWork.empty() ||
         AdminMatcher::isAdminScriptName(Path);
}

Optional<PythonScriptModel> skimPython(StringRef Path, StringRef Text) {
  bool AdminName = AdminMatcher::isAdminScriptName(Path);
  python::Skim K =
      python::skim(Text, mayMatter, AdminName ? mayBeConfig : neverConfig);
  if (K.NeedsParse)
    return None;
  PythonScriptModel M;
  M.Standalone = K.Shebang || K.MainGuard || K.HasTopLevelCode;
  if (K.Shebang)
    M.StandaloneRange = *K.Shebang;
  else if (K.MainGuard)
    M.StandaloneRange = *K.MainGuard;
  M.FrameworkCommand = isFrameworkCommandPath(Path);
  return M;
}

void analyzePython(FileAnalysis &A, const FrontendLimits &Limits) {
  if (Optional<PythonScriptModel> M =
          skimPython(A.File->path(), A.File->text())) {
    A.Model = std::make_shared<PythonScriptModel>(std::move(*M));
    return;
  }
  analyzePythonFully(A, Limits);
}

void analyzePythonFully(FileAnalysis &A, const FrontendLimits &Limits) {
  StringRef Text = A.File->text();
  python::Script S = python::parse(Text);
  // Later errors are mostly cascades of the first one.
  if (!S.Errors.empty())
    A.addDiag(RuleId::ParseError, S.Errors.front().Range,
              "python: " + S.Errors.front().Message);
  auto M = std::make_shared<PythonScriptModel>();
  findShape(S, A.File->path(), *M);
  findBootstrap(S, *M);
  findAdminWork(S, *M);
  if (configReadable(A.File->path(), *M))
    findConfig(S, *M);
  findShell(S, A, Limits);
  A.Model = std::move(M);
}

} // namespace adminlint
