//===- Python.h - A token-level Python reader with exact ranges -*- C++ -*-===//
#ifndef ADMINLINT_PARSE_PYTHON_H
#define ADMINLINT_PARSE_PYTHON_H

#include "lib/Basic/EmbeddedText.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {
namespace python {

enum class TokenKind { Name, Number, String, Op, Newline };

/// One token. Comments and line continuations are not tokens.
struct Token {
  TokenKind Kind = TokenKind::Op;
  SourceRange Range;
  llvm::StringRef Text; ///< view into the parsed text
  unsigned Literal = 0; ///< String: index into Script::Strings
  unsigned Partner = 0; ///< an opening bracket: index of its closing one
};

/// A string literal and its decoded value (escapes resolved for non-raw
/// literals, each decoded byte mapped back to the bytes that wrote it).
struct StringLiteral {
  SourceRange Range;   ///< prefix and quotes included
  SourceRange Content; ///< between the quotes
  EmbeddedText Value;
  bool Bytes = false;
  bool Raw = false;
  bool Format = false; ///< an f-string: replacement fields stay as written
};

/// The value of a call argument or an assignment.
struct Value {
  SourceRange Range;
  std::string Text; ///< the source text, at most 256 bytes
  /// The value is one string literal or several adjacent ones, concatenated.
  llvm::Optional<EmbeddedText> Literal;
  /// The value is a list or tuple whose items are all string literals.
  std::vector<EmbeddedText> Items;
  bool IsSequence = false;
  bool HasFormat = false; ///< some literal is an f-string
};

/// One positional or keyword argument ("*"/"**" for unpacking).
struct Argument {
  std::string Keyword;
  Value Val;
};

/// A call of a dotted name: `subprocess.run(...)`, `django.setup()`.
struct Call {
  std::string Callee;
  SourceRange CalleeRange;
  SourceRange Range; ///< callee through the closing parenthesis
  std::vector<Argument> Args;
  unsigned Statement = 0;
  const Argument *keyword(llvm::StringRef Name) const;
  const Argument *positional(unsigned Index) const;
};

/// `target = value` or `target["key"] = value` at statement level, and
/// `"key": value` entries of dict displays (Target empty, IsDictEntry).
struct Assignment {
  std::string Target; ///< dotted name: "DATABASE_URL", "os.environ"
  std::string Key;    ///< a string subscript or a dict key
  SourceRange TargetRange;
  Value Val;
  bool IsDictEntry = false;
};

/// One logical line.
struct Statement {
  unsigned FirstToken = 0;
  unsigned EndToken = 0; ///< one past the last token (the Newline excluded)
  unsigned Indent = 0;
  SourceRange Range;
};

struct ParseError {
  std::string Message;
  SourceRange Range;
};

/// What the reader found in one Python file.
struct Script {
  std::vector<Token> Tokens;
  std::vector<StringLiteral> Strings;
  std::vector<Statement> Statements;
  std::vector<Call> Calls;
  std::vector<Assignment> Assignments;
  std::vector<std::string> Imports;     ///< modules of import/from statements
  std::vector<std::string> Decorators;  ///< dotted decorator names
  std::vector<std::string> BaseClasses; ///< dotted base class names
  std::vector<SourceRange> Comments;
  llvm::Optional<SourceRange> Shebang;
  llvm::Optional<SourceRange> MainGuard; ///< `if __name__ == "__main__"`
  /// A top-level statement that does something (a call or a control
  /// statement), not only definitions, imports and constants.
  bool HasTopLevelCode = false;
  std::vector<ParseError> Errors;

  llvm::StringRef tokenText(unsigned I) const { return Tokens[I].Text; }
};

struct ParseOptions {
  unsigned MaxBracketDepth = 256; ///< deeper nesting is an error
  unsigned MaxTokens = 2000000;   ///< more tokens are an error
};

/// Reads Python source. Never throws, never recurses.
Script parse(llvm::StringRef Text, const ParseOptions &Opts = {});

/// What skim() tells of a file: parse()'s Shebang, MainGuard and
/// HasTopLevelCode, unless NeedsParse.
struct Skim {
  /// Only parse() can tell: the file has a syntax error, reaches a limit, or
  /// has a dotted name the caller's filter wants.
  bool NeedsParse = false;
  llvm::Optional<SourceRange> Shebang;
  llvm::Optional<SourceRange> MainGuard;
  bool HasTopLevelCode = false;
};

/// Whether a dotted name matters to skim()'s caller. Dotted is spelled as
/// parse() spells names (Call::Callee, Assignment::Target, decorators, base
/// classes), with a leading "." when a "." comes before it; Next is the first
/// character of the operator token after it, or 0.
using NameFilter = llvm::function_ref<bool(llvm::StringRef Dotted, char Next)>;

/// Whether a string literal matters to skim()'s caller: Value is decoded;
/// AfterValueOp tells that the token before it is "=" or ":", as before the
/// value of an assignment, a keyword argument or a dict entry.
using LiteralFilter =
    llvm::function_ref<bool(llvm::StringRef Value, bool AfterValueOp)>;

/// Reads Text with parse()'s lexer but keeps no token, literal or statement:
/// a cheap pass for files that turn out to do nothing of interest. It stops
/// (NeedsParse) at the first syntax error, name that Matters or literal that
/// Literals wants.
Skim skim(llvm::StringRef Text, NameFilter Matters, LiteralFilter Literals,
          const ParseOptions &Opts = {});

/// Decodes the string literal at Range of Text (prefix and quotes included)
/// and appends its value to Out.
void decodeString(llvm::StringRef Text, const StringLiteral &Lit,
                  EmbeddedText &Out);

} // namespace python
} // namespace adminlint

#endif
