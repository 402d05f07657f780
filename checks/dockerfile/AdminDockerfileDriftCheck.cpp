//===- AdminDockerfileDriftCheck.cpp - ADM405 admin-dockerfile-drift ------===//
//
// A separate Dockerfile (Dockerfile.migrate, migrations/Dockerfile,
// *.migrate.dockerfile) or build stage (migrate, migration, admin, jobs) for
// admin images whose base image, or dependency install, differs from the
// app's. An admin stage that derives FROM the app stage, and an admin image
// built FROM the app's own image, are fine.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "lib/Model/Kubernetes.h"
#include "lib/Parse/Dockerfile.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {
namespace {

using dockerfile::Dockerfile;
using dockerfile::Stage;

/// Stage chains are followed at most this far (FROM a / FROM b AS a loops).
constexpr unsigned MaxChain = 64;

/// One image a Dockerfile builds: the file and the stage that is built.
struct ImageBuild {
  const FileAnalysis *File = nullptr;
  const Dockerfile *D = nullptr;
  const Stage *Target = nullptr;
};

/// Whether a name part says admin or migration.
bool isAdminWord(StringRef W) {
  return StringSwitch<bool>(W.lower())
      .Cases("migrate", "migration", "migrations", "admin", "jobs", true)
      .Default(false);
}

/// Whether any `.`, `-` or `_` separated part of Name says admin.
bool namesAdmin(StringRef Name) {
  SmallVector<StringRef, 4> Parts;
  Name.split(Parts, '.', -1, false);
  for (StringRef P : Parts) {
    SmallVector<StringRef, 4> Words;
    P.split(Words, '-', -1, false);
    for (StringRef W : Words) {
      SmallVector<StringRef, 4> Sub;
      W.split(Sub, '_', -1, false);
      if (llvm::any_of(Sub, isAdminWord))
        return true;
    }
  }
  return false;
}

/// Whether a Dockerfile's path says it builds an admin image.
bool isAdminPath(StringRef Path) {
  SmallVector<StringRef, 8> Parts;
  Path.split(Parts, '/', -1, false);
  return llvm::any_of(Parts, namesAdmin);
}

bool isTestStage(const Stage &S) {
  StringRef N = S.Name;
  return N == "test" || N == "tests" || N == "ci" || N.endswith("-test");
}

/// The stage that builds the app in D: the last stage that is neither admin
/// nor test.
const Stage *appStage(const Dockerfile &D) {
  for (auto It = D.Stages.rbegin(); It != D.Stages.rend(); ++It)
    if (!namesAdmin(It->Name) && !isTestStage(*It))
      return &*It;
  return nullptr;
}

/// Whether S is T or derives from T through FROM.
bool derivesFrom(const Dockerfile &D, const Stage &S, const Stage &T) {
  const Stage *Cur = &S;
  for (unsigned I = 0; Cur && I < MaxChain; ++I, Cur = D.baseStage(*Cur))
    if (Cur == &T)
      return true;
  return false;
}

/// A dependency install of an image: its normalized text and where it is.
struct Install {
  std::string Key;
  SourceRange Range;
};

/// The words of an install without options, wrappers and interpreters, so
/// `pip3 install --no-cache-dir -r r.txt` equals `pip install -r r.txt`.
std::string installKey(const shell::Command &C) {
  std::string Key;
  for (const shell::Word &W : C.Words) {
    StringRef V = W.value();
    StringRef Base = sys::path::filename(V, sys::path::Style::posix);
    if (V.startswith("-") || Base == "sudo" || Base == "env" ||
        Base.startswith("python") || (Key.empty() && V.contains('=')))
      continue;
    if (Base.startswith("pip") &&
        Base.drop_front(3).find_first_not_of("0123456789.") == StringRef::npos)
      V = "pip";
    if (!Key.empty())
      Key += ' ';
    Key += V;
  }
  return Key;
}

/// The dependency installs of every stage on B's FROM chain.
std::vector<Install> installs(const ImageBuild &B) {
  std::vector<Install> Out;
  const Stage *Cur = B.Target;
  for (unsigned I = 0; Cur && I < MaxChain; ++I, Cur = B.D->baseStage(*Cur)) {
    std::string Label = Cur->label();
    for (const ShellUnit &U : B.File->Shell) {
      if (U.Host != ShellHost::DockerRun || U.Label != Label)
        continue;
      forEachCommand(U.Script, [&](const shell::Command &C) {
        if (isDependencyInstall(C))
          Out.push_back({installKey(C), C.Range});
      });
    }
  }
  return Out;
}

/// ADM405: an admin Dockerfile or stage drifts from the app's base image or
/// dependency install.
class AdminDockerfileDriftCheck : public Check {
public:
  explicit AdminDockerfileDriftCheck(const CheckSettings &S)
      : Check(RuleId::AdminDockerfileDrift, S) {}

  void checkRepository(const RepoModel &M, Reporter &R) const override {
    std::vector<const FileAnalysis *> Files;
    for (const auto &F : M.Files)
      if (F->Kind == FileKind::Dockerfile && F->Model)
        Files.push_back(F.get());
    StringSet<> AppRepos = appRepositories(M);
    for (const FileAnalysis *F : Files) {
      const Dockerfile &D = *F->model<Dockerfile>();
      if (D.Stages.empty())
        continue;
      if (isAdminPath(F->File->path())) {
        ImageBuild App = appBuildFor(*F, Files);
        if (App.File)
          compare({F, &D, &D.Stages.back()}, App, AppRepos, R);
        continue;
      }
      checkStages(*F, D, AppRepos, R);
    }
  }

private:
  void checkStages(const FileAnalysis &F, const Dockerfile &D,
                   const StringSet<> &AppRepos, Reporter &R) const;
  ImageBuild appBuildFor(const FileAnalysis &Admin,
                         ArrayRef<const FileAnalysis *> Files) const;
  StringSet<> appRepositories(const RepoModel &M) const;
  void compare(const ImageBuild &Admin, const ImageBuild &App,
               const StringSet<> &AppRepos, Reporter &R) const;
  void addAppBase(Diagnostic &Diag, const ImageBuild &App) const;
};

void AdminDockerfileDriftCheck::checkStages(const FileAnalysis &F,
                                            const Dockerfile &D,
                                            const StringSet<> &AppRepos,
                                            Reporter &R) const {
  const Stage *App = appStage(D);
  if (!App)
    return;
  for (const Stage &S : D.Stages)
    if (namesAdmin(S.Name) && !derivesFrom(D, S, *App))
      compare({&F, &D, &S}, {&F, &D, App}, AppRepos, R);
}

/// The app's Dockerfile for an admin one: the nearest non-admin Dockerfile
/// in its directory or an ancestor (a file named exactly `Dockerfile` first),
/// else the only non-admin Dockerfile of the repository.
ImageBuild AdminDockerfileDriftCheck::appBuildFor(
    const FileAnalysis &Admin, ArrayRef<const FileAnalysis *> Files) const {
  auto Build = [](const FileAnalysis *F) {
    const Dockerfile &D = *F->model<Dockerfile>();
    return ImageBuild{F, &D, appStage(D)};
  };
  std::vector<const FileAnalysis *> Apps;
  for (const FileAnalysis *F : Files)
    if (!isAdminPath(F->File->path()) && appStage(*F->model<Dockerfile>()))
      Apps.push_back(F);
  StringRef Dir =
      sys::path::parent_path(Admin.File->path(), sys::path::Style::posix);
  for (unsigned Depth = 0; Depth < MaxChain; ++Depth) {
    const FileAnalysis *Best = nullptr;
    for (const FileAnalysis *F : Apps) {
      StringRef Path = F->File->path();
      if (sys::path::parent_path(Path, sys::path::Style::posix) != Dir)
        continue;
      if (!Best ||
          sys::path::filename(Path, sys::path::Style::posix) == "Dockerfile")
        Best = F;
    }
    if (Best)
      return Build(Best);
    if (Dir.empty())
      break;
    Dir = sys::path::parent_path(Dir, sys::path::Style::posix);
  }
  if (Apps.size() == 1)
    return Build(Apps.front());
  return {};
}

/// The image repositories of the app's workloads outside Dockerfiles (and
/// `app.image`): an admin image built FROM one of them derives from the app.
StringSet<>
AdminDockerfileDriftCheck::appRepositories(const RepoModel &M) const {
  StringSet<> Out;
  for (const Workload *W : M.Workloads)
    if (W->Origin != "Dockerfile" && W->Image.Resolved &&
        !W->Image.Repository.empty())
      Out.insert(W->Image.Repository);
  if (!Settings.AppImage.empty()) {
    ImageRef Ref;
    k8s::parseImageRef(Settings.AppImage, Ref);
    Out.insert(Ref.Repository.empty() ? Settings.AppImage : Ref.Repository);
  }
  return Out;
}

void AdminDockerfileDriftCheck::addAppBase(Diagnostic &Diag,
                                           const ImageBuild &App) const {
  const Stage &Root = App.D->rootStage(*App.Target);
  Diag.Related.push_back(
      {App.File->File, Root.ImageRange, "app image base declared here"});
}

void AdminDockerfileDriftCheck::compare(const ImageBuild &Admin,
                                        const ImageBuild &App,
                                        const StringSet<> &AppRepos,
                                        Reporter &R) const {
  std::string AdminBase = Admin.D->resolvedBase(*Admin.Target);
  std::string AppBase = App.D->resolvedBase(*App.Target);
  ImageRef AdminRef;
  k8s::parseImageRef(AdminBase, AdminRef);
  if (AdminRef.Resolved && AppRepos.count(AdminRef.Repository))
    return;
  const Stage &Root = Admin.D->rootStage(*Admin.Target);
  if (!AdminBase.empty() && !AppBase.empty() && AdminBase != AppBase) {
    Diagnostic &Diag =
        report(R, Admin.File->File, Root.ImageRange,
               "admin image is built from '" + AdminBase +
                   "' but the app's image from '" + AppBase + "'");
    Diag.FingerprintKey = AdminBase + " " + AppBase;
    addAppBase(Diag, App);
  }
  StringSet<> AppKeys;
  for (const Install &I : installs(App))
    AppKeys.insert(I.Key);
  for (const Install &I : installs(Admin)) {
    if (AppKeys.count(I.Key))
      continue;
    Diagnostic &Diag = report(R, Admin.File->File, I.Range,
                              "admin image installs dependencies the app's "
                              "image does not: '" +
                                  I.Key + "'");
    Diag.FingerprintKey = I.Key;
    addAppBase(Diag, App);
  }
}

} // namespace

std::unique_ptr<Check> createAdminDockerfileDriftCheck(const CheckSettings &S) {
  return std::make_unique<AdminDockerfileDriftCheck>(S);
}

} // namespace adminlint
