//===- Classify.h - From a path to a file kind and a context ----*- C++ -*-===//
#ifndef ADMINLINT_DRIVER_CLASSIFY_H
#define ADMINLINT_DRIVER_CLASSIFY_H

#include "lib/Driver/Ignore.h"
#include "lib/Model/FileAnalysis.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include <utility>

namespace adminlint {

/// What the walk knows about a file's place in a Helm chart.
struct ChartPlace {
  bool BesideChart = false;      ///< the directory holds a Chart.yaml
  bool InChartTemplates = false; ///< under the templates/ dir of a chart
};

/// The kind of a file from its repository-relative path alone. Unknown for
/// files that do not matter and for files with no extension, which may still
/// be scripts (see mayHaveShebang and classifyShebang). Ruby and
/// JavaScript/TypeScript files count only under a script/, scripts/, bin/,
/// tools/, tasks/ or db/ directory at any depth; Rakefile is Ruby and
/// artisan is a Laravel marker.
FileKind classifyPath(llvm::StringRef RelPath, ChartPlace Place = {});

/// Whether a file of unknown kind may be a script: its name has no extension.
bool mayHaveShebang(llvm::StringRef RelPath);

/// The kind a `#!` first line says (sh, bash, dash, zsh, ksh, python, ruby,
/// node, ts-node, through `/usr/bin/env` with options); Unknown otherwise.
FileKind classifyShebang(llvm::StringRef FirstLine);

/// A config `contexts` entry: files matching Glob have context Ctx.
using ContextOverride = std::pair<GlobPattern, Context>;

/// The context the config's `contexts` gives a file (the last matching
/// override), if any.
llvm::Optional<Context>
configuredContext(llvm::StringRef RelPath,
                  llvm::ArrayRef<ContextOverride> Overrides);

/// The context of a file: the last matching override, else Test for paths
/// under test/, tests/, spec/, e2e/, Local for .devcontainer/ and examples/,
/// else Production. ContextPath is the path below the scanned directory.
Context classifyContext(llvm::StringRef RelPath, llvm::StringRef ContextPath,
                        llvm::ArrayRef<ContextOverride> Overrides);

} // namespace adminlint

#endif
