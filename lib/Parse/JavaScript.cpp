//===- JavaScript.cpp - A token-level JavaScript/TypeScript reader --------===//
//
// A `/` starts a regular expression where a value may start (after an
// operator, a keyword such as `return`, or an opening bracket) and only when
// the literal ends on the same line; otherwise it is division. Strings end
// at their line, so an unterminated one costs one line, not the file.
//
//===----------------------------------------------------------------------===//
#include "lib/Parse/JavaScript.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;
using namespace adminlint::script;

namespace adminlint {
namespace js {

bool isKeyword(StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases("break", "case", "catch", "class", "const", "continue", true)
      .Cases("debugger", "default", "delete", "do", "else", "export", true)
      .Cases("extends", "finally", "for", "function", "if", "import", true)
      .Cases("in", "instanceof", "let", "new", "return", "super", true)
      .Cases("switch", "this", "throw", "try", "typeof", "var", true)
      .Cases("void", "while", "with", "yield", "async", "await", true)
      .Cases("null", "true", "false", "undefined", "of", true)
      .Default(false);
}

namespace {

/// An open template literal, or an interpolation `${…}` inside one (Code).
struct Frame {
  bool Code = false;
  unsigned Literal = 0;
  unsigned TokenIndex = 0;
  unsigned Braces = 0;
  uint32_t InterpBegin = 0;
};

static bool isIdentStart(char C) {
  return isAlpha(C) || C == '_' || C == '$' ||
         static_cast<unsigned char>(C) >= 0x80;
}

static bool isIdentChar(char C) { return isIdentStart(C) || isDigit(C); }

static char decodeEscape(char C) {
  switch (C) {
  case 'n':
    return '\n';
  case 't':
    return '\t';
  case 'r':
    return '\r';
  case '0':
    return '\0';
  case 'b':
    return '\b';
  case 'f':
    return '\f';
  case 'v':
    return '\v';
  default:
    return C;
  }
}

static const char *const MultiCharOps[] = {
    ">>>=", "...", "===",  "!==", "**=", "<<=", ">>=", ">>>",
    "&&=",  "||=", "?\?=", "=>",  "==",  "!=",  "<=",  ">=",
    "&&",   "||",  "??",   "++",  "--",  "+=",  "-=",  "*=",
    "/=",   "%=",  "&=",   "|=",  "^=",  "**",  "<<",  ">>"};

/// A regular expression literal is looked for this far: a `/` that starts
/// none costs a bounded look-ahead, so a line of them stays linear.
static constexpr size_t MaxRegexBytes = 4096;

/// The reader: one pass with an explicit stack of template literals.
class Lexer {
public:
  Lexer(StringRef Text, const ParseOptions &Opts) : Text(Text), Opts(Opts) {}

  Script run() {
    if (Text.startswith("#!"))
      hashbang();
    while (!Done && Pos < Text.size()) {
      if (!Frames.empty() && !Frames.back().Code)
        lexTemplateBody();
      else
        lexCode();
    }
    finish();
    findCalls(S, CallSyntax{isKeyword, false});
    return std::move(S);
  }

private:
  StringRef Text;
  const ParseOptions &Opts;
  Script S;
  size_t Pos = 0;
  std::vector<Frame> Frames;
  std::vector<unsigned> Open;
  unsigned Last = NoPartner;
  bool Space = false;
  bool Done = false;

  char peek(size_t Off = 0) const {
    return Pos + Off < Text.size() ? Text[Pos + Off] : '\0';
  }

  void limit(const char *What) {
    S.Errors.push_back(
        {What, {static_cast<uint32_t>(Pos), static_cast<uint32_t>(Pos)}, true});
    Done = true;
  }

  unsigned addToken(TokenKind Kind, size_t Begin, size_t End) {
    if (S.Tokens.size() >= Opts.MaxTokens)
      limit("too many tokens");
    Token T;
    T.Kind = Kind;
    T.Range = {static_cast<uint32_t>(Begin), static_cast<uint32_t>(End)};
    T.Text = Text.slice(Begin, End);
    T.Depth = Open.size();
    T.SpaceBefore = Space;
    S.Tokens.push_back(T);
    Space = false;
    Last = S.Tokens.size() - 1;
    return Last;
  }

  bool afterValue() const {
    if (Last == NoPartner)
      return false;
    const Token &T = S.Tokens[Last];
    switch (T.Kind) {
    case TokenKind::Number:
    case TokenKind::String:
      return true;
    case TokenKind::Name:
      return !isKeyword(T.Text) || T.Text == "this" || T.Text == "super" ||
             T.Text == "null" || T.Text == "true" || T.Text == "false" ||
             T.Text == "undefined";
    case TokenKind::Op:
      return T.Text == ")" || T.Text == "]" || T.Text == "}";
    case TokenKind::Newline:
      return false;
    }
    return false;
  }

  void hashbang() {
    size_t End = Text.find('\n');
    Pos = End == StringRef::npos ? Text.size() : End;
    S.Shebang = SourceRange{0, static_cast<uint32_t>(Pos)};
  }

  void lexCode() {
    char C = Text[Pos];
    if (isBlank(C) || C == '\n') {
      Space = true;
      ++Pos;
      return;
    }
    if (C == '/' && peek(1) == '/')
      return lineComment();
    if (C == '/' && peek(1) == '*')
      return blockComment();
    if (isIdentStart(C) || (C == '#' && isIdentStart(peek(1))))
      return identifier();
    if (isDigit(C) || (C == '.' && isDigit(peek(1))))
      return number();
    if (C == '"' || C == '\'')
      return quoted(C);
    if (C == '`')
      return startTemplate();
    if (C == '/' && !afterValue() && regex())
      return;
    if (C == '(' || C == ')' || C == '[' || C == ']' || C == '{' || C == '}')
      return bracket(C);
    op();
  }

  void lineComment() {
    size_t End = Text.find('\n', Pos);
    if (End == StringRef::npos)
      End = Text.size();
    S.Comments.push_back(
        {static_cast<uint32_t>(Pos), static_cast<uint32_t>(End)});
    Pos = End;
  }

  void blockComment() {
    size_t End = Text.find("*/", Pos + 2);
    if (End == StringRef::npos) {
      S.Errors.push_back(
          {"unterminated comment",
           {static_cast<uint32_t>(Pos), static_cast<uint32_t>(Pos + 2)}});
      End = Text.size();
    } else {
      End += 2;
    }
    S.Comments.push_back(
        {static_cast<uint32_t>(Pos), static_cast<uint32_t>(End)});
    Pos = End;
    Space = true;
  }

  void identifier() {
    size_t Begin = Pos++;
    while (Pos < Text.size() && isIdentChar(Text[Pos]))
      ++Pos;
    addToken(TokenKind::Name, Begin, Pos);
  }

  void number() {
    size_t Begin = Pos;
    while (Pos < Text.size() && (isIdentChar(Text[Pos]) ||
                                 (Text[Pos] == '.' && Pos + 1 < Text.size() &&
                                  isDigit(Text[Pos + 1])) ||
                                 (Text[Pos] == '.' && Pos == Begin)))
      ++Pos;
    addToken(TokenKind::Number, Begin, Pos);
  }

  unsigned startLiteral(size_t Begin, LiteralKind Kind) {
    unsigned Lit = S.Strings.size();
    S.Strings.emplace_back();
    script::StringLiteral &L = S.Strings.back();
    L.Kind = Kind;
    uint32_t B = static_cast<uint32_t>(Begin);
    L.Range = {B, B + 1};
    L.Content = {B + 1, B + 1};
    unsigned T = addToken(TokenKind::String, Begin, Begin + 1);
    S.Tokens[T].Literal = Lit;
    return T;
  }

  void endLiteral(unsigned T, size_t ContentEnd, size_t End) {
    script::StringLiteral &L = S.Strings[S.Tokens[T].Literal];
    L.Content.End = static_cast<uint32_t>(ContentEnd);
    L.Range.End = static_cast<uint32_t>(End);
    S.Tokens[T].Range.End = L.Range.End;
    S.Tokens[T].Text = Text.slice(L.Range.Begin, L.Range.End);
    Last = T;
    Space = false;
  }

  /// Appends the escape at I (a backslash) to V; returns its length.
  size_t escape(size_t I, EmbeddedText &V) {
    if (I + 1 >= Text.size())
      return 1;
    char N = Text[I + 1];
    if (N == '\r' && I + 2 < Text.size() && Text[I + 2] == '\n')
      return 3;
    if (N != '\n')
      V.appendEscaped(decodeEscape(N), static_cast<uint32_t>(I), 2);
    return 2;
  }

  void quoted(char Quote) {
    unsigned T = startLiteral(Pos, LiteralKind::String);
    EmbeddedText &V = S.Strings[S.Tokens[T].Literal].Value;
    size_t I = Pos + 1;
    while (I < Text.size() && Text[I] != Quote && Text[I] != '\n') {
      if (Text[I] == '\\') {
        I += escape(I, V);
        continue;
      }
      size_t J = I + 1;
      while (J < Text.size() && Text[J] != Quote && Text[J] != '\n' &&
             Text[J] != '\\')
        ++J;
      V.appendVerbatim(Text.slice(I, J), static_cast<uint32_t>(I));
      I = J;
    }
    I = std::min(I, Text.size());
    if (I >= Text.size() || Text[I] != Quote) {
      S.Errors.push_back(
          {"unterminated string",
           {static_cast<uint32_t>(Pos), static_cast<uint32_t>(Pos + 1)}});
      endLiteral(T, I, I);
      Pos = I;
      return;
    }
    endLiteral(T, I, I + 1);
    Pos = I + 1;
  }

  /// A regular expression literal at Pos, if one ends on this line.
  bool regex() {
    bool InClass = false;
    size_t I = Pos + 1;
    size_t Limit = std::min(Text.size(), Pos + MaxRegexBytes);
    for (; I < Limit && Text[I] != '\n'; ++I) {
      char C = Text[I];
      if (C == '\\') {
        ++I;
        continue;
      }
      if (C == '[')
        InClass = true;
      else if (C == ']')
        InClass = false;
      else if (C == '/' && !InClass)
        break;
    }
    if (I >= Limit || Text[I] != '/')
      return false;
    unsigned T = startLiteral(Pos, LiteralKind::Regex);
    S.Strings[S.Tokens[T].Literal].Value.appendVerbatim(
        Text.slice(Pos + 1, I), static_cast<uint32_t>(Pos + 1));
    size_t End = I + 1;
    while (End < Text.size() && isAlpha(Text[End]))
      ++End;
    endLiteral(T, I, End);
    Pos = End;
    return true;
  }

  void startTemplate() {
    Frame F;
    F.TokenIndex = startLiteral(Pos, LiteralKind::String);
    F.Literal = S.Tokens[F.TokenIndex].Literal;
    Frames.push_back(F);
    ++Pos;
    if (Frames.size() + Open.size() > Opts.MaxDepth)
      limit("too deeply nested template literals");
  }

  void lexTemplateBody() {
    Frame &F = Frames.back();
    script::StringLiteral &L = S.Strings[F.Literal];
    char C = Text[Pos];
    if (C == '\\') {
      Pos += escape(Pos, L.Value);
      return;
    }
    if (C == '`') {
      unsigned T = F.TokenIndex;
      Frames.pop_back();
      endLiteral(T, Pos, Pos + 1);
      ++Pos;
      return;
    }
    if (C == '$' && peek(1) == '{') {
      L.Interpolated = true;
      Frame Code;
      Code.Code = true;
      Code.Literal = F.Literal;
      Code.TokenIndex = F.TokenIndex;
      Code.InterpBegin = static_cast<uint32_t>(Pos);
      Frames.push_back(Code);
      Pos += 2;
      Last = NoPartner;
      if (Frames.size() + Open.size() > Opts.MaxDepth)
        limit("too deeply nested template literals");
      return;
    }
    size_t End = Pos + 1;
    while (End < Text.size() && Text[End] != '\\' && Text[End] != '`' &&
           Text[End] != '$')
      ++End;
    L.Value.appendVerbatim(Text.slice(Pos, End), static_cast<uint32_t>(Pos));
    Pos = End;
  }

  void bracket(char C) {
    if (!Frames.empty() && Frames.back().Code) {
      Frame &F = Frames.back();
      if (C == '}' && F.Braces == 0) {
        ++Pos;
        S.Strings[F.Literal].Value.appendVerbatim(
            Text.slice(F.InterpBegin, Pos), F.InterpBegin);
        Frames.pop_back();
        Last = Frames.back().TokenIndex;
        return;
      }
      F.Braces += C == '{';
      F.Braces -= C == '}';
    }
    unsigned T = addToken(TokenKind::Op, Pos, Pos + 1);
    ++Pos;
    pairBracket(S, T, Open);
    if (Frames.size() + Open.size() > Opts.MaxDepth)
      limit("too deeply nested brackets");
  }

  void op() {
    StringRef Rest = Text.substr(Pos);
    size_t Len = 1;
    if (Rest.startswith("?.") && !(Rest.size() > 2 && isDigit(Rest[2])))
      Len = 2;
    for (const char *O : MultiCharOps)
      if (Len == 1 && Rest.startswith(O))
        Len = strlen(O);
    addToken(TokenKind::Op, Pos, Pos + Len);
    Pos += Len;
  }

  void finish() {
    for (const Frame &F : Frames) {
      if (F.Code)
        continue;
      endLiteral(F.TokenIndex, Text.size(), Text.size());
      if (!Done)
        S.Errors.push_back({"unterminated template literal",
                            {S.Tokens[F.TokenIndex].Range.Begin,
                             S.Tokens[F.TokenIndex].Range.Begin + 1}});
    }
    if (!Open.empty() && !Done)
      S.Errors.push_back(
          {"unclosed '" + S.Tokens[Open.front()].Text.str() + "'",
           S.Tokens[Open.front()].Range});
  }
};

static bool isOp(const Token &T, StringRef Text) {
  return T.Kind == TokenKind::Op && T.Text == Text;
}

static bool isName(const Token &T, StringRef Text) {
  return T.Kind == TokenKind::Name && T.Text == Text;
}

/// `import x from "m"`, `import "m"`, `export { x } from "m"`: the module
/// string that ends the statement, searched a bounded number of tokens on.
static void findImportStatements(Module &M) {
  const Script &S = M.Script;
  for (unsigned I = 0; I < S.Tokens.size(); ++I) {
    const Token &T = S.Tokens[I];
    if (isName(T, "import") && I + 2 < S.Tokens.size() &&
        isOp(S.Tokens[I + 1], "(") &&
        S.Tokens[I + 2].Kind == TokenKind::String) {
      const Token &U = S.Tokens[I + 2];
      M.Imports.push_back(
          {S.Strings[U.Literal].Value.text(), {T.Range.Begin, U.Range.End}});
      continue;
    }
    bool Starts = T.Depth == 0 && (isName(T, "import") || isName(T, "export"));
    if (!Starts)
      continue;
    for (unsigned J = I + 1; J < S.Tokens.size() && J < I + 64; ++J) {
      const Token &U = S.Tokens[J];
      if (isOp(U, ";") || (U.Depth == 0 && J > I + 1 &&
                           (isName(U, "import") || isName(U, "export"))))
        break;
      if (U.Kind != TokenKind::String || U.Depth != 0)
        continue;
      if (isName(T, "import") || isName(S.Tokens[J - 1], "from"))
        M.Imports.push_back(
            {S.Strings[U.Literal].Value.text(), {T.Range.Begin, U.Range.End}});
      break;
    }
  }
}

static void findRequires(Module &M) {
  for (const Call &C : M.Script.Calls) {
    if (C.Method != "require" || C.HasReceiver || C.Args.empty())
      continue;
    if (const script::StringLiteral *L = M.Script.literal(C.Args.front()))
      M.Imports.push_back({L->Value.text(), C.Range});
  }
}

/// `require.main === module` or `module === require.main`.
static void findMainGuard(Module &M) {
  const std::vector<Token> &T = M.Script.Tokens;
  for (unsigned I = 0; I + 2 < T.size(); ++I) {
    if (!isName(T[I], "require") || !isOp(T[I + 1], ".") ||
        !isName(T[I + 2], "main"))
      continue;
    bool After = I + 4 < T.size() &&
                 (isOp(T[I + 3], "===") || isOp(T[I + 3], "==")) &&
                 isName(T[I + 4], "module");
    bool Before = I >= 2 && (isOp(T[I - 1], "===") || isOp(T[I - 1], "==")) &&
                  isName(T[I - 2], "module");
    if (After)
      M.MainGuard = SourceRange{T[I].Range.Begin, T[I + 4].Range.End};
    else if (Before)
      M.MainGuard = SourceRange{T[I - 2].Range.Begin, T[I + 2].Range.End};
    if (M.MainGuard)
      return;
  }
}

/// A top-level call other than require, an IIFE `(…)()`, a top-level await.
static void findTopLevelCode(Module &M) {
  const Script &S = M.Script;
  for (const Call &C : S.Calls)
    if (C.TopLevel && !(C.Method == "require" && !C.HasReceiver)) {
      M.TopLevelCode = C.Range;
      break;
    }
  for (unsigned I = 1; I < S.Tokens.size(); ++I) {
    const Token &T = S.Tokens[I];
    bool Iife = isOp(T, "(") && T.Depth == 0 && isOp(S.Tokens[I - 1], ")");
    bool Await = isName(T, "await") && T.Depth == 0;
    if (!Iife && !Await)
      continue;
    if (!M.TopLevelCode || T.Range.Begin < M.TopLevelCode->Begin)
      M.TopLevelCode = T.Range;
    return;
  }
}

} // namespace

Module parse(StringRef Text, const ParseOptions &Opts) {
  Module M;
  M.Script = Lexer(Text, Opts).run();
  findImportStatements(M);
  findRequires(M);
  findMainGuard(M);
  findTopLevelCode(M);
  std::sort(M.Imports.begin(), M.Imports.end(),
            [](const Import &A, const Import &B) {
              return A.Range.Begin < B.Range.Begin;
            });
  return M;
}

} // namespace js
} // namespace adminlint
