//===- ReleaseModel.cpp - Release units, their apps and admin runs --------===//
#include "lib/Model/ReleaseModel.h"
#include "lib/Model/Kubernetes.h"
#include "lib/Model/Kustomize.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include <map>

using namespace llvm;

namespace adminlint {

std::string canonicalRepository(StringRef Repository,
                                const RegistryAliases &Aliases) {
  std::string Repo = Repository.trim().lower();
  for (const auto &Alias : Aliases) {
    std::string From = StringRef(Alias.first).lower();
    if (StringRef(Repo).startswith(From)) {
      Repo = StringRef(Alias.second).lower() + Repo.substr(From.size());
      break;
    }
  }
  StringRef R(Repo);
  for (StringRef Prefix : {"docker.io/library/", "index.docker.io/library/",
                           "registry-1.docker.io/library/", "docker.io/",
                           "index.docker.io/", "library/"})
    if (R.consume_front(Prefix))
      break;
  return R.str();
}

bool isMovingTag(StringRef Tag) {
  return StringSwitch<bool>(Tag.lower())
      .Cases("", "latest", "main", "master", "dev", "develop", true)
      .Cases("stable", "edge", "nightly", "head", "trunk", true)
      .Default(false);
}

static StringRef baseName(StringRef Path) {
  return sys::path::filename(Path, sys::path::Style::posix);
}

std::string processRunner(const shell::Command &C) {
  ArrayRef<shell::Word> W = C.Words;
  size_t I = 0;
  while (I < W.size() && (W[I].value() == "exec" || W[I].value() == "env" ||
                          W[I].value().contains('=')))
    ++I;
  if (I >= W.size())
    return "";
  StringRef Prog = W[I].value();
  StringRef Name = baseName(Prog);
  StringRef Sub = I + 1 < W.size() ? W[I + 1].value() : StringRef();
  if ((Name == "bundle" && Sub == "exec") ||
      (Name == "poetry" && Sub == "run") ||
      (Name == "pipenv" && Sub == "run") || (Name == "uv" && Sub == "run") ||
      (Name == "pdm" && Sub == "run"))
    return (Name + " " + Sub).str();
  if (Name.startswith("python") || Name == "node" || Name == "ruby" ||
      Name == "npx" || Name == "php")
    return Prog.str();
  return "";
}

/// Which language a runner belongs to ("" if unknown).
static StringRef ecosystemOf(StringRef Runner) {
  StringRef Name = baseName(Runner.split(' ').first);
  if (Name.startswith("python") || Name == "poetry" || Name == "pipenv" ||
      Name == "uv" || Name == "pdm")
    return "python";
  if (Name == "bundle" || Name == "ruby")
    return "ruby";
  if (Name == "node" || Name == "npx" || Name == "npm" || Name == "yarn" ||
      Name == "pnpm")
    return "node";
  return "";
}

static bool isLongRunningMain(const Workload &W) {
  if (W.Lifetime != WorkloadLifetime::LongRunning || W.InitContainer)
    return false;
  if (W.Image.Resolved && isGenericBaseImage(W.Image.Written))
    return false;
  return !W.Image.Written.empty();
}

ReleaseModel::ReleaseModel(const RepoModel &M, const ReleaseOptions &Opts) {
  std::map<std::string, ReleaseUnit> ByName;
  for (const Workload *W : kustomize::releaseWorkloads(M, Resolved)) {
    ReleaseUnit &U = ByName[W->ReleaseUnit];
    U.Name = W->ReleaseUnit;
    if (isLongRunningMain(*W))
      U.App.push_back(W);
    else if (W->Lifetime != WorkloadLifetime::LongRunning)
      U.OneOffs.push_back(W);
  }
  for (auto &Entry : ByName)
    Units.push_back(std::move(Entry.second));
  const ReleaseUnit *OnlyApp = nullptr;
  unsigned AppUnits = 0;
  for (const ReleaseUnit &U : Units)
    if (!U.App.empty()) {
      OnlyApp = &U;
      ++AppUnits;
    }
  for (const ReleaseUnit &U : Units)
    for (const Workload *W : U.OneOffs)
      addRun(*W, U, AppUnits == 1 ? OnlyApp : nullptr, Opts);
}

/// Whether two images name the same repository (resolved) or are written the
/// same (unresolved expressions).
static bool sameRepository(const ImageRef &A, const ImageRef &B,
                           const RegistryAliases &Aliases) {
  if (A.Resolved && B.Resolved)
    return canonicalRepository(A.Repository, Aliases) ==
           canonicalRepository(B.Repository, Aliases);
  return !A.Resolved && !B.Resolved && A.Written == B.Written;
}

/// The app workload an admin workload is compared with: one with the same
/// repository, else the first.
static const Workload *pickApp(ArrayRef<const Workload *> App,
                               const ImageRef &Image,
                               const RegistryAliases &Aliases) {
  for (const Workload *A : App)
    if (sameRepository(A->Image, Image, Aliases))
      return A;
  return App.empty() ? nullptr : App.front();
}

void ReleaseModel::addRun(const Workload &W, const ReleaseUnit &U,
                          const ReleaseUnit *Fallback,
                          const ReleaseOptions &Opts) {
  std::vector<AdminMatch> Matches = Opts.Admin->matchAll(W.Script);
  auto Admin = llvm::find_if(
      Matches, [](const AdminMatch &A) { return A.isAdminTask(); });
  if (Admin == Matches.end())
    return;
  AdminRun R;
  R.Admin = &W;
  R.Match = *Admin;
  R.Unit = U.Name;
  ArrayRef<const Workload *> App = U.App;
  if (App.empty() && Fallback)
    App = Fallback->App;
  if (!Opts.AppImage.empty()) {
    k8s::parseImageRef(Opts.AppImage, R.AppImage);
    R.App = pickApp(App, R.AppImage, Opts.Aliases);
    if (R.App && !sameRepository(R.App->Image, R.AppImage, Opts.Aliases))
      R.App = nullptr;
    if (R.App && R.AppImage.Tag.empty() && R.AppImage.Digest.empty())
      R.AppImage = R.App->Image;
  } else {
    R.App = pickApp(App, W.Image, Opts.Aliases);
    if (R.App)
      R.AppImage = R.App->Image;
  }
  Runs.push_back(std::move(R));
}

//===----------------------------------------------------------------------===//
// adminlint init
//===----------------------------------------------------------------------===//

static std::string describe(const Workload &W) {
  std::string Where = W.File ? W.File->path().str() : std::string("?");
  return W.Origin + "/" + W.Name + " in " + Where;
}

const ReleaseModel &releaseModel(const RepoModel &M,
                                 const ReleaseOptions &Opts) {
  if (!M.Release)
    M.Release = std::make_shared<const ReleaseModel>(M, Opts);
  return *M.Release;
}

std::string renderInitConfig(const RepoModel &M) {
  ReleaseModel RM(M, ReleaseOptions());
  std::string Out =
      "# adminlint configuration, written by `adminlint init`.\n"
      "# Admin workloads (migration Jobs, release commands, one-off tasks) "
      "are\n"
      "# compared with the app of their release unit: same image, same tag,\n"
      "# same config sources.\n"
      "#\n"
      "# Inferred app image per release unit:\n";
  std::vector<std::string> Images;
  for (const ReleaseUnit &U : RM.units()) {
    if (U.App.empty())
      continue;
    const Workload &W = *U.App.front();
    Out += "#   " + (U.Name.empty() ? std::string(".") : U.Name) + ": " +
           W.Image.Written + "  (" + describe(W) + ")\n";
    std::string Repo = W.Image.Resolved ? W.Image.Repository : W.Image.Written;
    if (!is_contained(Images, Repo))
      Images.push_back(Repo);
  }
  if (Images.empty())
    Out += "#   (none found)\n";
  Out += "\napp:\n"
         "  # The app's release image; set it when inference is not enough.\n";
  if (Images.size() == 1 && !StringRef(Images.front()).contains("{{"))
    Out += "  image: \"" + Images.front() + "\"\n";
  else
    Out += "  # image: registry.example.com/app\n";
  Out += "\n# Registry mirrors counted as the same repository.\n"
         "# registry-aliases:\n"
         "#   mirror.example.com/app: registry.example.com/app\n"
         "\n# Rules to run or skip (codes, names or prefixes such as ADM3).\n"
         "# select: [ADM]\n"
         "# ignore: []\n"
         "\n# Path globs that are local, test or production.\n"
         "# contexts:\n"
         "#   local: [\"docker-compose.yml\"]\n";
  return Out;
}

} // namespace adminlint
