//===- ReleaseModel.h - Release units, their apps and admin runs -*- C++
//-*-===//
#ifndef ADMINLINT_MODEL_RELEASEMODEL_H
#define ADMINLINT_MODEL_RELEASEMODEL_H

#include "lib/Model/AdminCommand.h"
#include "lib/Model/RepoModel.h"
#include "lib/Model/Workload.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace adminlint {

// isGenericBaseImage() (python, node, alpine, ...) is declared in
// lib/Model/AdminCommand.h and used here to keep base images out of apps.

/// Registry mirrors counted as the same repository: alias prefix to
/// canonical prefix (CheckSettings::RegistryAliases).
using RegistryAliases = std::vector<std::pair<std::string, std::string>>;

/// What the release model needs from the project's config.
struct ReleaseOptions {
  const AdminMatcher *Admin = &AdminMatcher::builtin();
  std::string AppImage; ///< `app.image`: overrides inference when set
  RegistryAliases Aliases;
};

/// One release unit (a chart, a kustomization, a compose file, a directory of
/// manifests): its long-running app workloads and its other workloads.
struct ReleaseUnit {
  std::string Name;
  /// Main containers of long-running workloads, generic base images left out.
  std::vector<const Workload *> App;
  std::vector<const Workload *> OneOffs; ///< one-off and scheduled
};

/// A one-off or scheduled workload that runs an admin command, matched to the
/// app workload it should run like.
struct AdminRun {
  const Workload *Admin = nullptr;
  AdminMatch Match;
  std::string Unit;
  /// The app workload it is compared with; null when its unit has no app.
  const Workload *App = nullptr;
  /// The app image it should use: App's image, or `app.image`.
  ImageRef AppImage;
};

/// The release model of a repository, built from its workloads.
class ReleaseModel {
public:
  ReleaseModel(const RepoModel &M, const ReleaseOptions &Opts);

  llvm::ArrayRef<ReleaseUnit> units() const { return Units; }
  llvm::ArrayRef<AdminRun> adminRuns() const { return Runs; }

private:
  void addRun(const Workload &W, const ReleaseUnit &U,
              const ReleaseUnit *Fallback, const ReleaseOptions &Opts);
  std::vector<ReleaseUnit> Units;
  std::vector<AdminRun> Runs;
  /// Workloads with Helm images resolved or kustomize images applied
  /// (kustomize::releaseWorkloads); Units and Runs point into it.
  std::deque<Workload> Resolved;
};

/// A repository normalized for comparison: Docker Hub prefixes dropped
/// (docker.io/library/python = python) and registry aliases applied.
std::string canonicalRepository(llvm::StringRef Repository,
                                const RegistryAliases &Aliases);

/// Whether a tag says nothing about the release: none, latest, main, master,
/// dev, stable, edge, nightly.
bool isMovingTag(llvm::StringRef Tag);

/// The interpreter or wrapper a process runs under, normalized like
/// AdminMatch::Runner ("bundle exec", "poetry run", "/app/.venv/bin/python",
/// "python", "node", "npx"); "" when it is run directly.
std::string processRunner(const shell::Command &C);

/// A commented `.adminlint.yaml` with the inferred app image of every release
/// unit (`adminlint init`).
/// M's release model for Opts, built once and then shared (RepoModel::Release):
/// helm resolution, kustomize overlays and admin matching run once per scan,
/// not once per rule.
const ReleaseModel &releaseModel(const RepoModel &M,
                                 const ReleaseOptions &Opts);

std::string renderInitConfig(const RepoModel &M);

} // namespace adminlint

#endif
