//===- Python.cpp - A token-level Python reader with exact ranges ---------===//
#include "lib/Parse/Python.h"
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

static bool isIdentStart(char C) {
  return isAlpha(C) || C == '_' || static_cast<unsigned char>(C) >= 0x80;
}

static bool isIdentChar(char C) { return isIdentStart(C) || isDigit(C); }

static bool isStringPrefix(StringRef S) {
  if (S.size() > 2)
    return false;
  std::string L = S.lower();
  return StringSwitch<bool>(L)
      .Cases("r", "u", "b", "f", true)
      .Cases("br", "rb", "fr", "rf", true)
      .Default(false);
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

/// Splits the text into tokens and logical lines; records syntax errors.
class Lexer {
public:
  Lexer(StringRef Text, const ParseOptions &Opts, Script &S)
      : Text(Text), Opts(Opts), S(S) {}
  void run();

private:
  void error(std::string Message, SourceRange R) {
    S.Errors.push_back({std::move(Message), R});
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
  Script &S;
  uint32_t Pos = 0;
  bool AtLineStart = true;
  unsigned Indent = 0;
  bool InStatement = false;
  bool Stop = false;
  std::vector<unsigned> Brackets;
};

} // namespace

bool Lexer::addToken(TokenKind K, uint32_t Begin, uint32_t End) {
  if (S.Tokens.size() >= Opts.MaxTokens) {
    if (!Stop)
      error("file has more than " + std::to_string(Opts.MaxTokens) + " tokens",
            {Begin, End});
    Stop = true;
    return false;
  }
  if (!InStatement && K != TokenKind::Newline) {
    InStatement = true;
    Statement St;
    St.FirstToken = S.Tokens.size();
    St.Indent = Indent;
    St.Range = {Begin, End};
    S.Statements.push_back(St);
  }
  Token T;
  T.Kind = K;
  T.Range = {Begin, End};
  T.Text = Text.slice(Begin, End);
  S.Tokens.push_back(T);
  if (K != TokenKind::Newline)
    S.Statements.back().Range.End = End;
  return true;
}

void Lexer::endStatement() {
  if (!InStatement)
    return;
  S.Statements.back().EndToken = S.Tokens.size();
  InStatement = false;
}

void Lexer::newline() {
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

void Lexer::indentation() {
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

void Lexer::comment() {
  uint32_t Begin = Pos;
  while (Pos < Text.size() && Text[Pos] != '\n' && Text[Pos] != '\r')
    ++Pos;
  SourceRange R{Begin, Pos};
  bool First = Begin == (Text.startswith("\xEF\xBB\xBF") ? 3u : 0u);
  if (First && Text.substr(Begin).startswith("#!"))
    S.Shebang = R;
  S.Comments.push_back(R);
}

void Lexer::lexName() {
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

void Lexer::lexNumber() {
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

void Lexer::lexString(uint32_t Start, uint32_t QuoteAt) {
  StringLiteral Lit;
  std::string Prefix = Text.slice(Start, QuoteAt).lower();
  Lit.Raw = Prefix.find('r') != std::string::npos;
  Lit.Bytes = Prefix.find('b') != std::string::npos;
  Lit.Format = Prefix.find('f') != std::string::npos;
  char Q = Text[QuoteAt];
  std::string Triple(3, Q);
  bool IsTriple = Text.substr(QuoteAt).startswith(Triple);
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
    if (C == Q && (!IsTriple || Text.substr(P).startswith(Triple))) {
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
  decodeString(Text, Lit, Lit.Value);
  Pos = P;
  unsigned Index = S.Strings.size();
  S.Strings.push_back(std::move(Lit));
  if (addToken(TokenKind::String, Start, P))
    S.Tokens.back().Literal = Index;
}

void Lexer::openBracket() {
  if (Brackets.size() >= Opts.MaxBracketDepth) {
    error("brackets nested deeper than " + std::to_string(Opts.MaxBracketDepth),
          {Pos, Pos + 1});
    Stop = true;
    return;
  }
  if (addToken(TokenKind::Op, Pos, Pos + 1))
    Brackets.push_back(S.Tokens.size() - 1);
  ++Pos;
}

static char closerOf(char Open) {
  return Open == '(' ? ')' : (Open == '[' ? ']' : '}');
}

void Lexer::closeBracket() {
  char C = Text[Pos];
  bool Added = addToken(TokenKind::Op, Pos, Pos + 1);
  ++Pos;
  if (!Added)
    return;
  if (Brackets.empty()) {
    error(std::string("unmatched '") + C + "'", {Pos - 1, Pos});
    return;
  }
  unsigned Open = Brackets.back();
  Brackets.pop_back();
  if (closerOf(S.Tokens[Open].Text[0]) != C)
    error(std::string("closing '") + C + "' does not match '" +
              S.Tokens[Open].Text.str() + "'",
          {Pos - 1, Pos});
  S.Tokens[Open].Partner = S.Tokens.size() - 1;
}

void Lexer::lexOperator() {
  static const char *const Long[] = {"**=", "//=", ">>=", "<<=", "...", "==",
                                     "!=",  "<=",  ">=",  "->",  ":=",  "**",
                                     "//",  "<<",  ">>",  "+=",  "-=",  "*=",
                                     "/=",  "%=",  "&=",  "|=",  "^=",  "@="};
  StringRef Rest = Text.substr(Pos);
  for (const char *Op : Long) {
    if (!Rest.startswith(Op))
      continue;
    uint32_t Len = strlen(Op);
    addToken(TokenKind::Op, Pos, Pos + Len);
    Pos += Len;
    return;
  }
  addToken(TokenKind::Op, Pos, Pos + 1);
  ++Pos;
}

void Lexer::run() {
  if (Text.startswith("\xEF\xBB\xBF"))
    Pos = 3;
  while (Pos < Text.size() && !Stop) {
    if (AtLineStart && Brackets.empty())
      indentation();
    if (Pos >= Text.size())
      break;
    char C = Text[Pos];
    if (C == ' ' || C == '\t' || C == '\f') {
      ++Pos;
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
  for (unsigned Open : Brackets)
    error("'" + S.Tokens[Open].Text.str() + "' was never closed",
          S.Tokens[Open].Range);
  endStatement();
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
  std::vector<std::pair<unsigned, unsigned>> split(unsigned Begin,
                                                   unsigned End) const;
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
    Name += S.Tokens[Next].Text.str();
    ++Next;
    if (!(Next + 1 < End && isOp(Next, ".") && isName(Next + 1)))
      break;
    Name += '.';
    ++Next;
  }
  return Name;
}

std::vector<std::pair<unsigned, unsigned>> Analyzer::split(unsigned Begin,
                                                           unsigned End) const {
  std::vector<std::pair<unsigned, unsigned>> Parts;
  unsigned Start = Begin;
  for (unsigned I = Begin; I < End; I = skip(I, End)) {
    if (!isOp(I, ","))
      continue;
    if (I > Start)
      Parts.push_back({Start, I});
    Start = I + 1;
  }
  if (End > Start)
    Parts.push_back({Start, End});
  return Parts;
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
  for (unsigned I = 0, E = S.Statements.size(); I < E; ++I)
    statement(I);
}

Script parse(StringRef Text, const ParseOptions &Opts) {
  Script S;
  Lexer(Text, Opts, S).run();
  Analyzer(Text, S).run();
  return S;
}

} // namespace python
} // namespace adminlint
