//===- Kustomize.h - kustomizations, bases, overlays and images -*- C++ -*-===//
//
// The Kustomization frontend (KustomizeFrontend.cpp) reads one
// kustomization.yaml: its resources and its `images:` transformer. At
// repository level, buildKustomizations follows resources through bases and
// overlays (never looping: a cycle is an ADM900 at the resource entry) and
// applies each level's `images:` to the workloads below it, without running
// kustomize. Every kustomization is a release unit of its own.
//
//===----------------------------------------------------------------------===//
#ifndef ADMINLINT_MODEL_KUSTOMIZE_H
#define ADMINLINT_MODEL_KUSTOMIZE_H

#include "lib/Basic/Diagnostic.h"
#include "lib/Model/RepoModel.h"
#include "lib/Model/Workload.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringSet.h"
#include <deque>
#include <string>
#include <vector>

namespace adminlint {
namespace kustomize {

/// One `resources:` (or legacy `bases:`) entry, as a repository path.
struct Resource {
  std::string Written; ///< as in the file ("../base", "job.yaml")
  std::string Path;    ///< normalized repository-relative path
  SourceRange Range;
};

/// One `images:` entry: which image it matches and what it sets.
struct ImageOverride {
  std::string Name;    ///< the repository it matches
  std::string NewName; ///< replaces the repository when set
  std::string NewTag;  ///< replaces the tag (and drops a digest) when set
  std::string Digest;  ///< replaces the tag by a digest when set
  SourceRange Range;
};

/// A kustomization.yaml (FileAnalysis::Model of Kustomization).
struct Kustomization {
  std::vector<Resource> Resources;
  std::vector<ImageOverride> Images;
};

/// The repository directory of a kustomization file ("" at the root).
std::string directoryOf(llvm::StringRef KustomizationPath);

/// Joins a resource entry to its kustomization's directory and removes `.`
/// and `..`; None for remote resources and paths leaving the repository.
llvm::Optional<std::string> resolveResourcePath(llvm::StringRef Dir,
                                                llvm::StringRef Entry);

/// Applies the first override matching Image's repository; returns whether
/// one matched. An unresolved image is matched by nothing.
bool applyImageOverrides(llvm::ArrayRef<ImageOverride> Overrides,
                         ImageRef &Image);

/// A kustomization's workloads after every `images:` on the way.
struct Unit {
  std::string Dir;  ///< the kustomization's directory: the release unit name
  std::string Path; ///< the kustomization file
  std::vector<Workload> Workloads; ///< copies; ReleaseUnit is Dir
  /// Another kustomization includes this one (a base).
  bool IsBase = false;
};

/// Every kustomization of a repository, resolved.
struct KustomizeModel {
  std::vector<Unit> Units;
  /// Manifest files some kustomization reads: their workloads belong to the
  /// kustomization units, not to a directory-of-manifests unit.
  llvm::StringSet<> ResourceFiles;
  /// ADM900 at resource entries that close a cycle or nest too deep.
  std::vector<Diagnostic> Problems;
};

/// Resolves every kustomization in M. Linear in kustomizations times the
/// workloads they include; never loops.
KustomizeModel buildKustomizations(const RepoModel &M);

/// The workloads a release model compares: M's workloads with the images of
/// chart templates resolved through values.yaml and Chart.yaml (see
/// helm::HelmResolver), and the workloads of kustomize resources replaced by
/// their copies in each overlay (a kustomization no other one includes) with
/// its `images:` applied; overlays that run the same images in the same places
/// are kept once. Changed copies are stored in Storage, which must outlive the
/// result.
std::vector<const Workload *> releaseWorkloads(const RepoModel &M,
                                               std::deque<Workload> &Storage);

} // namespace kustomize
} // namespace adminlint

#endif
