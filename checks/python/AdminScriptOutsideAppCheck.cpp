//===- AdminScriptOutsideAppCheck.cpp - ADM101 admin-script-outside-app ---===//
//
// A standalone Python script performs an admin task and bootstraps the app on
// its own (django.setup(), DJANGO_SETTINGS_MODULE, sys.path edits,
// create_app() + app_context()) while the repository has the framework's
// command mechanism (manage.py: management commands; a Flask app: the flask
// CLI). The message names where the task belongs.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "lib/Model/PythonScript.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {
namespace {

/// The command mechanisms the repository offers.
struct Frameworks {
  bool Django = false; ///< a manage.py
  std::string
      DjangoApp; ///< directory of the first Django app (apps.py, models.py)
  bool Flask = false; ///< Flask(__name__) or create_app
};

} // namespace

static StringRef parentOf(StringRef Path) {
  return sys::path::parent_path(Path, sys::path::Style::posix);
}

static Frameworks detectFrameworks(const RepoModel &M) {
  Frameworks Fw;
  for (const auto &F : M.Files) {
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

/// Where the task belongs, or "" when the repository has no mechanism for
/// what the script bootstraps.
static std::string whereItBelongs(const PythonScriptModel &M,
                                  const Frameworks &Fw, StringRef Path) {
  std::string Name = commandName(Path);
  if (M.Framework != "flask" && Fw.Django) {
    std::string App = Fw.DjangoApp.empty() ? "<app>" : Fw.DjangoApp;
    return "make it a management command in " + App + "/management/commands/" +
           Name + ".py and run it with `python manage.py " + Name + "`";
  }
  if (M.Framework != "django" && Fw.Flask)
    return "make it a Flask CLI command (`@app.cli.command(\"" + Name +
           "\")`) and run it with `flask " + Name + "`";
  return "";
}

namespace {

/// ADM101: a standalone admin script that bootstraps the app by itself.
class AdminScriptOutsideAppCheck : public Check {
public:
  explicit AdminScriptOutsideAppCheck(const CheckSettings &S)
      : Check(RuleId::AdminScriptOutsideApp, S) {}

  void checkRepository(const RepoModel &Repo, Reporter &R) const override {
    Frameworks Fw = detectFrameworks(Repo);
    if (!Fw.Django && !Fw.Flask)
      return;
    for (const auto &F : Repo.Files)
      if (F->Kind == FileKind::Python && F->Ctx != Context::Test)
        checkScript(*F, Fw, R);
  }

private:
  void checkScript(const FileAnalysis &F, const Frameworks &Fw,
                   Reporter &R) const {
    const auto *M = F.model<PythonScriptModel>();
    if (!M || !M->Standalone || M->FrameworkCommand || M->Bootstrap.empty() ||
        !isAdminTask(F, *M, admin()))
      return;
    std::string Where = whereItBelongs(*M, Fw, F.File->path());
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
