//===- RepoModel.h - The whole repository's release model -------*- C++ -*-===//
#ifndef ADMINLINT_MODEL_REPOMODEL_H
#define ADMINLINT_MODEL_REPOMODEL_H

#include "lib/Model/FileAnalysis.h"
#include <memory>
#include <string>
#include <vector>

namespace adminlint {

class ReleaseModel;

/// What the cross-file rules read: every file analysis the driver kept (those
/// with workloads or a typed model), and all workloads. The release units and
/// the app of each are built in lib/Model from these.
struct RepoModel {
  std::string Root; ///< absolute path of the repository root
  std::vector<std::shared_ptr<const FileAnalysis>> Files;
  std::vector<const Workload *> Workloads;
  /// The release model, built on the first releaseModel() call
  /// (ReleaseModel.h) and shared by every release check. The repository checks
  /// run one after another, so filling it needs no lock.
  mutable std::shared_ptr<const ReleaseModel> Release;

  const FileAnalysis *findFile(llvm::StringRef Path) const;
};

} // namespace adminlint

#endif
