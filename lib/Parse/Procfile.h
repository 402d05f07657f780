//===- Procfile.h - Procfile parser with exact ranges -----------*- C++ -*-===//
#ifndef ADMINLINT_PARSE_PROCFILE_H
#define ADMINLINT_PARSE_PROCFILE_H

#include "lib/Basic/EmbeddedText.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {
namespace procfile {

/// One `type: command` line.
struct Process {
  std::string Type;
  SourceRange TypeRange;
  EmbeddedText Command; ///< the command, surrounding whitespace trimmed
  SourceRange Range;    ///< the whole line without its terminator
};

/// A line that is neither a process, a comment nor blank.
struct ParseError {
  std::string Message;
  SourceRange Range;
};

/// A parsed Procfile.
struct Procfile {
  std::vector<Process> Processes;
  std::vector<SourceRange> Comments;
  std::vector<ParseError> Errors;

  /// The last process of a type (the one Heroku runs), or null.
  const Process *find(llvm::StringRef Type) const;
};

/// Parses a Procfile starting at Start (after a BOM). Never throws.
Procfile parse(llvm::StringRef Text, uint32_t Start = 0);

} // namespace procfile
} // namespace adminlint

#endif
