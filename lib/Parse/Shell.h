//===- Shell.h - POSIX sh / bash parser with exact ranges -------*- C++ -*-===//
#ifndef ADMINLINT_PARSE_SHELL_H
#define ADMINLINT_PARSE_SHELL_H

#include "lib/Basic/EmbeddedText.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {
namespace shell {

/// One word after quote removal. Its text keeps parameter expansions and
/// command substitutions as written ($X, ${X:-y}, $(cmd), `cmd`) and maps every
/// byte back to the host file, so a word taken apart again (the body of
/// `sh -c "..."`, an ssh remote command) still has exact host positions.
struct Word {
  EmbeddedText Text;
  SourceRange Range;         ///< host bytes of the whole word, quotes included
  bool Quoted = false;       ///< some part was quoted
  bool HasExpansion = false; ///< contains an unquoted or double-quoted $ or `
  llvm::StringRef value() const { return Text.text(); }
};

/// How a command is joined to the next one in its list.
enum class Connector { End, Seq, And, Or, Pipe, Background };

/// A redirection; for a here-document, Body holds its text (mapped to host).
struct Redirect {
  std::string Op; ///< ">", ">>", "<", "<<", "<<-", "<<<", "2>&1", ...
  Word Target;    ///< file, here-string or here-document delimiter
  EmbeddedText Body;
  bool IsHereDoc = false;
  bool HereDocQuoted =
      false; ///< delimiter was quoted: the body is not expanded
};

/// A simple command: leading assignments, its words, its redirections.
/// Compound commands (if/while/for/case, subshells, groups, functions,
/// substitutions) are flattened: their simple commands appear in source order.
struct Command {
  std::vector<Word> Assignments;
  std::vector<Word> Words;
  std::vector<Redirect> Redirects;
  SourceRange Range;
  Connector Next = Connector::End;
  unsigned Depth = 0;          ///< 0 at top level
  bool InSubstitution = false; ///< inside $(...) or `...`
  bool InCondition = false;    ///< in the condition of if/while/until
  std::string Function;        ///< name of the enclosing function, if any
  bool isExport() const {
    return !Words.empty() && Words[0].value() == "export";
  }
  llvm::StringRef name() const {
    return Words.empty() ? llvm::StringRef() : Words[0].value();
  }
};

/// A syntax problem; the parser recovers and keeps the commands it found.
struct ParseError {
  std::string Message;
  SourceRange Range;
  bool LimitExceeded = false; ///< a safety limit (MaxDepth) cut parsing short
};

/// A comment, for suppression directives.
struct Comment {
  SourceRange Range;
};

/// A parsed script: its simple commands in source order, and any errors.
struct Script {
  std::vector<Command> Commands;
  std::vector<ParseError> Errors;
  std::vector<Comment> Comments;
};

struct ParseOptions {
  unsigned MaxDepth =
      100; ///< nesting deeper than this is an error, not a stack overflow
  bool ExpressionsOpaque =
      false; ///< treat ${{ ... }} (GitHub) as part of a word
};

/// Parses shell code. Never throws; never recurses deeper than MaxDepth.
Script parse(const EmbeddedText &Source, const ParseOptions &Opts = {});

/// Parses a word's value as a script (the body of `sh -c "..."`, an ssh
/// remote command); ranges map to host bytes through W.Text.
Script parseWord(const Word &W, const ParseOptions &Opts = {});

} // namespace shell
} // namespace adminlint

#endif
