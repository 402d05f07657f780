//===- JavaScript.h - Token-level JavaScript/TypeScript reader -*- C++ -*-===//
#ifndef ADMINLINT_PARSE_JAVASCRIPT_H
#define ADMINLINT_PARSE_JAVASCRIPT_H

#include "lib/Parse/ScriptTokens.h"

namespace adminlint {
namespace js {

/// An `import … from "m"`, `import "m"`, `export … from "m"` or
/// `require("m")` with a literal module name.
struct Import {
  std::string Module;
  SourceRange Range; ///< the statement or the require call
};

/// What the reader found in one JavaScript or TypeScript file.
struct Module {
  script::Script Script;
  std::vector<Import> Imports;
  /// `require.main === module` (or the reverse), a `main` guard.
  llvm::Optional<SourceRange> MainGuard;
  /// Code that runs on load outside functions: a call (other than
  /// require), an immediately invoked function, a top-level await.
  llvm::Optional<SourceRange> TopLevelCode;
};

/// Reads JavaScript or TypeScript source into tokens, literals, calls and
/// imports. Skips comments and a hashbang line; reads strings, template
/// literals (with the code of their `${…}` as tokens) and regular expression
/// literals with their exact ranges. Never throws, never recurses.
Module parse(llvm::StringRef Text, const script::ParseOptions &Opts = {});

/// Whether a name is a JavaScript keyword that is never a callee.
bool isKeyword(llvm::StringRef Name);

} // namespace js
} // namespace adminlint

#endif
