//===- ScriptTokens.h - Tokens and calls of Ruby and JavaScript -*- C++ -*-===//
//
// The token-level model the Ruby and JavaScript/TypeScript readers share:
// tokens with exact byte ranges, string literals with their decoded values,
// and the calls found over the tokens (a receiver chain, a method name and
// its arguments). Neither reader evaluates anything.
//
//===----------------------------------------------------------------------===//
#ifndef ADMINLINT_PARSE_SCRIPTTOKENS_H
#define ADMINLINT_PARSE_SCRIPTTOKENS_H

#include "lib/Basic/EmbeddedText.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {
namespace script {

/// What a token is. Newline ends a Ruby statement (JavaScript has none).
enum class TokenKind { Name, Number, String, Op, Newline };

/// Sentinel of Token::Partner: no matching bracket.
constexpr unsigned NoPartner = ~0u;

/// One token. Comments are not tokens; a string literal is one token even
/// when it holds interpolated code (whose tokens follow it).
struct Token {
  TokenKind Kind = TokenKind::Op;
  SourceRange Range;
  llvm::StringRef Text; ///< view into the read text
  unsigned Literal = 0; ///< String: index into Script::Strings
  /// A bracket: the index of its partner, or NoPartner.
  unsigned Partner = NoPartner;
  /// Enclosing brackets, plus Ruby's def/class/module bodies: 0 is top level.
  unsigned Depth = 0;
  bool SpaceBefore = false; ///< blank space precedes it on the same line
};

/// What a literal is: a string, a command (Ruby backticks, `%x`), a regular
/// expression, a symbol (`:"x"`, `%s`) or a word list (`%w`, `%i`).
enum class LiteralKind { String, Command, Regex, Symbol, Words };

/// A string-like literal and its decoded value (escapes resolved; each
/// decoded byte maps back to the bytes that wrote it). Interpolated code
/// (`#{…}`, `${…}`) stays in the value as written.
struct StringLiteral {
  SourceRange Range;   ///< opener through closer (a heredoc: its `<<~ID`)
  SourceRange Content; ///< between the delimiters (a heredoc: its body)
  EmbeddedText Value;
  LiteralKind Kind = LiteralKind::String;
  bool Interpolated = false; ///< holds `#{…}` or `${…}`
};

/// One argument of a call: tokens [Begin, End).
struct Argument {
  unsigned Begin = 0;
  unsigned End = 0;
  SourceRange Range;
  /// The argument is exactly one string literal: its index in Strings.
  llvm::Optional<unsigned> Literal;
};

/// A call: `User.where(x).update_all(y)`, `require "x"`, `knex('t').del()`,
/// `new Pool({...})`, a tagged template `` sql`...` ``.
struct Call {
  std::string Callee; ///< the chain as written, arguments elided:
                      ///< "User.where().update_all", "ActiveRecord::Base.x"
  std::string Method; ///< the last name: "update_all"
  std::string Root;   ///< the first name of the chain ("" for a literal)
  unsigned NameToken = 0;
  SourceRange CalleeRange; ///< the method name
  SourceRange Range; ///< the chain's root (or `new`) through the arguments
  std::vector<Argument> Args;
  bool HasReceiver = false; ///< `x.m`, `X::m`, `x&.m`, `x?.m`
  bool RootIsCall = false;  ///< the chain starts with a call: `knex('t').m`
  bool IsNew = false;       ///< JavaScript `new X(...)`
  bool TopLevel = false;    ///< outside brackets and Ruby def/class/module
};

/// A reader error: ADM900, or ADM902 when a safety limit tripped.
struct ParseError {
  std::string Message;
  SourceRange Range;
  bool LimitExceeded = false;
};

/// What a reader found in one file.
struct Script {
  std::vector<Token> Tokens;
  std::vector<StringLiteral> Strings;
  std::vector<Call> Calls;
  std::vector<SourceRange> Comments;
  llvm::Optional<SourceRange> Shebang;
  std::vector<ParseError> Errors;

  /// The first string literal of an argument, if it is one.
  const StringLiteral *literal(const Argument &A) const {
    return A.Literal ? &Strings[*A.Literal] : nullptr;
  }
};

/// The safety limits of a reader.
struct ParseOptions {
  unsigned MaxDepth = 256;      ///< deeper nesting is an error
  unsigned MaxTokens = 2000000; ///< more tokens are an error
};

/// How the call finder reads a language.
struct CallSyntax {
  /// Names that are keywords, never callees (`if`, `function`, ...).
  bool (*IsKeyword)(llvm::StringRef Name) = nullptr;
  /// Ruby: calls without parentheses (`require "x"`, `order.save!`,
  /// `conn.execute "SQL"`); JavaScript: tagged templates only.
  bool Ruby = false;
};

/// Fills S.Calls from S.Tokens (brackets already paired). Linear in the
/// tokens: receiver chains are followed back at most 64 steps.
void findCalls(Script &S, const CallSyntax &Syntax);

/// Records a bracket: pushes an opener on Open, or pairs a closer with the
/// innermost opener (a mismatch is an error). The depth of each token is
/// taken from Open.size() by the caller.
void pairBracket(Script &S, unsigned Index, std::vector<unsigned> &Open);

/// Blank space inside a line (a line break is a token in Ruby).
inline bool isBlank(char C) {
  return C == ' ' || C == '\t' || C == '\r' || C == '\f' || C == '\v';
}

/// Whether a name starts with an ASCII capital (a Ruby constant, a class).
inline bool isCapitalized(llvm::StringRef Name) {
  return !Name.empty() && Name.front() >= 'A' && Name.front() <= 'Z';
}

/// Whether text starts (after blanks and SQL comments) with a statement that
/// writes: UPDATE, DELETE, INSERT, ALTER, DROP, TRUNCATE, MERGE.
bool isSqlWrite(llvm::StringRef Text);

} // namespace script
} // namespace adminlint

#endif
