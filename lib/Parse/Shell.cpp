//===- Shell.cpp - POSIX sh / bash parser with exact ranges ---------------===//
//
// A recursive-descent parser over the decoded text of an EmbeddedText. The
// lexer is part of the parser because a word can hold command substitutions
// whose commands are parsed while the word is read. Positions inside the
// parser are decoded offsets; they become host ranges through the source.
//
//===----------------------------------------------------------------------===//
#include "lib/Parse/Shell.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"
#include <algorithm>
#include <cstddef>

using namespace llvm;

namespace adminlint {
namespace shell {
namespace {

enum class TokKind { Word, Op, Newline, End };

/// One token: a word (already decoded) or an operator, with decoded offsets.
struct Token {
  TokKind Kind = TokKind::End;
  uint32_t Begin = 0;
  uint32_t End = 0;
  StringRef Op;
  Word W;
  bool Plain = false; ///< unquoted, unescaped, no expansion: may be a keyword
  bool IoNumber = false;      ///< digits directly before a redirection operator
  uint32_t LiteralPrefix = 0; ///< decoded bytes before the first quote or $
};

/// The reserved words and operators that close a construct.
enum Term {
  TThen,
  TElif,
  TElse,
  TFi,
  TDo,
  TDone,
  TEsac,
  TRBrace,
  TRParen,
  TCaseEnd,
  NumTerms
};

/// The construct whose opener makes a terminator legitimate.
static Term closerOf(Term T) {
  switch (T) {
  case TThen:
  case TElif:
  case TElse:
    return TFi;
  case TDo:
    return TDone;
  case TCaseEnd:
    return TEsac;
  default:
    return T;
  }
}

/// State shared by a parser and the parsers of its backquoted substitutions.
struct Shared {
  Shared(Script &Out, const ParseOptions &Opts) : Out(Out), Opts(Opts) {}
  Script &Out;
  const ParseOptions &Opts;
  unsigned Nesting = 0;
  unsigned Recoveries = 0;
  bool Aborted = false;
};

/// Where commands being parsed sit.
struct Context {
  unsigned Level = 0;
  bool InSubst = false;
  bool InCond = false;
  std::string Function;
};

static bool isBlank(char C) { return C == ' ' || C == '\t'; }

static bool isOpChar(char C) {
  return C == ';' || C == '&' || C == '|' || C == '(' || C == ')' || C == '<' ||
         C == '>';
}

/// Bytes that end a run of plain word characters.
static bool isWordBreak(char C) {
  switch (C) {
  case ' ':
  case '\t':
  case '\n':
  case '\r':
  case ';':
  case '&':
  case '|':
  case '(':
  case ')':
  case '<':
  case '>':
  case '\\':
  case '\'':
  case '"':
  case '$':
  case '`':
    return true;
  default:
    return false;
  }
}

/// Bytes with a meaning inside double quotes.
static bool isDoubleQuoteSpecial(char C) {
  return C == '"' || C == '\\' || C == '$' || C == '`';
}

/// The length of the operator at the start of R (R starts with an operator
/// byte).
static unsigned opLength(StringRef R) {
  char B = R.size() > 1 ? R[1] : '\0';
  char C = R.size() > 2 ? R[2] : '\0';
  switch (R[0]) {
  case ';':
    if (B == ';')
      return C == '&' ? 3 : 2;
    return B == '&' ? 2 : 1;
  case '&':
    if (B == '>')
      return C == '>' ? 3 : 2;
    return B == '&' ? 2 : 1;
  case '|':
    return B == '|' || B == '&' ? 2 : 1;
  case '<':
    if (B == '<')
      return C == '<' || C == '-' ? 3 : 2;
    return B == '&' || B == '>' ? 2 : 1;
  case '>':
    return B == '>' || B == '&' || B == '|' ? 2 : 1;
  default:
    return 1;
  }
}

static bool isNameStart(char C) { return isAlpha(C) || C == '_'; }
static bool isNameChar(char C) { return isAlnum(C) || C == '_'; }

static bool isName(StringRef S) {
  if (S.empty() || !isNameStart(S[0]))
    return false;
  return all_of(S, isNameChar);
}

/// True for `NAME=`, `NAME+=` and `NAME[sub]=` prefixes of a word.
static bool isAssignmentPrefix(StringRef S) {
  size_t Eq = S.find('=');
  if (Eq == StringRef::npos || Eq == 0)
    return false;
  StringRef Name = S.take_front(Eq);
  if (Name.endswith("+"))
    Name = Name.drop_back();
  if (Name.endswith("]")) {
    size_t Bracket = Name.find('[');
    if (Bracket == StringRef::npos)
      return false;
    Name = Name.take_front(Bracket);
  }
  return isName(Name);
}

static bool isRedirectOp(StringRef Op) {
  return StringSwitch<bool>(Op)
      .Cases("<", ">", ">>", "<<", "<<-", "<<<", true)
      .Cases("<&", ">&", "<>", ">|", "&>", "&>>", true)
      .Default(false);
}

static bool isCaseEnd(StringRef Op) {
  return Op == ";;" || Op == ";&" || Op == ";;&";
}

/// Decodes one escape of $'...' at S[I] == '\\'; returns -1 when the escape
/// is not special (the backslash is then kept).
static int decodeAnsiEscape(StringRef S, uint32_t I, uint32_t &Len) {
  char C = I + 1 < S.size() ? S[I + 1] : '\0';
  Len = 2;
  switch (C) {
  case 'n':
    return '\n';
  case 't':
    return '\t';
  case 'r':
    return '\r';
  case 'a':
    return '\a';
  case 'b':
    return '\b';
  case 'e':
  case 'E':
    return 0x1b;
  case 'f':
    return '\f';
  case 'v':
    return '\v';
  case '\\':
  case '\'':
  case '"':
  case '?':
    return C;
  default:
    break;
  }
  unsigned Value = 0;
  if (C == 'x') {
    uint32_t J = I + 2;
    while (J < S.size() && J < I + 4 && isHexDigit(S[J]))
      Value = Value * 16 + hexDigitValue(S[J++]);
    if (J == I + 2)
      return -1;
    Len = J - I;
    return static_cast<unsigned char>(Value);
  }
  if (C >= '0' && C <= '7') {
    uint32_t J = I + 1;
    while (J < S.size() && J < I + 4 && S[J] >= '0' && S[J] <= '7')
      Value = Value * 8 + (S[J++] - '0');
    Len = J - I;
    return static_cast<unsigned char>(Value);
  }
  return -1;
}

/// The parser (and lexer) of one source text.
class Parser {
public:
  Parser(const EmbeddedText &Source, Shared &Sh, Context Ctx)
      : Source(Source), Src(Source.text()),
        N(static_cast<uint32_t>(Source.size())), Sh(Sh), Out(Sh.Out),
        Ctx(std::move(Ctx)) {}

  /// Parses the whole text; stray closers are errors.
  void parseAll();

private:
  /// Commands, errors and pending here-documents to roll back to when an
  /// unterminated construct is cut at the end of its line.
  struct Checkpoint {
    size_t Commands, Errors, Comments, Pending;
  };
  /// A here-document whose body starts after the next newline.
  struct PendingDoc {
    /// Host offset of its command (commands are sorted by it and start at
    /// distinct bytes), or none to discard the body.
    Optional<uint32_t> Command;
    size_t Redirect;
    std::string Delimiter;
    bool StripTabs;
    SourceRange Range;
  };
  /// Counts one level of recursion; past MaxDepth parsing stops.
  class Nest {
  public:
    Nest(Parser &P, uint32_t At) : P(P) { Ok = P.enter(At); }
    ~Nest() { --P.Sh.Nesting; }
    explicit operator bool() const { return Ok; }

  private:
    Parser &P;
    bool Ok;
  };
  /// Saves the context and the open-construct counts for a nested construct.
  class Scope {
  public:
    Scope(Parser &P, int Opens = -1, bool FreshCounts = false)
        : P(P), Saved(P.Ctx) {
      std::copy(std::begin(P.Open), std::end(P.Open), std::begin(SavedOpen));
      if (FreshCounts)
        std::fill(std::begin(P.Open), std::end(P.Open), 0);
      if (Opens >= 0)
        ++P.Open[Opens];
      ++P.Ctx.Level;
    }
    ~Scope() {
      P.Ctx = std::move(Saved);
      std::copy(std::begin(SavedOpen), std::end(SavedOpen), std::begin(P.Open));
    }

  private:
    Parser &P;
    Context Saved;
    unsigned SavedOpen[NumTerms];
  };

  // Positions and diagnostics.
  char at(uint32_t I) const { return I < N ? Src[I] : '\0'; }
  SourceRange host(uint32_t B, uint32_t E) const { return Source.toHost(B, E); }
  uint32_t lineEnd(uint32_t I) const;
  uint32_t skipBlanks(uint32_t I) const;
  void error(const Twine &Message, uint32_t B, uint32_t E);
  void unexpected(const Token &T);
  bool enter(uint32_t At);
  Checkpoint checkpoint() const;
  uint32_t recover(const Checkpoint &C, StringRef What, uint32_t Open,
                   uint32_t OpenLen);

  // Word building.
  void appendSource(EmbeddedText &T, uint32_t B, uint32_t E) const {
    T.append(Source, B, E);
  }
  void appendEscape(EmbeddedText &T, uint32_t B, uint32_t E, char C) const;

  // Lexer.
  Token &peek();
  Token take();
  Token lex();
  Token lexOp();
  Token lexWord();
  void lexComment();
  uint32_t lexBackslash(uint32_t P, Token &T);
  uint32_t scanSingle(uint32_t P, Word *W);
  uint32_t scanAnsiC(uint32_t P, Word &W);
  uint32_t scanDouble(uint32_t P, Word *W);
  uint32_t scanDollar(uint32_t P, bool &IsExpansion);
  uint32_t scanCommandSubst(uint32_t P, uint32_t Open, uint32_t OpenLen);
  uint32_t scanBrace(uint32_t P, uint32_t Open);
  uint32_t scanExpression(uint32_t P, uint32_t Open);
  uint32_t scanBalanced(uint32_t P, uint32_t Open, uint32_t OpenLen,
                        bool Arith);
  uint32_t scanBacktick(uint32_t P);
  uint32_t scanNested(uint32_t P);

  // Here-documents.
  void registerHereDocs(const std::vector<Redirect> &Rs,
                        Optional<uint32_t> Command);
  void readHereDocs();
  void readHereDoc(const PendingDoc &D);

  // Grammar.
  bool isTerminator(const Token &T, Term &Which) const;
  bool isKeyword(const Token &T, StringRef K) const {
    return T.Kind == TokKind::Word && T.Plain && T.W.value() == K;
  }
  static bool isOp(const Token &T, StringRef Op) {
    return T.Kind == TokKind::Op && T.Op == Op;
  }
  bool takeKeyword(StringRef K);
  void skipNewlines();
  void setNext(Connector C, size_t Since);
  void parseCompoundList();
  bool parseAndOr();
  bool parsePipeline();
  bool parseCommand();
  bool parseSimpleCommand();
  void pushCommand(Command C, uint32_t Begin, uint32_t End);
  uint32_t parseRedirect(std::vector<Redirect> &Rs, const Token *Fd);
  void parseTrailingRedirects();
  void parseArithCommand();
  void parseSubshell();
  void parseGroup();
  void parseIf();
  void parseLoop();
  void parseFor();
  void parseDoGroup(const Token &Kw);
  void parseCase();
  bool parseCasePattern();
  void parseFunctionKeyword();
  void parseFunctionBody(std::string Name, uint32_t At);
  void parseDoubleBracket();

  const EmbeddedText &Source;
  StringRef Src;
  uint32_t N;
  Shared &Sh;
  Script &Out;
  Context Ctx;
  uint32_t Pos = 0;
  Token Peeked;
  bool HasPeeked = false;
  std::vector<PendingDoc> Pending;
  unsigned Open[NumTerms] = {};
  size_t LastCommand = SIZE_MAX;
  uint32_t NoSingleQuoteFrom = UINT32_MAX;
};

//===----------------------------------------------------------------------===//
// Positions and diagnostics
//===----------------------------------------------------------------------===//

uint32_t Parser::lineEnd(uint32_t I) const {
  size_t E = Src.find('\n', I);
  if (E == StringRef::npos)
    return N;
  if (E > I && Src[E - 1] == '\r')
    --E;
  return static_cast<uint32_t>(E);
}

uint32_t Parser::skipBlanks(uint32_t I) const {
  for (;;) {
    if (isBlank(at(I))) {
      ++I;
    } else if (at(I) == '\\' && at(I + 1) == '\n') {
      I += 2;
    } else if (at(I) == '\\' && at(I + 1) == '\r' && at(I + 2) == '\n') {
      I += 3;
    } else {
      return I;
    }
  }
}

void Parser::error(const Twine &Message, uint32_t B, uint32_t E) {
  if (Sh.Aborted)
    return;
  ParseError Err;
  Err.Message = Message.str();
  Err.Range = host(B, std::max(E, B));
  Out.Errors.push_back(std::move(Err));
}

void Parser::unexpected(const Token &T) {
  StringRef Text = Src.slice(T.Begin, T.End);
  if (Text.size() > 24)
    Text = Text.take_front(24);
  error("unexpected '" + Text + "'", T.Begin, T.End);
}

bool Parser::enter(uint32_t At) {
  ++Sh.Nesting;
  if (Sh.Nesting <= Sh.Opts.MaxDepth)
    return true;
  if (!Sh.Aborted) {
    ParseError E;
    E.Message =
        ("nesting deeper than " + Twine(Sh.Opts.MaxDepth) + " levels").str();
    E.Range = host(At, std::min(At + 1, N));
    E.LimitExceeded = true;
    Out.Errors.push_back(std::move(E));
    Sh.Aborted = true;
  }
  return false;
}

Parser::Checkpoint Parser::checkpoint() const {
  return {Out.Commands.size(), Out.Errors.size(), Out.Comments.size(),
          Pending.size()};
}

/// Reports an unterminated construct opened at Open, drops what was parsed
/// inside it and resumes at the end of the opener's line.
uint32_t Parser::recover(const Checkpoint &C, StringRef What, uint32_t Open,
                         uint32_t OpenLen) {
  if (Sh.Aborted)
    return N;
  Out.Commands.resize(C.Commands);
  Out.Errors.resize(C.Errors);
  Out.Comments.resize(C.Comments);
  if (Pending.size() > C.Pending)
    Pending.resize(C.Pending);
  if (LastCommand != SIZE_MAX && LastCommand >= C.Commands)
    LastCommand = SIZE_MAX;
  HasPeeked = false;
  error("unterminated " + What, Open, std::min(Open + OpenLen, N));
  if (++Sh.Recoveries > 64) {
    error("too many unterminated constructs; parsing stopped", Open,
          std::min(Open + OpenLen, N));
    Sh.Aborted = true;
    return N;
  }
  return std::max(lineEnd(Open), std::min(Open + OpenLen, N));
}

void Parser::appendEscape(EmbeddedText &T, uint32_t B, uint32_t E,
                          char C) const {
  SourceRange R = host(B, E);
  T.appendEscaped(C, R.Begin, R.End - R.Begin);
}

//===----------------------------------------------------------------------===//
// Lexer
//===----------------------------------------------------------------------===//

Token &Parser::peek() {
  if (!HasPeeked) {
    Peeked = lex();
    HasPeeked = true;
  }
  return Peeked;
}

Token Parser::take() {
  peek();
  HasPeeked = false;
  Token T = std::move(Peeked);
  if (T.Kind == TokKind::Newline && !Pending.empty())
    readHereDocs();
  return T;
}

Token Parser::lex() {
  for (;;) {
    Token T;
    if (Sh.Aborted) {
      Pos = N;
    } else {
      Pos = skipBlanks(Pos);
    }
    T.Begin = T.End = Pos;
    if (Pos >= N)
      return T;
    char C = Src[Pos];
    if (C == '#') {
      lexComment();
      continue;
    }
    if (C == '\n' || (C == '\r' && at(Pos + 1) == '\n')) {
      T.Kind = TokKind::Newline;
      Pos += C == '\n' ? 1 : 2;
      T.End = Pos;
      return T;
    }
    if ((C == '<' || C == '>') && at(Pos + 1) == '(')
      return lexWord();
    if (isOpChar(C))
      return lexOp();
    return lexWord();
  }
}

void Parser::lexComment() {
  uint32_t E = lineEnd(Pos);
  Out.Comments.push_back({host(Pos, E)});
  Pos = E;
}

Token Parser::lexOp() {
  Token T;
  T.Kind = TokKind::Op;
  T.Begin = Pos;
  StringRef Rest = Src.substr(Pos);
  T.Op = Rest.take_front(opLength(Rest));
  Pos += T.Op.size();
  T.End = Pos;
  return T;
}

uint32_t Parser::lexBackslash(uint32_t P, Token &T) {
  char Next = at(P + 1);
  if (P + 1 >= N) {
    appendSource(T.W.Text, P, P + 1);
    return P + 1;
  }
  if (Next == '\n')
    return P + 2;
  if (Next == '\r' && at(P + 2) == '\n')
    return P + 3;
  appendEscape(T.W.Text, P, P + 2, Next);
  T.W.Quoted = true;
  return P + 2;
}

Token Parser::lexWord() {
  Token T;
  T.Kind = TokKind::Word;
  T.Begin = Pos;
  bool Literal = true;
  uint32_t P = Pos;
  while (P < N && !Sh.Aborted) {
    char C = Src[P];
    if ((C == '<' || C == '>') && P == T.Begin && at(P + 1) == '(') {
      uint32_t E = scanCommandSubst(P + 2, P, 2);
      appendSource(T.W.Text, P, E);
      T.W.HasExpansion = true;
      Literal = false;
      P = E;
      continue;
    }
    if (C == '(' && Literal && T.W.value().endswith("=") &&
        isAssignmentPrefix(T.W.value())) {
      uint32_t E = scanBalanced(P + 1, P, 1, /*Arith=*/false);
      appendSource(T.W.Text, P, E);
      Literal = false;
      P = E;
      continue;
    }
    if (isBlank(C) || isOpChar(C) || C == '\n' ||
        (C == '\r' && at(P + 1) == '\n'))
      break;
    switch (C) {
    case '\\':
      P = lexBackslash(P, T);
      Literal = Literal && !T.W.Quoted;
      continue;
    case '\'':
      P = scanSingle(P, &T.W);
      Literal = false;
      continue;
    case '"':
      P = scanDouble(P, &T.W);
      Literal = false;
      continue;
    case '`':
    case '$': {
      if (C == '$' && at(P + 1) == '\'') {
        P = scanAnsiC(P, T.W);
        Literal = false;
        continue;
      }
      if (C == '$' && at(P + 1) == '"') {
        P = scanDouble(P + 1, &T.W);
        Literal = false;
        continue;
      }
      bool IsExpansion = true;
      uint32_t E = C == '`' ? scanBacktick(P) : scanDollar(P, IsExpansion);
      appendSource(T.W.Text, P, E);
      if (IsExpansion) {
        T.W.HasExpansion = true;
        Literal = false;
      } else if (Literal) {
        T.LiteralPrefix = T.W.Text.size();
      }
      P = E;
      continue;
    }
    default: {
      uint32_t E = P;
      while (E < N && !isWordBreak(Src[E]))
        ++E;
      if (E == P)
        ++E;
      appendSource(T.W.Text, P, E);
      if (Literal)
        T.LiteralPrefix = T.W.Text.size();
      P = E;
      continue;
    }
    }
  }
  Pos = std::max(P, T.Begin + 1);
  T.End = Pos;
  T.W.Range = host(T.Begin, T.End);
  T.Plain = Literal && !T.W.Quoted && !T.W.HasExpansion;
  T.IoNumber = T.Plain && !T.W.Text.empty() &&
               all_of(T.W.value(), [](char C) { return isDigit(C); }) &&
               (at(Pos) == '<' || at(Pos) == '>') && at(Pos + 1) != '(';
  return T;
}

uint32_t Parser::scanSingle(uint32_t P, Word *W) {
  size_t Close =
      P + 1 >= NoSingleQuoteFrom ? StringRef::npos : Src.find('\'', P + 1);
  if (Close != StringRef::npos) {
    if (W) {
      appendSource(W->Text, P + 1, Close);
      W->Quoted = true;
    }
    return static_cast<uint32_t>(Close) + 1;
  }
  NoSingleQuoteFrom = std::min(NoSingleQuoteFrom, P + 1);
  uint32_t E = recover(checkpoint(), "single quote", P, 1);
  if (W) {
    appendSource(W->Text, P + 1, E);
    W->Quoted = true;
  }
  return E;
}

uint32_t Parser::scanAnsiC(uint32_t P, Word &W) {
  EmbeddedText T;
  for (uint32_t I = P + 2; I < N;) {
    char C = Src[I];
    if (C == '\'') {
      W.Text.append(T, 0, T.size());
      W.Quoted = true;
      return I + 1;
    }
    uint32_t Len = 1;
    int Decoded = C == '\\' ? decodeAnsiEscape(Src, I, Len) : -1;
    if (Decoded >= 0)
      appendEscape(T, I, I + Len, static_cast<char>(Decoded));
    else
      appendSource(T, I, I + Len);
    I += Len;
  }
  uint32_t E = recover(checkpoint(), "ANSI-C quote", P, 2);
  appendSource(W.Text, P + 2, E);
  W.Quoted = true;
  return E;
}

uint32_t Parser::scanDouble(uint32_t P, Word *W) {
  Nest G(*this, P);
  if (!G)
    return N;
  Checkpoint C = checkpoint();
  EmbeddedText T;
  bool Expansion = false;
  uint32_t I = P + 1;
  while (I < N && !Sh.Aborted) {
    char Ch = Src[I];
    if (Ch == '"') {
      if (W) {
        W->Text.append(T, 0, T.size());
        W->Quoted = true;
        W->HasExpansion |= Expansion;
      }
      return I + 1;
    }
    if (Ch == '\\') {
      char Next = at(I + 1);
      if (Next == '\n') {
        I += 2;
      } else if (Next == '\r' && at(I + 2) == '\n') {
        I += 3;
      } else if (I + 1 < N && StringRef("$`\"\\").contains(Next)) {
        appendEscape(T, I, I + 2, Next);
        I += 2;
      } else {
        appendSource(T, I, I + 1);
        ++I;
      }
      continue;
    }
    if (Ch == '$' || Ch == '`') {
      bool IsExpansion = true;
      uint32_t E = Ch == '`' ? scanBacktick(I) : scanDollar(I, IsExpansion);
      appendSource(T, I, E);
      Expansion |= IsExpansion;
      I = E;
      continue;
    }
    uint32_t E = I;
    while (E < N && !isDoubleQuoteSpecial(Src[E]))
      ++E;
    appendSource(T, I, E);
    I = E;
  }
  uint32_t E = recover(C, "double quote", P, 1);
  if (W && !Sh.Aborted) {
    appendSource(W->Text, P + 1, E);
    W->Quoted = true;
  }
  return E;
}

uint32_t Parser::scanDollar(uint32_t P, bool &IsExpansion) {
  IsExpansion = true;
  char C = at(P + 1);
  if (C == '(' && at(P + 2) == '(')
    return scanBalanced(P + 3, P, 3, /*Arith=*/true);
  if (C == '(')
    return scanCommandSubst(P + 2, P, 2);
  if (C == '{' && at(P + 2) == '{' && Sh.Opts.ExpressionsOpaque)
    return scanExpression(P + 3, P);
  if (C == '{')
    return scanBrace(P + 2, P);
  if (isNameStart(C)) {
    uint32_t E = P + 2;
    while (E < N && isNameChar(Src[E]))
      ++E;
    return E;
  }
  if (P + 1 < N && (isDigit(C) || StringRef("@*#?$!-").contains(C)))
    return P + 2;
  IsExpansion = false;
  return P + 1;
}

uint32_t Parser::scanCommandSubst(uint32_t P, uint32_t Open, uint32_t OpenLen) {
  Nest G(*this, Open);
  if (!G)
    return N;
  Checkpoint C = checkpoint();
  Scope S(*this, TRParen, /*FreshCounts=*/true);
  Ctx.InSubst = true;
  Pos = P;
  HasPeeked = false;
  parseCompoundList();
  if (isOp(peek(), ")")) {
    take();
    return Pos;
  }
  HasPeeked = false;
  return recover(C, Src.slice(Open, Open + OpenLen) == "$(" ? "'$('" : "'('",
                 Open, OpenLen);
}

uint32_t Parser::scanBrace(uint32_t P, uint32_t Open) {
  Nest G(*this, Open);
  if (!G)
    return N;
  Checkpoint C = checkpoint();
  uint32_t I = P;
  while (I < N && !Sh.Aborted) {
    char Ch = Src[I];
    if (Ch == '}')
      return I + 1;
    I = scanNested(I);
  }
  return recover(C, "'${'", Open, 2);
}

uint32_t Parser::scanExpression(uint32_t P, uint32_t Open) {
  size_t Close = Src.find("}}", P);
  if (Close != StringRef::npos)
    return static_cast<uint32_t>(Close) + 2;
  return recover(checkpoint(), "'${{'", Open, 3);
}

/// Steps over one element inside ${...}, $((...)) or an array literal:
/// a quoted string, an expansion, an escape or a plain byte.
uint32_t Parser::scanNested(uint32_t I) {
  bool IsExpansion;
  switch (Src[I]) {
  case '\\':
    return std::min(I + 2, N);
  case '\'':
    return scanSingle(I, nullptr);
  case '"':
    return scanDouble(I, nullptr);
  case '$':
    return scanDollar(I, IsExpansion);
  case '`':
    return scanBacktick(I);
  default:
    return I + 1;
  }
}

uint32_t Parser::scanBalanced(uint32_t P, uint32_t Open, uint32_t OpenLen,
                              bool Arith) {
  Nest G(*this, Open);
  if (!G)
    return N;
  Checkpoint C = checkpoint();
  unsigned Depth = 0;
  uint32_t I = P;
  while (I < N && !Sh.Aborted) {
    char Ch = Src[I];
    if (Ch == '(') {
      ++Depth;
      ++I;
    } else if (Ch == ')' && Depth > 0) {
      --Depth;
      ++I;
    } else if (Ch == ')') {
      return Arith && at(I + 1) == ')' ? I + 2 : I + 1;
    } else {
      I = scanNested(I);
    }
  }
  return recover(C, Arith ? "'(('" : "'('", Open, OpenLen);
}

uint32_t Parser::scanBacktick(uint32_t P) {
  Nest G(*this, P);
  if (!G)
    return N;
  uint32_t I = P + 1;
  while (I < N && Src[I] != '`')
    I += Src[I] == '\\' ? 2 : 1;
  bool Closed = I < N;
  uint32_t InnerEnd = Closed ? I : lineEnd(P);
  EmbeddedText Inner;
  for (uint32_t J = P + 1; J < InnerEnd;) {
    if (Src[J] == '\\' && J + 1 < InnerEnd &&
        StringRef("`\\$").contains(Src[J + 1])) {
      appendEscape(Inner, J, J + 2, Src[J + 1]);
      J += 2;
      continue;
    }
    uint32_t E = J + 1;
    while (E < InnerEnd && Src[E] != '\\')
      ++E;
    appendSource(Inner, J, E);
    J = E;
  }
  uint32_t End = Closed ? I + 1 : recover(checkpoint(), "backquote", P, 1);
  if (Sh.Aborted)
    return N;
  Context Sub = Ctx;
  ++Sub.Level;
  Sub.InSubst = true;
  Parser Nested(Inner, Sh, std::move(Sub));
  Nested.parseAll();
  return End;
}

//===----------------------------------------------------------------------===//
// Here-documents
//===----------------------------------------------------------------------===//

void Parser::registerHereDocs(const std::vector<Redirect> &Rs,
                              Optional<uint32_t> Command) {
  for (size_t I = 0; I < Rs.size(); ++I) {
    if (!Rs[I].IsHereDoc)
      continue;
    Pending.push_back({Command, I, Rs[I].Target.value().str(),
                       Rs[I].Op == "<<-", Rs[I].Target.Range});
  }
}

void Parser::readHereDocs() {
  std::vector<PendingDoc> Docs;
  Docs.swap(Pending);
  for (const PendingDoc &D : Docs)
    readHereDoc(D);
}

void Parser::readHereDoc(const PendingDoc &D) {
  EmbeddedText Body;
  uint32_t P = Pos;
  bool Found = false;
  while (P < N) {
    uint32_t ContentEnd = lineEnd(P);
    size_t NL = Src.find('\n', ContentEnd);
    uint32_t Next = NL == StringRef::npos ? N : static_cast<uint32_t>(NL) + 1;
    uint32_t Start = P;
    while (D.StripTabs && Start < ContentEnd && Src[Start] == '\t')
      ++Start;
    if (Src.slice(Start, ContentEnd) == D.Delimiter) {
      P = Next;
      Found = true;
      break;
    }
    appendSource(Body, Start, Next);
    P = Next;
  }
  Pos = P;
  if (!Found) {
    ParseError Err;
    Err.Message = "here-document delimited by '" + D.Delimiter + "' has no end";
    Err.Range = D.Range;
    Out.Errors.push_back(std::move(Err));
  }
  if (!D.Command)
    return;
  auto It = partition_point(Out.Commands, [&](const Command &C) {
    return C.Range.Begin < *D.Command;
  });
  if (It != Out.Commands.end() && It->Range.Begin == *D.Command &&
      D.Redirect < It->Redirects.size())
    It->Redirects[D.Redirect].Body = std::move(Body);
}

//===----------------------------------------------------------------------===//
// Grammar
//===----------------------------------------------------------------------===//

bool Parser::isTerminator(const Token &T, Term &Which) const {
  if (T.Kind == TokKind::Op) {
    if (T.Op == ")")
      Which = TRParen;
    else if (isCaseEnd(T.Op))
      Which = TCaseEnd;
    else
      return false;
    return true;
  }
  if (T.Kind != TokKind::Word || !T.Plain)
    return false;
  int K = StringSwitch<int>(T.W.value())
              .Case("then", TThen)
              .Case("elif", TElif)
              .Case("else", TElse)
              .Case("fi", TFi)
              .Case("do", TDo)
              .Case("done", TDone)
              .Case("esac", TEsac)
              .Case("}", TRBrace)
              .Default(-1);
  if (K < 0)
    return false;
  Which = static_cast<Term>(K);
  return true;
}

bool Parser::takeKeyword(StringRef K) {
  if (!isKeyword(peek(), K))
    return false;
  take();
  return true;
}

void Parser::skipNewlines() {
  while (peek().Kind == TokKind::Newline)
    take();
}

void Parser::setNext(Connector C, size_t Since) {
  if (LastCommand != SIZE_MAX && LastCommand >= Since &&
      LastCommand < Out.Commands.size())
    Out.Commands[LastCommand].Next = C;
}

void Parser::parseAll() {
  parseCompoundList();
  if (!Pending.empty() && !Sh.Aborted)
    readHereDocs();
}

void Parser::parseCompoundList() {
  for (;;) {
    Token &T = peek();
    if (T.Kind == TokKind::End)
      return;
    if (T.Kind == TokKind::Newline) {
      take();
      continue;
    }
    Term Which;
    if (isTerminator(T, Which)) {
      if (Open[closerOf(Which)] > 0)
        return;
      unexpected(T);
      take();
      continue;
    }
    size_t Since = Out.Commands.size();
    if (!parseAndOr()) {
      unexpected(T);
      take();
      continue;
    }
    Token &Sep = peek();
    if (isOp(Sep, ";") || Sep.Kind == TokKind::Newline) {
      setNext(Connector::Seq, Since);
      take();
    } else if (isOp(Sep, "&")) {
      setNext(Connector::Background, Since);
      take();
    } else if (Sep.Kind != TokKind::End && !isTerminator(Sep, Which)) {
      unexpected(Sep);
      take();
    }
  }
}

bool Parser::parseAndOr() {
  size_t Since = Out.Commands.size();
  if (!parsePipeline())
    return false;
  for (;;) {
    Token &T = peek();
    bool And = isOp(T, "&&");
    if (!And && !isOp(T, "||"))
      return true;
    setNext(And ? Connector::And : Connector::Or, Since);
    Token Op = take();
    skipNewlines();
    Since = Out.Commands.size();
    if (!parsePipeline()) {
      error("expected a command after '" + Op.Op + "'", Op.Begin, Op.End);
      return true;
    }
  }
}

bool Parser::parsePipeline() {
  bool Prefix = false;
  while (isKeyword(peek(), "!") || isKeyword(peek(), "time")) {
    bool Time = isKeyword(peek(), "time");
    take();
    if (Time)
      takeKeyword("-p");
    Prefix = true;
  }
  size_t Since = Out.Commands.size();
  if (!parseCommand())
    return Prefix;
  for (;;) {
    Token &T = peek();
    if (!isOp(T, "|") && !isOp(T, "|&"))
      return true;
    setNext(Connector::Pipe, Since);
    Token Op = take();
    skipNewlines();
    Since = Out.Commands.size();
    if (!parseCommand()) {
      error("expected a command after '" + Op.Op + "'", Op.Begin, Op.End);
      return true;
    }
  }
}

bool Parser::parseCommand() {
  Token &T = peek();
  if (T.Kind == TokKind::Op) {
    if (T.Op == "(" && at(T.End) == '(') {
      parseArithCommand();
      return true;
    }
    if (T.Op == "(") {
      parseSubshell();
      return true;
    }
    return isRedirectOp(T.Op) && parseSimpleCommand();
  }
  if (T.Kind != TokKind::Word)
    return false;
  if (T.Plain) {
    StringRef V = T.W.value();
    if (V == "if") {
      parseIf();
      return true;
    }
    if (V == "while" || V == "until") {
      parseLoop();
      return true;
    }
    if (V == "for" || V == "select") {
      parseFor();
      return true;
    }
    if (V == "case") {
      parseCase();
      return true;
    }
    if (V == "function") {
      parseFunctionKeyword();
      return true;
    }
    if (V == "{") {
      parseGroup();
      return true;
    }
    if (V == "[[") {
      parseDoubleBracket();
      return true;
    }
  }
  return parseSimpleCommand();
}

bool Parser::parseSimpleCommand() {
  Command C;
  uint32_t Begin = peek().Begin;
  uint32_t End = Begin;
  for (;;) {
    Token &T = peek();
    if (T.Kind == TokKind::Op && isRedirectOp(T.Op)) {
      End = parseRedirect(C.Redirects, nullptr);
      continue;
    }
    if (T.Kind != TokKind::Word)
      break;
    if (T.IoNumber) {
      Token Fd = take();
      End = parseRedirect(C.Redirects, &Fd);
      continue;
    }
    Token W = take();
    End = W.End;
    if (C.Words.empty() &&
        isAssignmentPrefix(W.W.value().take_front(W.LiteralPrefix))) {
      C.Assignments.push_back(std::move(W.W));
      continue;
    }
    C.Words.push_back(std::move(W.W));
    if (C.Words.size() == 1 && C.Assignments.empty() && C.Redirects.empty() &&
        isOp(peek(), "(")) {
      Token Paren = take();
      if (isOp(peek(), ")"))
        take();
      else
        error("expected ')' after the function name", Paren.Begin, Paren.End);
      parseFunctionBody(C.Words[0].value().str(), W.Begin);
      return true;
    }
  }
  if (End == Begin)
    return false;
  if (C.Words.empty() && C.Assignments.empty() && C.Redirects.empty())
    return true;
  pushCommand(std::move(C), Begin, End);
  return true;
}

/// Adds a finished command in source order: the commands of its
/// substitutions were added before it but start after it.
void Parser::pushCommand(Command C, uint32_t Begin, uint32_t End) {
  C.Range = host(Begin, End);
  C.Depth = Ctx.Level;
  C.InSubstitution = Ctx.InSubst;
  C.InCondition = Ctx.InCond;
  C.Function = Ctx.Function;
  size_t At = Out.Commands.size();
  while (At > 0 && Out.Commands[At - 1].Range.Begin > C.Range.Begin)
    --At;
  Out.Commands.insert(Out.Commands.begin() + At, std::move(C));
  LastCommand = At;
  registerHereDocs(Out.Commands[At].Redirects, Out.Commands[At].Range.Begin);
}

uint32_t Parser::parseRedirect(std::vector<Redirect> &Rs, const Token *Fd) {
  Token Op = take();
  if (peek().Kind != TokKind::Word) {
    error("expected a word after '" + Op.Op + "'", Op.Begin, Op.End);
    return Op.End;
  }
  Token Target = take();
  Redirect R;
  R.Op = ((Fd ? Fd->W.value() : StringRef()) + Op.Op).str();
  StringRef V = Target.W.value();
  if ((Op.Op == ">&" || Op.Op == "<&") && !V.empty() &&
      (V == "-" || all_of(V, [](char C) { return isDigit(C); })))
    R.Op += V.str();
  R.IsHereDoc = Op.Op == "<<" || Op.Op == "<<-";
  R.HereDocQuoted = R.IsHereDoc && Target.W.Quoted;
  R.Target = std::move(Target.W);
  Rs.push_back(std::move(R));
  return Target.End;
}

void Parser::parseTrailingRedirects() {
  std::vector<Redirect> Rs;
  for (;;) {
    Token &T = peek();
    if (T.Kind == TokKind::Op && isRedirectOp(T.Op)) {
      parseRedirect(Rs, nullptr);
    } else if (T.Kind == TokKind::Word && T.IoNumber) {
      Token Fd = take();
      parseRedirect(Rs, &Fd);
    } else {
      break;
    }
  }
  registerHereDocs(Rs, None);
}

void Parser::parseArithCommand() {
  Token L = take();
  Pos = scanBalanced(L.End + 1, L.Begin, 2, /*Arith=*/true);
  HasPeeked = false;
  parseTrailingRedirects();
}

void Parser::parseSubshell() {
  Token L = take();
  Nest G(*this, L.Begin);
  if (!G)
    return;
  {
    Scope S(*this, TRParen);
    parseCompoundList();
    if (isOp(peek(), ")"))
      take();
    else
      error("'(' without matching ')'", L.Begin, L.End);
  }
  parseTrailingRedirects();
}

void Parser::parseGroup() {
  Token L = take();
  Nest G(*this, L.Begin);
  if (!G)
    return;
  {
    Scope S(*this, TRBrace);
    parseCompoundList();
    if (!takeKeyword("}"))
      error("'{' without matching '}'", L.Begin, L.End);
  }
  parseTrailingRedirects();
}

void Parser::parseIf() {
  Token If = take();
  Nest G(*this, If.Begin);
  if (!G)
    return;
  {
    Scope S(*this, TFi);
    bool OuterCond = Ctx.InCond;
    for (;;) {
      Ctx.InCond = true;
      parseCompoundList();
      Ctx.InCond = OuterCond;
      if (!takeKeyword("then")) {
        error("expected 'then' after the condition of 'if'", If.Begin, If.End);
        break;
      }
      parseCompoundList();
      if (takeKeyword("elif"))
        continue;
      if (takeKeyword("else"))
        parseCompoundList();
      break;
    }
    if (!takeKeyword("fi"))
      error("'if' without matching 'fi'", If.Begin, If.End);
  }
  parseTrailingRedirects();
}

void Parser::parseLoop() {
  Token Kw = take();
  Nest G(*this, Kw.Begin);
  if (!G)
    return;
  {
    Scope S(*this, TDone);
    bool OuterCond = Ctx.InCond;
    Ctx.InCond = true;
    parseCompoundList();
    Ctx.InCond = OuterCond;
    parseDoGroup(Kw);
  }
  parseTrailingRedirects();
}

/// The `do list done` body of the loop that keyword Kw opened.
void Parser::parseDoGroup(const Token &Kw) {
  if (takeKeyword("do"))
    parseCompoundList();
  else
    error("expected 'do' in '" + Kw.W.value() + "' loop", Kw.Begin, Kw.End);
  if (!takeKeyword("done"))
    error("'" + Kw.W.value() + "' without matching 'done'", Kw.Begin, Kw.End);
}

void Parser::parseFor() {
  Token Kw = take();
  Nest G(*this, Kw.Begin);
  if (!G)
    return;
  {
    Scope S(*this, TDone);
    Token &V = peek();
    if (isOp(V, "(") && at(V.End) == '(') {
      Token L = take();
      Pos = scanBalanced(L.End + 1, L.Begin, 2, /*Arith=*/true);
      HasPeeked = false;
    } else if (V.Kind == TokKind::Word) {
      take();
      skipNewlines();
      if (takeKeyword("in")) {
        while (peek().Kind == TokKind::Word)
          take();
      }
    } else {
      error("expected a variable name after '" + Kw.W.value() + "'", Kw.Begin,
            Kw.End);
    }
    if (isOp(peek(), ";"))
      take();
    skipNewlines();
    parseDoGroup(Kw);
  }
  parseTrailingRedirects();
}

void Parser::parseCase() {
  Token Kw = take();
  Nest G(*this, Kw.Begin);
  if (!G)
    return;
  {
    Scope S(*this, TEsac);
    if (peek().Kind == TokKind::Word)
      take();
    skipNewlines();
    if (!takeKeyword("in")) {
      error("expected 'in' after the word of 'case'", Kw.Begin, Kw.End);
      return;
    }
    for (;;) {
      skipNewlines();
      Token &T = peek();
      Term Which;
      if (takeKeyword("esac"))
        break;
      if (T.Kind == TokKind::End ||
          (isTerminator(T, Which) && Which != TCaseEnd)) {
        error("'case' without matching 'esac'", Kw.Begin, Kw.End);
        break;
      }
      if (!parseCasePattern())
        continue;
      parseCompoundList();
      if (peek().Kind == TokKind::Op && isCaseEnd(peek().Op))
        take();
    }
  }
  parseTrailingRedirects();
}

/// Reads `[(] pattern [| pattern]... )`; on a malformed pattern reports it,
/// skips one token and returns false.
bool Parser::parseCasePattern() {
  if (isOp(peek(), "("))
    take();
  for (;;) {
    Token &T = peek();
    if (T.Kind == TokKind::Word || isOp(T, "|")) {
      take();
      continue;
    }
    if (isOp(T, ")")) {
      take();
      return true;
    }
    error("expected ')' after a case pattern", T.Begin, T.End);
    if (T.Kind != TokKind::End)
      take();
    return false;
  }
}

void Parser::parseFunctionKeyword() {
  Token Kw = take();
  if (peek().Kind != TokKind::Word) {
    error("expected a function name after 'function'", Kw.Begin, Kw.End);
    return;
  }
  Token Name = take();
  if (isOp(peek(), "(")) {
    Token Paren = take();
    if (isOp(peek(), ")"))
      take();
    else
      error("expected ')' after the function name", Paren.Begin, Paren.End);
  }
  parseFunctionBody(Name.W.value().str(), Kw.Begin);
}

void Parser::parseFunctionBody(std::string Name, uint32_t At) {
  Nest G(*this, At);
  if (!G)
    return;
  Context Saved = Ctx;
  Ctx.Function = std::move(Name);
  skipNewlines();
  Token &T = peek();
  uint32_t B = T.Begin, E = T.End;
  if (!parseCommand())
    error("expected a function body", B, E);
  Ctx = std::move(Saved);
}

void Parser::parseDoubleBracket() {
  Command C;
  Token Open = take();
  uint32_t End = Open.End;
  C.Words.push_back(std::move(Open.W));
  for (;;) {
    Token &T = peek();
    if (T.Kind == TokKind::End || T.Kind == TokKind::Newline || isOp(T, ";") ||
        isOp(T, "&")) {
      error("'[[' without matching ']]'", Open.Begin, Open.End);
      break;
    }
    Token W = take();
    End = W.End;
    bool Close = isKeyword(W, "]]");
    if (W.Kind == TokKind::Op) {
      W.W.Text = EmbeddedText();
      appendSource(W.W.Text, W.Begin, W.End);
      W.W.Range = host(W.Begin, W.End);
    }
    C.Words.push_back(std::move(W.W));
    if (Close)
      break;
  }
  pushCommand(std::move(C), Open.Begin, End);
  parseTrailingRedirects();
}

template <typename T> static void sortByBegin(std::vector<T> &V) {
  auto Before = [](const T &A, const T &B) {
    return A.Range.Begin < B.Range.Begin;
  };
  if (!std::is_sorted(V.begin(), V.end(), Before))
    std::stable_sort(V.begin(), V.end(), Before);
}

} // namespace

Script parse(const EmbeddedText &Source, const ParseOptions &Opts) {
  Script Out;
  Shared Sh{Out, Opts};
  Parser P(Source, Sh, Context());
  P.parseAll();
  sortByBegin(Out.Errors);
  sortByBegin(Out.Comments);
  return Out;
}

Script parseWord(const Word &W, const ParseOptions &Opts) {
  return parse(W.Text, Opts);
}

} // namespace shell
} // namespace adminlint
