//===- Python.cpp - A token-level Python reader with exact ranges ---------===//
#include "lib/Parse/Python.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <algorithm>

using namespace llvm;

namespace adminlint {
namespace python {

const Argument *Call::keyword(StringRef Name) const {
  for (const Argument &A : Args)
    if (A.Keyword == Name)
      return &A;
  return nullptr;
}

const Argument *Call::positional(unsigned Index) const {
  for (const Argument &A : Args) {
    if (!A.Keyword.empty())
      continue;
    if (Index == 0)
      return &A;
    --Index;
  }
  return nullptr;
}

namespace {

/// Whether each byte may start or continue an identifier, looked up once per
/// byte by the lexer.
struct IdentTable {
  bool Start[256] = {};
  bool Continue[256] = {};
};

} // namespace

static constexpr IdentTable makeIdentTable() {
  IdentTable T;
  for (unsigned C = 0; C < 256; ++C) {
    bool Alpha = (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z');
    T.Start[C] = Alpha || C == '_' || C >= 0x80;
    T.Continue[C] = T.Start[C] || (C >= '0' && C <= '9');
  }
  return T;
}

static constexpr IdentTable Ident = makeIdentTable();

static bool isIdentStart(char C) {
  return Ident.Start[static_cast<unsigned char>(C)];
}

static bool isIdentChar(char C) {
  return Ident.Continue[static_cast<unsigned char>(C)];
}

static void appendUtf8(uint32_t CodePoint, uint32_t Host, uint32_t Len,
                       EmbeddedText &Out) {
  char Buf[4];
  unsigned N = 0;
  if (CodePoint < 0x80) {
    Buf[N++] = static_cast<char>(CodePoint);
  } else if (CodePoint < 0x800) {
    Buf[N++] = static_cast<char>(0xC0 | (CodePoint >> 6));
    Buf[N++] = static_cast<char>(0x80 | (CodePoint & 0x3F));
  } else if (CodePoint < 0x10000) {
    Buf[N++] = static_cast<char>(0xE0 | (CodePoint >> 12));
    Buf[N++] = static_cast<char>(0x80 | ((CodePoint >> 6) & 0x3F));
    Buf[N++] = static_cast<char>(0x80 | (CodePoint & 0x3F));
  } else if (CodePoint <= 0x10FFFF) {
    Buf[N++] = static_cast<char>(0xF0 | (CodePoint >> 18));
    Buf[N++] = static_cast<char>(0x80 | ((CodePoint >> 12) & 0x3F));
    Buf[N++] = static_cast<char>(0x80 | ((CodePoint >> 6) & 0x3F));
    Buf[N++] = static_cast<char>(0x80 | (CodePoint & 0x3F));
  } else {
    Buf[N++] = '?';
  }
  for (unsigned I = 0; I < N; ++I)
    Out.appendEscaped(Buf[I], Host, Len);
}

/// Reads up to MaxDigits digits of Radix at Text[Pos...End); returns the
/// number of digits read.
static unsigned readDigits(StringRef Text, uint32_t Pos, uint32_t End,
                           unsigned Radix, unsigned MaxDigits,
                           uint32_t &Value) {
  unsigned N = 0;
  Value = 0;
  while (N < MaxDigits && Pos + N < End) {
    unsigned D = 0;
    char C = Text[Pos + N];
    if (Radix == 8 && C >= '0' && C <= '7')
      D = C - '0';
    else if (Radix == 16 && isHexDigit(C))
      D = hexDigitValue(C);
    else
      break;
    Value = Value * Radix + D;
    ++N;
  }
  return N;
}

static char simpleEscape(char C) {
  switch (C) {
  case '\\':
    return '\\';
  case '\'':
    return '\'';
  case '"':
    return '"';
  case 'a':
    return '\a';
  case 'b':
    return '\b';
  case 'f':
    return '\f';
  case 'n':
    return '\n';
  case 'r':
    return '\r';
  case 't':
    return '\t';
  case 'v':
    return '\v';
  default:
    return 0;
  }
}

/// Decodes the escape at Text[I] (a backslash); returns the bytes consumed.
static uint32_t decodeEscape(StringRef Text, uint32_t I, uint32_t End,
                             const StringLiteral &Lit, EmbeddedText &Out) {
  if (I + 1 >= End) {
    Out.appendVerbatim(Text.substr(I, 1), I);
    return 1;
  }
  char N = Text[I + 1];
  if (N == '\n')
    return 2;
  if (N == '\r')
    return (I + 2 < End && Text[I + 2] == '\n') ? 3 : 2;
  if (char S = simpleEscape(N)) {
    Out.appendEscaped(S, I, 2);
    return 2;
  }
  uint32_t V = 0;
  if (N >= '0' && N <= '7') {
    unsigned D = readDigits(Text, I + 1, End, 8, 3, V);
    if (Lit.Bytes)
      Out.appendEscaped(static_cast<char>(V & 0xFF), I, D + 1);
    else
      appendUtf8(V, I, D + 1, Out);
    return D + 1;
  }
  unsigned Want = N == 'x' ? 2 : (N == 'u' ? 4 : (N == 'U' ? 8 : 0));
  if (Want && (N == 'x' || !Lit.Bytes) &&
      readDigits(Text, I + 2, End, 16, Want, V) == Want) {
    if (Lit.Bytes)
      Out.appendEscaped(static_cast<char>(V & 0xFF), I, Want + 2);
    else
      appendUtf8(V, I, Want + 2, Out);
    return Want + 2;
  }
  if (N == 'N' && !Lit.Bytes && I + 2 < End && Text[I + 2] == '{') {
    size_t Close = Text.find('}', I + 3);
    if (Close != StringRef::npos && Close < End) {
      Out.appendEscaped('?', I, Close + 1 - I);
      return Close + 1 - I;
    }
  }
  Out.appendVerbatim(Text.substr(I, 2), I);
  return 2;
}

void decodeString(StringRef Text, const StringLiteral &Lit, EmbeddedText &Out) {
  uint32_t Begin = Lit.Content.Begin, End = Lit.Content.End;
  if (Lit.Raw) {
    Out.appendVerbatim(Text.slice(Begin, End), Begin);
    return;
  }
  uint32_t Run = Begin;
  for (uint32_t I = Begin; I < End;) {
    char C = Text[I];
    bool Brace =
        Lit.Format && (C == '{' || C == '}') && I + 1 < End && Text[I + 1] == C;
    if (C != '\\' && !Brace) {
      ++I;
      continue;
    }
    Out.appendVerbatim(Text.slice(Run, I), Run);
    if (Brace) {
      Out.appendEscaped(C, I, 2);
      I += 2;
    } else {
      I += decodeEscape(Text, I, End, Lit, Out);
    }
    Run = I;
  }
  Out.appendVerbatim(Text.slice(Run, End), Run);
}

namespace {

/// A string literal as the lexer finds it, before its value is decoded.
struct LiteralShape {
  SourceRange Range;
  SourceRange Content;
  bool Bytes = false;
  bool Raw = false;
  bool Format = false;
};

/// Splits the text into tokens and logical lines; records syntax errors.
/// What becomes of them is the Sink's business: ScriptBuilder keeps them for
/// parse(), Skimmer keeps only the file's shape for skim().
template <typename Sink> class Lexer {
public:
  Lexer(StringRef Text, const ParseOptions &Opts, Sink &Out)
      : Text(Text), Opts(Opts), Out(Out) {}
  void run();

private:
  /// An opening bracket not closed yet: its token and its offset.
  struct OpenBracket {
    unsigned Token;
    uint32_t At;
  };

  void error(const Twine &Message, SourceRange R) {
    if (Out.error(Message, R))
      Stop = true;
  }
  bool addToken(TokenKind K, uint32_t Begin, uint32_t End);
  void endStatement();
  void newline();
  void indentation();
  void comment();
  void lexName();
  void lexNumber();
  void lexString(uint32_t Start, uint32_t QuoteAt);
  void lexOperator();
  void openBracket();
  void closeBracket();

  StringRef Text;
  const ParseOptions &Opts;
  Sink &Out;
  uint32_t Pos = 0;
  unsigned NumTokens = 0;
  bool AtLineStart = true;
  unsigned Indent = 0;
  bool InStatement = false;
  bool Stop = false;
  SmallVector<OpenBracket, 16> Brackets;
};

} // namespace

template <typename Sink>
bool Lexer<Sink>::addToken(TokenKind K, uint32_t Begin, uint32_t End) {
  if (NumTokens >= Opts.MaxTokens) {
    if (!Stop)
      error("file has more than " + Twine(Opts.MaxTokens) + " tokens",
            {Begin, End});
    Stop = true;
    return false;
  }
  if (!InStatement && K != TokenKind::Newline) {
    InStatement = true;
    Out.startStatement(NumTokens, Indent, {Begin, End});
  }
  Out.token(K, {Begin, End});
  ++NumTokens;
  return true;
}

template <typename Sink> void Lexer<Sink>::endStatement() {
  if (!InStatement)
    return;
  Out.endStatement(NumTokens);
  InStatement = false;
}

template <typename Sink> void Lexer<Sink>::newline() {
  uint32_t Begin = Pos;
  Pos += (Text[Pos] == '\r' && Pos + 1 < Text.size() && Text[Pos + 1] == '\n')
             ? 2
             : 1;
  if (!Brackets.empty())
    return;
  if (InStatement) {
    endStatement();
    addToken(TokenKind::Newline, Begin, Pos);
  }
  AtLineStart = true;
}

template <typename Sink> void Lexer<Sink>::indentation() {
  AtLineStart = false;
  unsigned Column = 0;
  while (Pos < Text.size()) {
    char C = Text[Pos];
    if (C == ' ')
      ++Column;
    else if (C == '\t')
      Column = (Column / 8 + 1) * 8;
    else if (C != '\f')
      break;
    ++Pos;
  }
  Indent = Column;
}

template <typename Sink> void Lexer<Sink>::comment() {
  uint32_t Begin = Pos;
  while (Pos < Text.size() && Text[Pos] != '\n' && Text[Pos] != '\r')
    ++Pos;
  bool First = Begin == (Text.startswith("\xEF\xBB\xBF") ? 3u : 0u);
  Out.comment({Begin, Pos}, First && Text.substr(Begin).startswith("#!"));
}

/// Whether the identifier S is a string prefix: r, u, b, f, br, rb, fr, rf
/// in any case.
static bool isStringPrefix(StringRef S) {
  if (S.empty() || S.size() > 2)
    return false;
  char A = toLower(S[0]);
  if (S.size() == 1)
    return A == 'r' || A == 'u' || A == 'b' || A == 'f';
  char B = toLower(S[1]);
  return (A == 'r' && (B == 'b' || B == 'f')) ||
         ((A == 'b' || A == 'f') && B == 'r');
}

template <typename Sink> void Lexer<Sink>::lexName() {
  uint32_t Begin = Pos;
  while (Pos < Text.size() && isIdentChar(Text[Pos]))
    ++Pos;
  if (Pos < Text.size() && (Text[Pos] == '"' || Text[Pos] == '\'') &&
      isStringPrefix(Text.slice(Begin, Pos))) {
    lexString(Begin, Pos);
    return;
  }
  addToken(TokenKind::Name, Begin, Pos);
}

template <typename Sink> void Lexer<Sink>::lexNumber() {
  uint32_t Begin = Pos;
  while (Pos < Text.size()) {
    char C = Text[Pos];
    bool Exponent = (C == '+' || C == '-') && Pos > Begin &&
                    (Text[Pos - 1] == 'e' || Text[Pos - 1] == 'E') &&
                    !Text.slice(Begin, Pos).startswith_insensitive("0x");
    if (!isAlnum(C) && C != '_' && C != '.' && !Exponent)
      break;
    ++Pos;
  }
  addToken(TokenKind::Number, Begin, Pos);
}

template <typename Sink>
void Lexer<Sink>::lexString(uint32_t Start, uint32_t QuoteAt) {
  LiteralShape Lit;
  for (char C : Text.slice(Start, QuoteAt)) {
    char L = toLower(C);
    Lit.Raw |= L == 'r';
    Lit.Bytes |= L == 'b';
    Lit.Format |= L == 'f';
  }
  char Q = Text[QuoteAt];
  auto TripleAt = [&](uint32_t At) {
    return At + 2 < Text.size() && Text[At] == Q && Text[At + 1] == Q &&
           Text[At + 2] == Q;
  };
  bool IsTriple = TripleAt(QuoteAt);
  uint32_t P = QuoteAt + (IsTriple ? 3 : 1);
  uint32_t ContentBegin = P, ContentEnd = 0;
  bool Closed = false;
  while (P < Text.size()) {
    char C = Text[P];
    if (C == '\\') {
      P += (P + 2 < Text.size() && Text[P + 1] == '\r' && Text[P + 2] == '\n')
               ? 3
               : 2;
      continue;
    }
    if (!IsTriple && (C == '\n' || C == '\r'))
      break;
    if (C == Q && (!IsTriple || TripleAt(P))) {
      ContentEnd = P;
      P += IsTriple ? 3 : 1;
      Closed = true;
      break;
    }
    ++P;
  }
  P = std::min<uint32_t>(P, Text.size());
  if (!Closed) {
    ContentEnd = P;
    error("unterminated string literal", {Start, P});
  }
  Lit.Range = {Start, P};
  Lit.Content = {ContentBegin, ContentEnd};
  Pos = P;
  Out.string(Lit);
  addToken(TokenKind::String, Start, P);
}

template <typename Sink> void Lexer<Sink>::openBracket() {
  if (Brackets.size() >= Opts.MaxBracketDepth) {
    error("brackets nested deeper than " + Twine(Opts.MaxBracketDepth),
          {Pos, Pos + 1});
    Stop = true;
    return;
  }
  if (addToken(TokenKind::Op, Pos, Pos + 1))
    Brackets.push_back({NumTokens - 1, Pos});
  ++Pos;
}

static char closerOf(char Open) {
  return Open == '(' ? ')' : (Open == '[' ? ']' : '}');
}

template <typename Sink> void Lexer<Sink>::closeBracket() {
  char C = Text[Pos];
  bool Added = addToken(TokenKind::Op, Pos, Pos + 1);
  ++Pos;
  if (!Added)
    return;
  if (Brackets.empty()) {
    error("unmatched '" + Twine(C) + "'", {Pos - 1, Pos});
    return;
  }
  OpenBracket Open = Brackets.pop_back_val();
  char OpenChar = Text[Open.At];
  if (closerOf(OpenChar) != C)
    error("closing '" + Twine(C) + "' does not match '" + Twine(OpenChar) + "'",
          {Pos - 1, Pos});
  Out.pair(Open.Token, NumTokens - 1);
}

/// The length of the operator at the start of Rest: the longest of Python's
/// operators that matches, or 1.
static unsigned operatorLength(StringRef Rest) {
  char A = Rest[0];
  char B = Rest.size() > 1 ? Rest[1] : 0;
  char C = Rest.size() > 2 ? Rest[2] : 0;
  bool Doubled = A == B && StringRef("*/<>").contains(A);
  if ((Doubled && C == '=') || (A == '.' && B == '.' && C == '.'))
    return 3;
  if ((B == '=' && StringRef("=!<>:+-*/%&|^@").contains(A)) || Doubled ||
      (A == '-' && B == '>'))
    return 2;
  return 1;
}

template <typename Sink> void Lexer<Sink>::lexOperator() {
  uint32_t Len = operatorLength(Text.substr(Pos));
  addToken(TokenKind::Op, Pos, Pos + Len);
  Pos += Len;
}

static bool isBlank(char C) { return C == ' ' || C == '\t' || C == '\f'; }

template <typename Sink> void Lexer<Sink>::run() {
  if (Text.startswith("\xEF\xBB\xBF"))
    Pos = 3;
  while (Pos < Text.size() && !Stop && !Out.done()) {
    if (AtLineStart && Brackets.empty())
      indentation();
    if (Pos >= Text.size())
      break;
    char C = Text[Pos];
    if (isBlank(C)) {
      do
        ++Pos;
      while (Pos < Text.size() && isBlank(Text[Pos]));
    } else if (C == '\n' || C == '\r') {
      newline();
    } else if (C == '#') {
      comment();
    } else if (C == '\\') {
      StringRef Rest = Text.substr(Pos + 1);
      if (Rest.startswith("\n") || Rest.startswith("\r\n") ||
          Rest.startswith("\r")) {
        Pos += Rest.startswith("\r\n") ? 3 : 2;
      } else {
        error("unexpected character after line continuation", {Pos, Pos + 1});
        ++Pos;
      }
    } else if (C == '"' || C == '\'') {
      lexString(Pos, Pos);
    } else if (isIdentStart(C)) {
      lexName();
    } else if (isDigit(C) ||
               (C == '.' && Pos + 1 < Text.size() && isDigit(Text[Pos + 1]))) {
      lexNumber();
    } else if (C == '(' || C == '[' || C == '{') {
      openBracket();
    } else if (C == ')' || C == ']' || C == '}') {
      closeBracket();
    } else if (C == ';' && Brackets.empty()) {
      addToken(TokenKind::Op, Pos, Pos + 1);
      ++Pos;
      endStatement();
    } else {
      lexOperator();
    }
  }
  for (const OpenBracket &Open : Brackets)
    error("'" + Twine(Text[Open.At]) + "' was never closed",
          {Open.At, Open.At + 1});
  endStatement();
}

namespace {

/// Keeps every token, literal, comment and statement the lexer finds.
class ScriptBuilder {
public:
  ScriptBuilder(StringRef Text, Script &S) : Text(Text), S(S) {}
  bool done() const { return false; }
  bool error(const Twine &Message, SourceRange R) {
    S.Errors.push_back({Message.str(), R});
    return false;
  }
  void startStatement(unsigned FirstToken, unsigned Indent, SourceRange R) {
    Statement St;
    St.FirstToken = FirstToken;
    St.Indent = Indent;
    St.Range = R;
    S.Statements.push_back(St);
  }
  void token(TokenKind K, SourceRange R) {
    Token T;
    T.Kind = K;
    T.Range = R;
    T.Text = Text.slice(R.Begin, R.End);
    if (K == TokenKind::String)
      T.Literal = S.Strings.size() - 1;
    S.Tokens.push_back(T);
    if (K != TokenKind::Newline)
      S.Statements.back().Range.End = R.End;
  }
  void endStatement(unsigned EndToken) {
    S.Statements.back().EndToken = EndToken;
  }
  /// The literal whose String token comes next.
  void string(const LiteralShape &Shape) {
    StringLiteral Lit;
    Lit.Range = Shape.Range;
    Lit.Content = Shape.Content;
    Lit.Bytes = Shape.Bytes;
    Lit.Raw = Shape.Raw;
    Lit.Format = Shape.Format;
    decodeString(Text, Lit, Lit.Value);
    S.Strings.push_back(std::move(Lit));
  }
  void pair(unsigned Open, unsigned Close) { S.Tokens[Open].Partner = Close; }
  void comment(SourceRange R, bool Shebang) {
    if (Shebang)
      S.Shebang = R;
    S.Comments.push_back(R);
  }

private:
  StringRef Text;
  Script &S;
};

} // namespace

namespace {

/// Keeps only what skim() reports: the shebang, the `__main__` guard and
/// whether top-level code runs, computed as Analyzer computes them; and
/// hands every dotted name to the caller's filter as it ends.
class Skimmer {
public:
  Skimmer(StringRef Text, NameFilter Matters, LiteralFilter Literals, Skim &K)
      : Text(Text), Matters(Matters), Literals(Literals), K(K) {}
  bool done() const { return K.NeedsParse; }
  bool error(const Twine &, SourceRange) {
    K.NeedsParse = true;
    return true;
  }
  void startStatement(unsigned, unsigned Indent, SourceRange) {
    St = StatementShape();
    St.TopLevel = Indent == 0;
  }
  void token(TokenKind Kind, SourceRange R);
  void endStatement(unsigned);
  void string(const LiteralShape &Lit);
  void pair(unsigned, unsigned) {}
  void comment(SourceRange R, bool Shebang) {
    if (Shebang)
      K.Shebang = R;
  }
  /// Reports the dotted name the file ends with.
  void finish() { endName(0); }

private:
  /// What Analyzer::statement looks at in one logical line.
  struct StatementShape {
    bool TopLevel = false;
    bool Seen = false;     ///< its first token came
    bool Tracked = false;  ///< top level, led by a name that is no definition
    bool IsIf = false;     ///< led by `if`
    bool Control = false;  ///< led by a control keyword
    bool InHeader = false; ///< an `if` before its first colon
    bool HeaderClosed = false;
    bool HasName = false; ///< `__name__` in the header
    bool HasMain = false; ///< "__main__" in the header
    bool HasAssignment = false;
    bool HasCall = false;
    unsigned Depth = 0;
    uint32_t Begin = 0;
    uint32_t ColonEnd = 0;
    uint32_t LastEnd = 0;
  };

  void firstToken(TokenKind Kind, StringRef T, SourceRange R);
  void shapeToken(TokenKind Kind, StringRef T, SourceRange R);
  void nameToken(TokenKind Kind, StringRef T);
  void endName(char Next);

  StringRef Text;
  NameFilter Matters;
  LiteralFilter Literals;
  Skim &K;
  StatementShape St;
  SmallString<64> Name;      ///< the dotted name being read
  bool InName = false;       ///< the last token is a name of Name
  bool AfterDot = false;     ///< the last token is a "." after a name of Name
  bool PrevDot = false;      ///< the last token is a "."
  bool PrevName = false;     ///< the last token is a name
  bool PrevValueOp = false;  ///< the last token is "=" or ":"
  bool StringIsMain = false; ///< the literal just read is "__main__"
};

} // namespace

static bool isOneChar(StringRef T, char C) {
  return T.size() == 1 && T[0] == C;
}

void Skimmer::string(const LiteralShape &Lit) {
  StringIsMain = false;
  StringRef Value = Text.slice(Lit.Content.Begin, Lit.Content.End);
  StringLiteral Decoded;
  bool Escaped = Value.find('\\') != StringRef::npos ||
                 (Lit.Format && (Value.find('{') != StringRef::npos ||
                                 Value.find('}') != StringRef::npos));
  if (!Lit.Raw && Escaped) {
    Decoded.Content = Lit.Content;
    Decoded.Bytes = Lit.Bytes;
    Decoded.Format = Lit.Format;
    decodeString(Text, Decoded, Decoded.Value);
    Value = Decoded.Value.text();
  }
  if (Literals(Value, PrevValueOp)) {
    K.NeedsParse = true;
    return;
  }
  StringIsMain = St.InHeader && Value == "__main__";
}

void Skimmer::endName(char Next) {
  if (!InName && !AfterDot)
    return;
  InName = AfterDot = false;
  if (Matters(Name, Next))
    K.NeedsParse = true;
}

void Skimmer::nameToken(TokenKind Kind, StringRef T) {
  if (Kind == TokenKind::Name) {
    if (AfterDot) {
      Name += '.';
    } else {
      endName(0);
      Name.clear();
      if (PrevDot)
        Name += '.';
    }
    Name += T;
    InName = true;
    AfterDot = false;
    return;
  }
  bool IsOp = Kind == TokenKind::Op;
  if (IsOp && InName && isOneChar(T, '.')) {
    InName = false;
    AfterDot = true;
    return;
  }
  endName(AfterDot ? '.' : (IsOp ? T[0] : 0));
}

static bool isControlKeyword(StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases("for", "while", "with", "try", "if", true)
      .Cases("async", "raise", "del", true)
      .Default(false);
}

void Skimmer::firstToken(TokenKind Kind, StringRef T, SourceRange R) {
  St.Seen = true;
  St.Begin = R.Begin;
  if (!St.TopLevel || Kind != TokenKind::Name)
    return;
  bool Definition = T == "import" || T == "from" || T == "class" || T == "def";
  St.Tracked = !Definition;
  St.IsIf = T == "if";
  St.InHeader = St.IsIf;
  St.Control = isControlKeyword(T);
}

void Skimmer::shapeToken(TokenKind Kind, StringRef T, SourceRange R) {
  bool First = !St.Seen;
  if (First)
    firstToken(Kind, T, R);
  St.LastEnd = R.End;
  bool IsOp = Kind == TokenKind::Op;
  if (St.InHeader) {
    St.HasName |= Kind == TokenKind::Name && T == "__name__";
    St.HasMain |= Kind == TokenKind::String && StringIsMain;
    if (IsOp && isOneChar(T, ':')) {
      St.InHeader = false;
      St.HeaderClosed = true;
      St.ColonEnd = R.End;
    }
  }
  if (!IsOp)
    return;
  if (St.Depth == 0 && St.Tracked) {
    St.HasAssignment |=
        isOneChar(T, '=') ||
        (T.size() == 2 && T[1] == '=' && !StringRef("=!<>").contains(T[0]));
    St.HasCall |= isOneChar(T, '(') && !First && PrevName;
  }
  char C = T[0];
  if (C == '(' || C == '[' || C == '{')
    ++St.Depth;
  else if ((C == ')' || C == ']' || C == '}') && St.Depth > 0)
    --St.Depth;
}

void Skimmer::token(TokenKind Kind, SourceRange R) {
  StringRef T = Text.slice(R.Begin, R.End);
  nameToken(Kind, T);
  if (Kind != TokenKind::Newline)
    shapeToken(Kind, T, R);
  PrevDot = Kind == TokenKind::Op && isOneChar(T, '.');
  PrevName = Kind == TokenKind::Name;
  PrevValueOp =
      Kind == TokenKind::Op && (isOneChar(T, '=') || isOneChar(T, ':'));
}

void Skimmer::endStatement(unsigned) {
  if (!St.Tracked)
    return;
  if (St.IsIf && St.HasName && St.HasMain) {
    if (!K.MainGuard)
      K.MainGuard =
          SourceRange{St.Begin, St.HeaderClosed ? St.ColonEnd : St.LastEnd};
    return;
  }
  if (St.Control || (St.HasCall && !St.HasAssignment))
    K.HasTopLevelCode = true;
}

namespace {

/// Finds calls, assignments, imports and the script's shape in the tokens.
class Analyzer {
public:
  Analyzer(StringRef Text, Script &S) : Text(Text), S(S) {}
  void run();

private:
  bool isOp(unsigned I, StringRef Op) const {
    return I < S.Tokens.size() && S.Tokens[I].Kind == TokenKind::Op &&
           S.Tokens[I].Text == Op;
  }
  bool isName(unsigned I) const {
    return I < S.Tokens.size() && S.Tokens[I].Kind == TokenKind::Name;
  }
  /// Index after the token at I, skipping a bracketed group as one.
  unsigned skip(unsigned I, unsigned End) const;
  /// The dotted name starting at I; Next is set past it.
  std::string dottedName(unsigned I, unsigned End, unsigned &Next) const;
  Value makeValue(unsigned Begin, unsigned End) const;
  /// The comma-separated parts of [Begin, End), as token ranges.
  using Parts = SmallVector<std::pair<unsigned, unsigned>, 8>;
  Parts split(unsigned Begin, unsigned End) const;
  void statement(unsigned Index);
  void imports(const Statement &St);
  void assignment(const Statement &St);
  void calls(unsigned Index);
  void call(unsigned Open, unsigned StatementIndex);
  void dictEntries(unsigned Open);

  StringRef Text;
  Script &S;
};

} // namespace

unsigned Analyzer::skip(unsigned I, unsigned End) const {
  const Token &T = S.Tokens[I];
  if (T.Kind == TokenKind::Op && T.Partner > I && T.Partner < End)
    return T.Partner + 1;
  return I + 1;
}

std::string Analyzer::dottedName(unsigned I, unsigned End,
                                 unsigned &Next) const {
  std::string Name;
  Next = I;
  while (Next < End && isName(Next)) {
    Name.append(S.Tokens[Next].Text.data(), S.Tokens[Next].Text.size());
    ++Next;
    if (!(Next + 1 < End && isOp(Next, ".") && isName(Next + 1)))
      break;
    Name += '.';
    ++Next;
  }
  return Name;
}

Analyzer::Parts Analyzer::split(unsigned Begin, unsigned End) const {
  Parts Out;
  unsigned Start = Begin;
  for (unsigned I = Begin; I < End; I = skip(I, End)) {
    if (!isOp(I, ","))
      continue;
    if (I > Start)
      Out.push_back({Start, I});
    Start = I + 1;
  }
  if (End > Start)
    Out.push_back({Start, End});
  return Out;
}

Value Analyzer::makeValue(unsigned Begin, unsigned End) const {
  Value V;
  V.Range = {S.Tokens[Begin].Range.Begin, S.Tokens[End - 1].Range.End};
  V.Text = Text.slice(V.Range.Begin, V.Range.End).take_front(256).str();
  auto AllStrings = [&](unsigned B, unsigned E) {
    for (unsigned I = B; I < E; ++I)
      if (S.Tokens[I].Kind != TokenKind::String)
        return false;
    return B < E;
  };
  auto Concat = [&](unsigned B, unsigned E) {
    EmbeddedText Out;
    for (unsigned I = B; I < E; ++I) {
      const StringLiteral &L = S.Strings[S.Tokens[I].Literal];
      V.HasFormat |= L.Format;
      decodeString(Text, L, Out);
    }
    return Out;
  };
  if (AllStrings(Begin, End)) {
    V.Literal = Concat(Begin, End);
    return V;
  }
  bool Bracketed = (isOp(Begin, "[") || isOp(Begin, "(")) &&
                   S.Tokens[Begin].Partner == End - 1;
  if (!Bracketed)
    return V;
  for (auto [B, E] : split(Begin + 1, End - 1)) {
    if (!AllStrings(B, E)) {
      V.Items.clear();
      return V;
    }
    V.Items.push_back(Concat(B, E));
  }
  V.IsSequence = true;
  return V;
}

void Analyzer::imports(const Statement &St) {
  unsigned I = St.FirstToken;
  StringRef First = S.tokenText(I);
  unsigned Next = I + 1;
  if (First == "from") {
    std::string M = dottedName(I + 1, St.EndToken, Next);
    if (!M.empty())
      S.Imports.push_back(M);
    return;
  }
  for (auto [B, E] : split(I + 1, St.EndToken)) {
    std::string M = dottedName(B, E, Next);
    if (!M.empty())
      S.Imports.push_back(M);
  }
}

void Analyzer::assignment(const Statement &St) {
  unsigned Eq = 0;
  for (unsigned I = St.FirstToken; I < St.EndToken; I = skip(I, St.EndToken))
    if (isOp(I, "="))
      Eq = I;
  if (!Eq || Eq + 1 >= St.EndToken)
    return;
  unsigned Next = St.FirstToken;
  Assignment A;
  A.Target = dottedName(St.FirstToken, Eq, Next);
  if (A.Target.empty())
    return;
  if (isOp(Next, "[") && S.Tokens[Next].Partner == Next + 2 &&
      S.Tokens[Next + 1].Kind == TokenKind::String) {
    A.Key = S.Strings[S.Tokens[Next + 1].Literal].Value.text();
    Next += 3;
  }
  if (Next != Eq && !isOp(Next, ":"))
    return;
  A.TargetRange = {S.Tokens[St.FirstToken].Range.Begin,
                   S.Tokens[Next - 1].Range.End};
  A.Val = makeValue(Eq + 1, St.EndToken);
  S.Assignments.push_back(std::move(A));
}

static bool isKeyword(StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases("if", "elif", "while", "for", "in", "and", "or", "not", true)
      .Cases("return", "yield", "assert", "del", "with", "as", "is", true)
      .Cases("import", "from", "lambda", "await", "else", "raise", true)
      .Cases("except", "def", "class", "global", "nonlocal", true)
      .Default(false);
}

void Analyzer::call(unsigned Open, unsigned StatementIndex) {
  unsigned Close = S.Tokens[Open].Partner;
  if (!Close || Open == 0 || !isName(Open - 1) ||
      isKeyword(S.tokenText(Open - 1)))
    return;
  unsigned Start = Open - 1;
  while (Start >= 2 && isOp(Start - 1, ".") && isName(Start - 2))
    Start -= 2;
  if (Start >= 1 && isName(Start - 1) &&
      (S.tokenText(Start - 1) == "def" || S.tokenText(Start - 1) == "class"))
    return;
  Call C;
  unsigned Next = Start;
  C.Callee = dottedName(Start, Open, Next);
  if (Start >= 1 && isOp(Start - 1, "."))
    C.Callee.insert(0, ".");
  C.CalleeRange = {S.Tokens[Start].Range.Begin, S.Tokens[Open - 1].Range.End};
  C.Range = {C.CalleeRange.Begin, S.Tokens[Close].Range.End};
  C.Statement = StatementIndex;
  for (auto [B, E] : split(Open + 1, Close)) {
    Argument A;
    if (isOp(B, "*") || isOp(B, "**")) {
      A.Keyword = S.tokenText(B).str();
      ++B;
    } else if (B + 1 < E && isName(B) && isOp(B + 1, "=")) {
      A.Keyword = S.tokenText(B).str();
      B += 2;
    }
    if (B >= E)
      continue;
    A.Val = makeValue(B, E);
    C.Args.push_back(std::move(A));
  }
  S.Calls.push_back(std::move(C));
}

void Analyzer::dictEntries(unsigned Open) {
  unsigned Close = S.Tokens[Open].Partner;
  if (!Close)
    return;
  for (auto [B, E] : split(Open + 1, Close)) {
    if (B + 2 >= E || S.Tokens[B].Kind != TokenKind::String ||
        !isOp(B + 1, ":"))
      continue;
    Assignment A;
    A.IsDictEntry = true;
    A.Key = S.Strings[S.Tokens[B].Literal].Value.text();
    A.TargetRange = S.Tokens[B].Range;
    A.Val = makeValue(B + 2, E);
    S.Assignments.push_back(std::move(A));
  }
}

void Analyzer::calls(unsigned Index) {
  const Statement &St = S.Statements[Index];
  for (unsigned I = St.FirstToken; I < St.EndToken; ++I) {
    if (isOp(I, "("))
      call(I, Index);
    else if (isOp(I, "{"))
      dictEntries(I);
  }
}

void Analyzer::statement(unsigned Index) {
  const Statement &St = S.Statements[Index];
  if (St.FirstToken >= St.EndToken)
    return;
  StringRef First = S.tokenText(St.FirstToken);
  bool FirstIsName = isName(St.FirstToken);
  unsigned Next = 0;
  calls(Index);
  if (FirstIsName && (First == "import" || First == "from")) {
    imports(St);
    return;
  }
  if (isOp(St.FirstToken, "@")) {
    std::string D = dottedName(St.FirstToken + 1, St.EndToken, Next);
    if (!D.empty())
      S.Decorators.push_back(D);
    return;
  }
  if (FirstIsName && First == "class") {
    unsigned Open = St.FirstToken + 2;
    if (isOp(Open, "(") && S.Tokens[Open].Partner)
      for (auto [B, E] : split(Open + 1, S.Tokens[Open].Partner)) {
        std::string Base = dottedName(B, E, Next);
        if (!Base.empty())
          S.BaseClasses.push_back(Base);
      }
    return;
  }
  if (FirstIsName && First == "def")
    return;
  assignment(St);
  if (St.Indent != 0)
    return;
  bool Main = false;
  if (FirstIsName && First == "if") {
    bool HasName = false, HasMain = false;
    unsigned Colon = St.EndToken - 1;
    for (unsigned I = St.FirstToken; I < St.EndToken; ++I) {
      const Token &T = S.Tokens[I];
      HasName |= T.Kind == TokenKind::Name && T.Text == "__name__";
      HasMain |= T.Kind == TokenKind::String &&
                 S.Strings[T.Literal].Value.text() == "__main__";
      if (isOp(I, ":")) {
        Colon = I;
        break;
      }
    }
    Main = HasName && HasMain;
    if (Main && !S.MainGuard)
      S.MainGuard = SourceRange{S.Tokens[St.FirstToken].Range.Begin,
                                S.Tokens[Colon].Range.End};
  }
  if (Main || !FirstIsName)
    return;
  bool Control = StringSwitch<bool>(First)
                     .Cases("for", "while", "with", "try", "if", true)
                     .Cases("async", "raise", "del", true)
                     .Default(false);
  bool HasAssignment = false, HasCall = false;
  for (unsigned I = St.FirstToken; I < St.EndToken; I = skip(I, St.EndToken)) {
    HasAssignment |=
        isOp(I, "=") ||
        (S.Tokens[I].Kind == TokenKind::Op && S.Tokens[I].Text.endswith("=") &&
         S.Tokens[I].Text.size() == 2 && !isOp(I, "==") && !isOp(I, "!=") &&
         !isOp(I, "<=") && !isOp(I, ">="));
    HasCall |= isOp(I, "(") && I > St.FirstToken && isName(I - 1);
  }
  if (Control || (HasCall && !HasAssignment))
    S.HasTopLevelCode = true;
}

void Analyzer::run() {
  // Assignment cannot move without a copy (llvm::Optional), so grow once.
  S.Assignments.reserve(S.Statements.size());
  for (unsigned I = 0, E = S.Statements.size(); I < E; ++I)
    statement(I);
}

Script parse(StringRef Text, const ParseOptions &Opts) {
  Script S;
  // Code has about one token in four bytes and a statement a line: spare
  // most regrowth.
  S.Tokens.reserve(Text.size() / 4 + 16);
  S.Statements.reserve(Text.size() / 24 + 4);
  ScriptBuilder Builder(Text, S);
  Lexer<ScriptBuilder>(Text, Opts, Builder).run();
  Analyzer(Text, S).run();
  return S;
}

Skim skim(StringRef Text, NameFilter Matters, LiteralFilter Literals,
          const ParseOptions &Opts) {
  Skim K;
  // Tokens are at least one byte each: a shorter text is within the limit.
  if (Text.size() >= Opts.MaxTokens) {
    K.NeedsParse = true;
    return K;
  }
  Skimmer Out(Text, Matters, Literals, K);
  Lexer<Skimmer>(Text, Opts, Out).run();
  Out.finish();
  return K;
}

} // namespace python
} // namespace adminlint
