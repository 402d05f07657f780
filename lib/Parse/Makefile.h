//===- Makefile.h - Makefile rule and recipe parser -------------*- C++ -*-===//
#ifndef ADMINLINT_PARSE_MAKEFILE_H
#define ADMINLINT_PARSE_MAKEFILE_H

#include "lib/Basic/EmbeddedText.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {
namespace makefile {

/// One recipe line as the shell receives it: the recipe prefix and the
/// `@`/`-`/`+` prefixes removed, `$$` decoded to `$`, make variable
/// references decoded to `${NAME}` (every byte mapped to the whole host
/// reference), backslash-newline continuations kept as the shell sees them.
struct RecipeLine {
  EmbeddedText Text;
  SourceRange Range;         ///< host bytes of the command, prefixes excluded
  bool Silent = false;       ///< `@`
  bool IgnoreErrors = false; ///< `-`
  bool AlwaysRun = false;    ///< `+`
};

/// A rule `targets: prerequisites` and its recipe.
struct Rule {
  std::vector<std::string> Targets;
  SourceRange TargetsRange;
  std::string Prerequisites;
  SourceRange Range; ///< the rule line through its last recipe line
  bool DoubleColon = false;
  std::vector<RecipeLine> Recipe;
  /// The recipe lines joined by newlines, as one shell script.
  EmbeddedText Script;
};

/// A problem found while parsing; the parser goes on.
struct ParseError {
  std::string Message;
  SourceRange Range;
};

/// The rules of a Makefile; variables, define/endef blocks and conditionals
/// are read only as far as needed to find rules and recipes.
struct Makefile {
  std::vector<Rule> Rules;
  std::vector<SourceRange> Comments;
  std::vector<ParseError> Errors;
};

/// Parses a Makefile starting at Start (after a BOM). Never throws.
Makefile parse(llvm::StringRef Text, uint32_t Start = 0);

} // namespace makefile
} // namespace adminlint

#endif
