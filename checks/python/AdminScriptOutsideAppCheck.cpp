//===- AdminScriptOutsideAppCheck.cpp - ADM101 admin-script-outside-app ---===//
//
// A standalone Python, Ruby or Node script performs an admin task and
// bootstraps the app on its own (django.setup(), DJANGO_SETTINGS_MODULE,
// sys.path edits, create_app() + app_context(), Rails' config/environment,
// its own database connection) while the repository has the framework's
// command mechanism (manage.py: management commands; a Flask app: the flask
// CLI; a Rakefile or bin/rails: rake tasks; artisan: Artisan commands;
// package.json: scripts). The message names where the task belongs.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "lib/Model/PythonScript.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include <nlohmann/json.hpp>

using namespace llvm;

namespace adminlint {
namespace {

/// The command mechanisms the repository offers.
struct Frameworks {
  bool Django = false; ///< a manage.py
  std::string
      DjangoApp; ///< directory of the first Django app (apps.py, models.py)
  bool Flask = false; ///< Flask(__name__) or create_app
  bool Rake = false;  ///< a Rakefile or bin/rails
  bool BinRails = false;
  std::string RakeDir;  ///< directory of the first Rakefile or bin/
  bool Laravel = false; ///< an artisan
  std::vector<const FileAnalysis *> Packages; ///< package.json files

  bool any() const {
    return Django || Flask || Rake || Laravel || !Packages.empty();
  }
};

} // namespace

static StringRef parentOf(StringRef Path) {
  return sys::path::parent_path(Path, sys::path::Style::posix);
}

static void firstDir(std::string &Best, StringRef Dir) {
  if (Best.empty() || Dir < StringRef(Best))
    Best = Dir.str();
}

/// Rails' and Laravel's markers, and package.json files.
static void detectOtherFrameworks(const FileAnalysis &F, Frameworks &Fw) {
  StringRef Path = F.File->path();
  StringRef Name = sys::path::filename(Path, sys::path::Style::posix);
  if (F.Kind == FileKind::PackageJson)
    Fw.Packages.push_back(&F);
  Fw.Laravel |= F.Kind == FileKind::Artisan;
  if (F.Kind != FileKind::Ruby)
    return;
  bool BinRails = Path == "bin/rails" || Path.endswith("/bin/rails");
  if (Name != "Rakefile" && Name != "rakefile" && !BinRails)
    return;
  Fw.Rake = true;
  Fw.BinRails |= BinRails;
  StringRef Root = parentOf(Path);
  if (BinRails)
    Root = parentOf(Root);
  firstDir(Fw.RakeDir, Root.empty() ? "." : Root);
}

static Frameworks detectFrameworks(const RepoModel &M) {
  Frameworks Fw;
  for (const auto &F : M.Files) {
    detectOtherFrameworks(*F, Fw);
    if (F->Kind != FileKind::Python)
      continue;
    StringRef Path = F->File->path();
    StringRef Name = sys::path::filename(Path, sys::path::Style::posix);
    const auto *Py = F->model<PythonScriptModel>();
    Fw.Django |= Name == "manage.py";
    Fw.Flask |= Py && Py->DefinesFlaskApp;
    bool AppFile = Name == "apps.py" || Name == "models.py" ||
                   (Py && Py->DefinesDjangoApp);
    StringRef Dir = parentOf(Path);
    if (AppFile && !Dir.empty() &&
        (Fw.DjangoApp.empty() || Dir < StringRef(Fw.DjangoApp)))
      Fw.DjangoApp = Dir.str();
  }
  return Fw;
}

static std::string commandName(StringRef Path) {
  std::string Name = sys::path::stem(Path, sys::path::Style::posix).lower();
  for (char &C : Name)
    if (!isAlnum(C))
      C = '_';
  return Name;
}

/// fix_user_emails -> fix-user-emails (npm scripts, Artisan signatures).
static std::string kebabName(StringRef Path) {
  std::string Name = commandName(Path);
  std::replace(Name.begin(), Name.end(), '_', '-');
  return Name;
}

/// fix_user_emails -> FixUserEmails (an Artisan command class).
static std::string studlyName(StringRef Path) {
  std::string Out;
  bool Upper = true;
  for (char C : commandName(Path)) {
    if (C == '_') {
      Upper = true;
      continue;
    }
    Out += Upper ? toUpper(C) : C;
    Upper = false;
  }
  return Out;
}

/// Whether a package.json command line names the script (relative to the
/// package.json, with or without `./` and its extension).
static bool commandRuns(StringRef Command, StringRef Rel) {
  SmallVector<StringRef, 8> Words;
  Command.split(Words, ' ', -1, false);
  StringRef Stem =
      Rel.take_front(Rel.size() - sys::path::extension(Rel).size());
  for (StringRef W : Words) {
    W = W.trim("\"'");
    W.consume_front("./");
    if (W == Rel || W == Stem)
      return true;
  }
  return false;
}

/// Whether a package.json's `scripts` or `bin` runs the script: it already
/// goes through the package's command mechanism.
static bool packageRuns(const FileAnalysis &Pkg, StringRef ScriptPath) {
  StringRef Dir = parentOf(Pkg.File->path());
  StringRef Rel = ScriptPath;
  if (!Dir.empty() && !(Rel.consume_front(Dir) && Rel.consume_front("/")))
    return false;
  try {
    auto J = nlohmann::json::parse(Pkg.File->text().begin(),
                                   Pkg.File->text().end(), nullptr, false);
    if (!J.is_object())
      return false;
    for (const char *Key : {"scripts", "bin"}) {
      auto It = J.find(Key);
      if (It == J.end())
        continue;
      if (It->is_string() && commandRuns(It->get<std::string>(), Rel))
        return true;
      if (!It->is_object())
        continue;
      for (const auto &Entry : It->items())
        if (Entry.value().is_string() &&
            commandRuns(Entry.value().get<std::string>(), Rel))
          return true;
    }
  } catch (const std::exception &) {
    return false;
  }
  return false;
}

static bool isAdminTask(const FileAnalysis &F, const PythonScriptModel &M,
                        const AdminMatcher &Admin) {
  if (!M.AdminWork.empty() || AdminMatcher::isAdminScriptName(F.File->path()))
    return true;
  for (const ShellUnit &U : F.Shell)
    for (const AdminMatch &Match : Admin.matchAll(U.Script))
      if (Match.isAdminTask())
        return true;
  return false;
}

static std::string rakeTask(const Frameworks &Fw, StringRef Path) {
  std::string Name = commandName(Path);
  std::string Dir = Fw.RakeDir == "." ? "" : Fw.RakeDir + "/";
  return "make it a rake task in " + Dir + "lib/tasks/" + Name +
         ".rake and run it with `" + (Fw.BinRails ? "bin/rails " : "rake ") +
         Name + "`";
}

static std::string artisanCommand(StringRef Path) {
  return "make it an Artisan command in app/Console/Commands/" +
         studlyName(Path) +
         ".php and run it with `php artisan app:" + kebabName(Path) + "`";
}

static std::string managementCommand(const Frameworks &Fw, StringRef Path) {
  std::string Name = commandName(Path);
  std::string App = Fw.DjangoApp.empty() ? "<app>" : Fw.DjangoApp;
  return "make it a management command in " + App + "/management/commands/" +
         Name + ".py and run it with `python manage.py " + Name + "`";
}

static std::string flaskCommand(StringRef Path) {
  std::string Name = commandName(Path);
  return "make it a Flask CLI command (`@app.cli.command(\"" + Name +
         "\")`) and run it with `flask " + Name + "`";
}

static std::string packageScript(const Frameworks &Fw, StringRef Path) {
  for (const FileAnalysis *Pkg : Fw.Packages)
    if (packageRuns(*Pkg, Path))
      return "";
  return "make it a package.json script or a command of the app's CLI that "
         "uses the app's own database module and config, and run it with "
         "`npm run " +
         kebabName(Path) + "`";
}

/// Where a Ruby or Node script's task belongs: the app's framework first
/// (a Rails or Laravel app with a package.json for its assets is still a
/// Rails or Laravel app), then Django and Flask, then package.json scripts.
static std::string whereScriptBelongs(const FileAnalysis &F,
                                      const Frameworks &Fw) {
  StringRef Path = F.File->path();
  if (Fw.Rake)
    return rakeTask(Fw, Path);
  if (Fw.Laravel)
    return artisanCommand(Path);
  if (Fw.Django)
    return managementCommand(Fw, Path);
  if (Fw.Flask)
    return flaskCommand(Path);
  if (F.Kind != FileKind::JavaScript)
    return "";
  return packageScript(Fw, Path);
}

/// Where the task belongs, or "" when the repository has no mechanism for
/// what the script bootstraps.
static std::string whereItBelongs(const FileAnalysis &F,
                                  const PythonScriptModel &M,
                                  const Frameworks &Fw) {
  StringRef Path = F.File->path();
  if (F.Kind != FileKind::Python)
    return whereScriptBelongs(F, Fw);
  if (M.Framework != "flask" && Fw.Django)
    return managementCommand(Fw, Path);
  if (M.Framework != "django" && Fw.Flask)
    return flaskCommand(Path);
  return "";
}

static bool isScriptKind(FileKind K) {
  return K == FileKind::Python || K == FileKind::Ruby ||
         K == FileKind::JavaScript;
}

namespace {

/// ADM101: a standalone admin script that bootstraps the app by itself.
class AdminScriptOutsideAppCheck : public Check {
public:
  explicit AdminScriptOutsideAppCheck(const CheckSettings &S)
      : Check(RuleId::AdminScriptOutsideApp, S) {}

  void checkRepository(const RepoModel &Repo, Reporter &R) const override {
    Frameworks Fw = detectFrameworks(Repo);
    if (!Fw.any())
      return;
    for (const auto &F : Repo.Files)
      if (isScriptKind(F->Kind) && F->Ctx != Context::Test)
        checkScript(*F, Fw, R);
  }

private:
  void checkScript(const FileAnalysis &F, const Frameworks &Fw,
                   Reporter &R) const {
    const auto *M = F.model<PythonScriptModel>();
    if (!M || !M->Standalone || M->FrameworkCommand || M->Bootstrap.empty() ||
        !isAdminTask(F, *M, admin()))
      return;
    std::string Where = whereItBelongs(F, *M, Fw);
    if (Where.empty())
      return;
    const PythonFact &Boot = M->Bootstrap.front();
    Diagnostic &D = report(R, F.File, Boot.Range,
                           "standalone admin script bootstraps the app on its "
                           "own (" +
                               Boot.What + "); " + Where);
    D.FingerprintKey = Boot.What;
    if (!M->AdminWork.empty())
      D.Related.push_back(
          {F.File, M->AdminWork.front().Range, "the admin task runs here"});
  }
};

} // namespace

std::unique_ptr<Check>
createAdminScriptOutsideAppCheck(const CheckSettings &S) {
  return std::make_unique<AdminScriptOutsideAppCheck>(S);
}

} // namespace adminlint
