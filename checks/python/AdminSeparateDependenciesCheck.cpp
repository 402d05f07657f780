//===- AdminSeparateDependenciesCheck.cpp - ADM102 ------------------------===//
//
// admin-separate-dependencies: admin tooling with a dependency manifest of
// its own beside the app's (scripts/requirements.txt, ops/Gemfile,
// tools/package.json), or an admin script that builds its own environment
// (python -m venv /opt/..., pip install --target) before an admin task.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "lib/Model/DependencyManifest.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {

static const sys::path::Style Posix = sys::path::Style::posix;

static bool hasComponent(StringRef Dir, bool (*Pred)(StringRef)) {
  for (auto I = sys::path::begin(Dir, Posix), E = sys::path::end(Dir); I != E;
       ++I)
    if (Pred(*I))
      return true;
  return false;
}

static bool isAdminDirName(StringRef Name) {
  return StringSwitch<bool>(Name.lower())
      .Cases("scripts", "script", "ops", "tools", "admin", "maintenance", true)
      .Cases("management", "jobs", "tasks", "runbooks", "oneoff", true)
      .Cases("one-off", "one_off", "cron", "bin", "migrations", true)
      .Default(false);
}

static bool isDevDirName(StringRef Name) {
  return StringSwitch<bool>(Name.lower())
      .Cases("docs", "doc", "test", "tests", "spec", "e2e", true)
      .Cases("examples", ".devcontainer", "bench", "benchmarks", true)
      .Default(false);
}

/// A manifest that declares dependencies (not a lock file), and is not for
/// development, tests or docs.
static bool isPrimaryManifest(StringRef Path) {
  StringRef Name = sys::path::filename(Path, Posix);
  std::string L = Name.lower();
  StringRef LN = L;
  if (LN.contains("dev") || LN.contains("test") || LN.contains("doc") ||
      LN.contains("lint") || LN.contains("ci") || LN.contains("lock") ||
      LN.contains("sum"))
    return false;
  if (LN.startswith("requirements"))
    return LN.endswith(".txt") || LN.endswith(".in");
  return StringSwitch<bool>(Name)
      .Cases("Gemfile", "package.json", "pyproject.toml", "Pipfile", true)
      .Cases("composer.json", "go.mod", "pom.xml", "build.gradle", true)
      .Cases("mix.exs", "Cargo.toml", "setup.py", true)
      .Default(false);
}

static SourceRange firstLine(const SourceFile &File) {
  uint32_t Begin = File.contentStart();
  uint32_t End = File.lineText(1).size();
  return {Begin, std::max(Begin, End)};
}

namespace {

/// A dependency manifest of the repository.
struct Manifest {
  const FileAnalysis *File;
  StringRef Ecosystem;
  bool AdminDir;
};

} // namespace

static std::vector<Manifest> manifests(const RepoModel &Repo) {
  std::vector<Manifest> Out;
  for (const auto &F : Repo.Files) {
    if (F->Kind != FileKind::DependencyManifest &&
        F->Kind != FileKind::PackageJson)
      continue;
    StringRef Path = F->File->path();
    StringRef Dir = sys::path::parent_path(Path, Posix);
    if (!isPrimaryManifest(Path) || hasComponent(Dir, isDevDirName))
      continue;
    StringRef Eco = manifestEcosystem(sys::path::filename(Path, Posix));
    if (!Eco.empty())
      Out.push_back({F.get(), Eco, hasComponent(Dir, isAdminDirName)});
  }
  return Out;
}

static StringRef programOf(const shell::Command &C) {
  return sys::path::filename(C.name(), Posix);
}

static bool outsideRepository(StringRef Path) {
  return (Path.startswith("/") && !Path.startswith("/tmp")) ||
         Path.startswith("~") || Path.startswith("$HOME") ||
         Path.startswith("${HOME}");
}

/// Whether C builds an environment of its own: `python -m venv /opt/venv`,
/// `pip install --target ...`, `pip install -r scripts/requirements.txt`.
static bool buildsOwnEnvironment(const shell::Command &C) {
  StringRef P = programOf(C);
  size_t I = 1;
  bool Venv = P == "virtualenv";
  bool Pip = P.startswith("pip");
  if (P.startswith("python") && C.Words.size() > 3 &&
      C.Words[1].value() == "-m") {
    Venv = C.Words[2].value() == "venv" || C.Words[2].value() == "virtualenv";
    Pip = C.Words[2].value() == "pip";
    I = 3;
  }
  for (; I < C.Words.size(); ++I) {
    StringRef W = C.Words[I].value();
    if (Venv && !W.startswith("-") && outsideRepository(W))
      return true;
    if (Pip &&
        (W == "--target" || W == "-t" || W == "--prefix" || W == "--root" ||
         W.startswith("--target=") || W.startswith("--prefix=")))
      return true;
    if (Pip && (W == "-r" || W == "--requirement") && I + 1 < C.Words.size() &&
        hasComponent(sys::path::parent_path(C.Words[I + 1].value(), Posix),
                     isAdminDirName))
      return true;
  }
  return false;
}

namespace {

/// ADM102: admin tooling with dependencies of its own.
class AdminSeparateDependenciesCheck : public Check {
public:
  explicit AdminSeparateDependenciesCheck(const CheckSettings &S)
      : Check(RuleId::AdminSeparateDependencies, S) {}

  void checkRepository(const RepoModel &Repo, Reporter &R) const override {
    std::vector<Manifest> All = manifests(Repo);
    for (const Manifest &Admin : All) {
      if (!Admin.AdminDir)
        continue;
      for (const Manifest &App : All) {
        if (App.AdminDir || App.Ecosystem != Admin.Ecosystem)
          continue;
        reportManifest(Admin, App, R);
        break;
      }
    }
  }

  void checkShell(const ShellUnit &U, const FileAnalysis &F,
                  Reporter &R) const override {
    if (U.Host == ShellHost::DockerRun || F.Ctx == Context::Test)
      return;
    std::vector<AdminMatch> Matches = admin().matchAll(U.Script);
    for (const shell::Command &C : U.Script.Commands) {
      if (!buildsOwnEnvironment(C))
        continue;
      for (const AdminMatch &M : Matches) {
        if (!M.isAdminTask() || M.CommandRange.Begin < C.Range.End)
          continue;
        Diagnostic &D =
            report(R, F.File, wordsRange(C),
                   "admin code builds its own environment (`" + wordsText(C) +
                       "`) before " + M.describe() +
                       "; run admin tasks with the app's dependencies");
        D.FingerprintKey = wordsText(C);
        break;
      }
    }
  }

private:
  void reportManifest(const Manifest &Admin, const Manifest &App,
                      Reporter &R) const {
    const SourceFileRef &File = Admin.File->File;
    Diagnostic &D = report(
        R, File, firstLine(*File),
        "admin tooling has its own dependency manifest beside the app's " +
            App.File->File->path().str() +
            "; admin code should run with the app's dependencies");
    D.FingerprintKey = File->path().str();
    D.Related.push_back({App.File->File, firstLine(*App.File->File),
                         "the app's dependencies are declared here"});
  }
};

} // namespace

std::unique_ptr<Check>
createAdminSeparateDependenciesCheck(const CheckSettings &S) {
  return std::make_unique<AdminSeparateDependenciesCheck>(S);
}

} // namespace adminlint
