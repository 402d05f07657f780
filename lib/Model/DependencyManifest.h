//===- DependencyManifest.h - requirements.txt, Gemfile, ... ----*- C++ -*-===//
#ifndef ADMINLINT_MODEL_DEPENDENCYMANIFEST_H
#define ADMINLINT_MODEL_DEPENDENCYMANIFEST_H

#include "lib/Model/AdminCommand.h"
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

/// The `scripts` of a package.json text: each name with a string command
/// line. Empty when the text is not a JSON object or has no scripts; never
/// throws. Nesting and size are bounded by Limits.
PackageScripts parsePackageScripts(llvm::StringRef Json,
                                   const FrontendLimits &Limits = {});

/// The frontend of FileKind::DependencyManifest and FileKind::PackageJson
/// when no other frontend reads it: keeps the manifest in the repository model.
void analyzeDependencyManifest(FileAnalysis &A, const FrontendLimits &Limits);

} // namespace adminlint

#endif
