//===- Dockerfile.h - Dockerfile parser with exact ranges -------*- C++ -*-===//
#ifndef ADMINLINT_PARSE_DOCKERFILE_H
#define ADMINLINT_PARSE_DOCKERFILE_H

#include "lib/Basic/EmbeddedText.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {
namespace dockerfile {

/// A `--name=value` flag of an instruction (`COPY --from=build`,
/// `FROM --platform=linux/amd64`, `RUN --mount=...`).
struct Flag {
  std::string Name; ///< without the leading dashes
  std::string Value;
  SourceRange Range; ///< the whole flag
};

/// A here-document of a RUN, COPY or ADD instruction.
struct Heredoc {
  std::string Delimiter;
  SourceRange MarkerRange; ///< `<<EOF`, `<<-"EOF"`, ... in the instruction
  uint32_t ArgsBegin = 0;  ///< the marker's decoded offsets in Args
  uint32_t ArgsEnd = 0;
  EmbeddedText Body;      ///< body lines, `<<-` tabs removed, newlines kept
  SourceRange BodyRange;  ///< host bytes from the body to the terminator's end
  bool Quoted = false;    ///< delimiter quoted: the body is not expanded
  bool StripTabs = false; ///< `<<-`
  bool Terminated = true;
};

/// One element of an exec-form (JSON array) instruction.
struct ExecArg {
  EmbeddedText Text; ///< the decoded string, mapped to its host bytes
  SourceRange Range; ///< the JSON string, quotes included
};

/// One instruction with its continuation lines joined.
struct Instruction {
  std::string Keyword; ///< upper-cased (`RUN`); unknown keywords are kept
  SourceRange KeywordRange;
  SourceRange Range; ///< keyword to the end of the last line (or heredoc)
  std::vector<Flag> Flags;
  /// The text after the keyword and the flags, continuation lines joined and
  /// comment lines inside them removed, trailing whitespace trimmed.
  EmbeddedText Args;
  bool ExecForm = false; ///< Args is a JSON array of strings
  std::vector<ExecArg> Exec;
  std::vector<Heredoc> Heredocs;
  int Stage = -1; ///< index of the enclosing stage, -1 before the first FROM

  bool is(llvm::StringRef K) const { return Keyword == K; }
  const Flag *flag(llvm::StringRef Name) const;
};

/// A `key=value` pair of ENV, ARG or LABEL (or the legacy `ENV key value`).
struct KeyValue {
  std::string Key;
  std::string Value; ///< quotes and escapes removed
  bool HasValue = false;
  SourceRange KeyRange;
  SourceRange Range; ///< the whole pair as written
};

/// A build stage: one FROM and the instructions up to the next.
struct Stage {
  unsigned Index = 0;
  std::string Name; ///< lower-cased `AS name`, or empty
  SourceRange NameRange;
  std::string
      Image; ///< the base as written (`python:3.12`, a stage, `${BASE}`)
  SourceRange ImageRange;
  std::string Platform;
  /// The WORKDIR and USER in effect at the end of the stage (inherited from
  /// a base stage; a relative WORKDIR is joined to the previous one).
  std::string Workdir;
  std::string User;
  unsigned From = 0;                  ///< index of the FROM instruction
  std::vector<unsigned> Instructions; ///< indices, FROM included

  /// The stage name, or its index as text when it has none.
  std::string label() const;
};

/// A problem found while parsing; the parser recovers and goes on.
struct ParseError {
  std::string Message;
  SourceRange Range;
};

/// A parsed Dockerfile.
struct Dockerfile {
  char Escape = '\\';
  std::vector<Instruction> Instructions;
  std::vector<Stage> Stages;
  std::vector<KeyValue> GlobalArgs; ///< ARGs before the first FROM
  /// The default of each global ARG that has one (the last one wins).
  llvm::StringMap<std::string> ArgDefaults;
  /// The index of the first stage of each (lower-cased) name.
  llvm::StringMap<unsigned> StageIndex;
  std::vector<SourceRange> Comments;
  std::vector<ParseError> Errors;

  /// The stage named Name (case-insensitive), or null.
  const Stage *findStage(llvm::StringRef Name) const;
  /// The stage a base image names (`FROM build`), or null for an image.
  const Stage *baseStage(const Stage &S) const;
  /// The base image of S after following stage references and substituting
  /// global ARG defaults; empty when it cannot be resolved.
  std::string resolvedBase(const Stage &S) const;
  /// The FROM of the stage whose base is an image (not a stage) in S's chain.
  const Stage &rootStage(const Stage &S) const;
};

/// Parses a Dockerfile. Text is the whole file; parsing starts at Start (after
/// a BOM). Never throws; every range is a byte range into Text.
Dockerfile parse(llvm::StringRef Text, uint32_t Start = 0);

/// The pairs of an ENV, ARG or LABEL instruction.
std::vector<KeyValue> keyValues(const Instruction &I, char Escape = '\\');

/// Decodes a JSON array of strings in Text; false when Text is not exactly
/// one (surrounding whitespace allowed).
bool parseExecForm(const EmbeddedText &Text, std::vector<ExecArg> &Out);

} // namespace dockerfile
} // namespace adminlint

#endif
