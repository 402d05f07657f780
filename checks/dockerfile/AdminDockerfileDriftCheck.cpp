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
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
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

/// Whether a name part says admin or migration (`migrate`, `migrate2`).
bool isAdminWord(StringRef W) {
  return StringSwitch<bool>(W.rtrim("0123456789").lower())
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

/// The RUN shell units of a Dockerfile by stage label.
using RunsByStage = StringMap<std::vector<const ShellUnit *>>;

RunsByStage runsByStage(const FileAnalysis &F) {
  RunsByStage Out;
  for (const ShellUnit &U : F.Shell)
    if (U.Host == ShellHost::DockerRun)
      Out[U.Label].push_back(&U);
  return Out;
}

/// The dependency installs of the RUNs of one stage.
void stageInstalls(const Stage &S, const RunsByStage &Runs,
                   std::vector<Install> &Out) {
  auto It = Runs.find(S.label());
  if (It == Runs.end())
    return;
  for (const ShellUnit *U : It->second)
    forEachCommand(U->Script, [&](const shell::Command &C) {
      if (isDependencyInstall(C))
        Out.push_back({installKey(C), C.Range});
    });
}

/// The stages on S's FROM chain, S first.
SmallVector<const Stage *, 8> chain(const Dockerfile &D, const Stage &S) {
  SmallVector<const Stage *, 8> Out;
  const Stage *Cur = &S;
  for (unsigned I = 0; Cur && I < MaxChain; ++I, Cur = D.baseStage(*Cur))
    Out.push_back(Cur);
  return Out;
}

/// What an admin image is compared with: the app's build, the stages of its
/// chain and the normalized installs they make.
struct AppImage {
  ImageBuild Build;
  SmallPtrSet<const Stage *, 8> Chain;
  StringSet<> Installs;
};

AppImage appImage(const ImageBuild &B) {
  AppImage A;
  A.Build = B;
  RunsByStage Runs = runsByStage(*B.File);
  std::vector<Install> Installs;
  for (const Stage *S : chain(*B.D, *B.Target)) {
    A.Chain.insert(S);
    stageInstalls(*S, Runs, Installs);
  }
  for (const Install &I : Installs)
    A.Installs.insert(I.Key);
  return A;
}

/// The admin images of one Dockerfile being compared with one app image.
/// Each admin-only stage's installs are looked at once, however many admin
/// stages derive from it.
class AdminFile {
public:
  AdminFile(const FileAnalysis &F, const AppImage &App)
      : F(F), D(*F.model<Dockerfile>()), App(App), Runs(runsByStage(F)) {}

  /// Installs of Target's chain the app image does not make; stops at the
  /// first stage the app image shares.
  std::vector<Install> extraInstalls(const Stage &Target) {
    std::vector<Install> Found;
    for (const Stage *S : chain(D, Target)) {
      if (&F == App.Build.File && App.Chain.count(S))
        break;
      if (!Seen.insert(S).second)
        break;
      stageInstalls(*S, Runs, Found);
    }
    std::vector<Install> Out;
    for (Install &I : Found)
      if (!App.Installs.count(I.Key))
        Out.push_back(std::move(I));
    return Out;
  }

  /// Whether the base of Root is compared for the first time: admin stages
  /// that share a root stage get one finding for it.
  bool firstBase(const Stage &Root) { return BaseSeen.insert(&Root).second; }

  const FileAnalysis &F;
  const Dockerfile &D;
  const AppImage &App;

private:
  SmallPtrSet<const Stage *, 4> BaseSeen;
  RunsByStage Runs;
  SmallPtrSet<const Stage *, 16> Seen;
};

/// ADM405: an admin Dockerfile or stage drifts from the app's base image or
/// dependency install.
class AdminDockerfileDriftCheck : public Check {
public:
  explicit AdminDockerfileDriftCheck(const CheckSettings &S)
      : Check(RuleId::AdminDockerfileDrift, S) {}

  void checkRepository(const RepoModel &M, Reporter &R) const override {
    std::vector<const FileAnalysis *> Files, Apps;
    for (const auto &F : M.Files) {
      if (F->Kind != FileKind::Dockerfile || !F->Model)
        continue;
      Files.push_back(F.get());
      if (!isAdminPath(F->File->path()) && appStage(*F->model<Dockerfile>()))
        Apps.push_back(F.get());
    }
    StringSet<> AppRepos = appRepositories(M);
    DenseMap<const FileAnalysis *, AppImage> AppImages;
    auto AppOf = [&](const FileAnalysis *F) -> const AppImage & {
      auto It = AppImages.find(F);
      if (It == AppImages.end()) {
        const Dockerfile &D = *F->model<Dockerfile>();
        It = AppImages.try_emplace(F, appImage({F, &D, appStage(D)})).first;
      }
      return It->second;
    };
    for (const FileAnalysis *F : Files) {
      const Dockerfile &D = *F->model<Dockerfile>();
      if (D.Stages.empty())
        continue;
      if (!isAdminPath(F->File->path())) {
        if (!appStage(D))
          continue;
        AdminFile Admin(*F, AppOf(F));
        checkStages(Admin, AppRepos, R);
        continue;
      }
      if (const FileAnalysis *App = appFileFor(*F, Apps)) {
        AdminFile Admin(*F, AppOf(App));
        compare(Admin, D.Stages.back(), AppRepos, R);
      }
    }
  }

private:
  void checkStages(AdminFile &Admin, const StringSet<> &AppRepos,
                   Reporter &R) const;
  const FileAnalysis *appFileFor(const FileAnalysis &Admin,
                                 ArrayRef<const FileAnalysis *> Apps) const;
  StringSet<> appRepositories(const RepoModel &M) const;
  void compare(AdminFile &Admin, const Stage &Target,
               const StringSet<> &AppRepos, Reporter &R) const;
  void addAppBase(Diagnostic &Diag, const ImageBuild &App) const;
};

void AdminDockerfileDriftCheck::checkStages(AdminFile &Admin,
                                            const StringSet<> &AppRepos,
                                            Reporter &R) const {
  const Stage &App = *Admin.App.Build.Target;
  for (const Stage &S : Admin.D.Stages)
    if (namesAdmin(S.Name) && Admin.D.findStage(S.Name) == &S &&
        !derivesFrom(Admin.D, S, App))
      compare(Admin, S, AppRepos, R);
}

/// The app's Dockerfile for an admin one: the nearest non-admin Dockerfile
/// in its directory or an ancestor (a file named exactly `Dockerfile` first),
/// else the only non-admin Dockerfile of the repository.
const FileAnalysis *AdminDockerfileDriftCheck::appFileFor(
    const FileAnalysis &Admin, ArrayRef<const FileAnalysis *> Apps) const {
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
      return Best;
    if (Dir.empty())
      break;
    Dir = sys::path::parent_path(Dir, sys::path::Style::posix);
  }
  return Apps.size() == 1 ? Apps.front() : nullptr;
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

void AdminDockerfileDriftCheck::compare(AdminFile &Admin, const Stage &Target,
                                        const StringSet<> &AppRepos,
                                        Reporter &R) const {
  const ImageBuild &App = Admin.App.Build;
  std::string AdminBase = Admin.D.resolvedBase(Target);
  std::string AppBase = App.D->resolvedBase(*App.Target);
  ImageRef AdminRef;
  k8s::parseImageRef(AdminBase, AdminRef);
  if (AdminRef.Resolved && AppRepos.count(AdminRef.Repository))
    return;
  const Stage &Root = Admin.D.rootStage(Target);
  if (!AdminBase.empty() && !AppBase.empty() && AdminBase != AppBase &&
      Admin.firstBase(Root)) {
    Diagnostic &Diag =
        report(R, Admin.F.File, Root.ImageRange,
               "admin image is built from '" + AdminBase +
                   "' but the app's image from '" + AppBase + "'");
    Diag.FingerprintKey = AdminBase + " " + AppBase;
    addAppBase(Diag, App);
  }
  for (const Install &I : Admin.extraInstalls(Target)) {
    Diagnostic &Diag = report(R, Admin.F.File, I.Range,
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
