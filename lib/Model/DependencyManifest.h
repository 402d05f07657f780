//===- DependencyManifest.h - requirements.txt, Gemfile, ... ----*- C++ -*-===//
#ifndef ADMINLINT_MODEL_DEPENDENCYMANIFEST_H
#define ADMINLINT_MODEL_DEPENDENCYMANIFEST_H

#include "lib/Model/FileAnalysis.h"
#include "lib/Model/Frontends.h"
#include "llvm/ADT/StringRef.h"

namespace adminlint {

/// The typed model of a dependency manifest: which package ecosystem it
/// belongs to, so manifests of one ecosystem can be compared by directory.
struct DependencyManifestModel {
  llvm::StringRef
      Ecosystem; ///< "python", "ruby", "node", "php", "go", "jvm", ...
};

/// The ecosystem of a manifest file name, or "" if it is none.
llvm::StringRef manifestEcosystem(llvm::StringRef FileName);

/// The frontend of FileKind::DependencyManifest and FileKind::PackageJson
/// when no other frontend reads it: keeps the manifest in the repository model.
void analyzeDependencyManifest(FileAnalysis &A, const FrontendLimits &Limits);

} // namespace adminlint

#endif
