//===- Ruby.cpp - A token-level Ruby reader with exact ranges -------------===//
//
// Ruby's grammar is context-sensitive where it matters here: `/`, `%`, `<<`
// and `?` start literals or are operators depending on what precedes them.
// The reader decides as Ruby's own lexer does in the common cases: a literal
// where a value may start (after an operator, a keyword, an opening bracket,
// or after a method name followed by a space but not by one after the
// character: `split /,/`, `puts %w[a b]`, `foo <<~EOS`).
//
//===----------------------------------------------------------------------===//
#include "lib/Parse/Ruby.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;
using namespace adminlint::script;

namespace adminlint {
namespace ruby {

bool isKeyword(StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases("alias", "and", "begin", "BEGIN", "break", "case", true)
      .Cases("class", "def", "defined?", "do", "else", "elsif", true)
      .Cases("end", "END", "ensure", "false", "for", "if", true)
      .Cases("in", "module", "next", "nil", "not", "or", true)
      .Cases("redo", "rescue", "retry", "return", "self", "super", true)
      .Cases("then", "true", "undef", "unless", "until", "when", true)
      .Cases("while", "yield", "__FILE__", "__LINE__", "__ENCODING__", true)
      .Default(false);
}

namespace {

/// How backslashes read inside a literal.
enum class Escapes {
  Double, ///< "…": \n, \t, \e … and a line continuation
  Single, ///< '…', %q: only \\ and an escaped delimiter
  Regex,  ///< /…/: kept as written, but \/ does not end the literal
  None,   ///< <<~'EOS': no escapes at all
};

/// An open literal, or an interpolation `#{…}` inside one (Code).
struct Frame {
  bool Code = false;
  unsigned Literal = 0;
  unsigned TokenIndex = 0;
  char Open = 0;
  char Close = 0;
  unsigned Nest = 0; ///< nested Open…Close pairs of %q(…)-style literals
  bool Interpolates = false;
  Escapes Esc = Escapes::Double;
  unsigned Braces = 0;      ///< Code: `{` opened inside and not closed
  uint32_t InterpBegin = 0; ///< Code: offset of its `#{`
};

/// A heredoc whose opener was read and whose body starts on the next line.
struct Heredoc {
  unsigned Literal = 0;
  std::string Id;
  bool Indented = false; ///< <<- or <<~: the terminator may be indented
  bool Squiggly = false; ///< <<~: the body's common indentation is removed
  Escapes Esc = Escapes::Double;
};

/// A keyword body closed by `end`; Def counts toward token depth.
enum class Body { Def, Block };

static bool isIdentStart(char C) {
  return isAlpha(C) || C == '_' || static_cast<unsigned char>(C) >= 0x80;
}

static bool isIdentChar(char C) { return isIdentStart(C) || isDigit(C); }

static char closerFor(char Open) {
  switch (Open) {
  case '(':
    return ')';
  case '[':
    return ']';
  case '{':
    return '}';
  case '<':
    return '>';
  default:
    return Open;
  }
}

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
  case 's':
    return ' ';
  case 'e':
    return '\x1b';
  case 'a':
    return '\a';
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
    "**=", "<=>", "===", "...", "&&=", "||=", "<<=", ">>=", "::", "&.", "=>",
    "->",  "==",  "!=",  "=~",  "!~",  "&&",  "||",  "**",  "..", "<=", ">=",
    "<<",  ">>",  "+=",  "-=",  "*=",  "/=",  "%=",  "|=",  "&=", "^="};

/// The reader: one pass over the text with an explicit stack of open
/// literals and interpolations.
class Lexer {
public:
  Lexer(StringRef Text, const ParseOptions &Opts) : Text(Text), Opts(Opts) {}

  Script run() {
    while (!Done && Pos < Text.size()) {
      if (!Frames.empty() && !Frames.back().Code)
        lexStringBody();
      else
        lexCode();
    }
    finish();
    findCalls(S, CallSyntax{isKeyword, true});
    return std::move(S);
  }

private:
  StringRef Text;
  const ParseOptions &Opts;
  Script S;
  size_t Pos = 0;
  std::vector<Frame> Frames;
  std::vector<unsigned> Open;
  std::vector<Body> Bodies;
  unsigned Defs = 0;
  std::vector<Heredoc> Pending;
  unsigned Last = NoPartner; ///< the last token, for literal-or-operator
  bool Space = false;
  bool LineStart = true;
  bool LoopOnLine = false; ///< while/until/for: their `do` opens no body
  /// Between `def` and the end of its line: a spaced `=` at the def's
  /// bracket depth makes it an endless def (`def x = 1`), which has no body.
  bool InDefSignature = false;
  size_t DefBrackets = 0;
  bool Done = false;

  char peek(size_t Off = 0) const {
    return Pos + Off < Text.size() ? Text[Pos + Off] : '\0';
  }

  void limit(const Twine &What) {
    S.Errors.push_back(
        {("too deeply nested " + What).str(),
         {static_cast<uint32_t>(Pos), static_cast<uint32_t>(Pos)},
         true});
    Done = true;
  }

  bool tooDeep() const {
    return Open.size() + Bodies.size() + Frames.size() + Pending.size() >
           Opts.MaxDepth;
  }

  unsigned addToken(TokenKind Kind, size_t Begin, size_t End) {
    if (S.Tokens.size() >= Opts.MaxTokens) {
      S.Errors.push_back(
          {"too many tokens",
           {static_cast<uint32_t>(Begin), static_cast<uint32_t>(Begin)},
           true});
      Done = true;
    }
    Token T;
    T.Kind = Kind;
    T.Range = {static_cast<uint32_t>(Begin), static_cast<uint32_t>(End)};
    T.Text = Text.slice(Begin, End);
    T.Depth = Open.size() + Defs;
    T.SpaceBefore = Space;
    S.Tokens.push_back(T);
    Space = false;
    LineStart = false;
    Last = S.Tokens.size() - 1;
    return Last;
  }

  const Token *lastToken() const {
    return Last == NoPartner ? nullptr : &S.Tokens[Last];
  }

  /// Whether the last token ends a value, so `/`, `%`, `<<`, `?` after it
  /// are operators.
  bool afterValue() const {
    const Token *T = lastToken();
    if (!T)
      return false;
    switch (T->Kind) {
    case TokenKind::Number:
    case TokenKind::String:
      return true;
    case TokenKind::Name:
      return !isKeyword(T->Text) || T->Text == "self" || T->Text == "nil" ||
             T->Text == "true" || T->Text == "false" || T->Text == "end" ||
             T->Text == "__FILE__";
    case TokenKind::Op:
      return T->Text == ")" || T->Text == "]" || T->Text == "}";
    case TokenKind::Newline:
      return false;
    }
    return false;
  }

  /// `puts %w[a]`, `split /,/`: a method name, a space before the character
  /// and none after it make it start an argument.
  bool commandArgument(char After) const {
    const Token *T = lastToken();
    return T && T->Kind == TokenKind::Name && !isKeyword(T->Text) && Space &&
           !isBlank(After) && After != '\n' && After != '=';
  }

  bool valueMayStart(char After) const {
    return !afterValue() || commandArgument(After);
  }

  // --- code -------------------------------------------------------------

  void lexCode() {
    char C = Text[Pos];
    if (C == '\n')
      return newline();
    if (isBlank(C)) {
      Space = true;
      LineStart = false;
      ++Pos;
      return;
    }
    if (C == '\\' && peek(1) == '\n') {
      Pos += 2;
      Space = true;
      return;
    }
    if (LineStart && Text.substr(Pos).startswith("=begin") &&
        (Pos + 6 == Text.size() || !isIdentChar(Text[Pos + 6])))
      return embeddedDocument();
    if (LineStart && atEndMarker()) {
      Done = true;
      return;
    }
    if (C == '#')
      return comment();
    if (isIdentStart(C))
      return identifier();
    if (isDigit(C))
      return number();
    if (special(C))
      return;
    if (C == '(' || C == ')' || C == '[' || C == ']' || C == '{' || C == '}')
      return bracket(C);
    op();
  }

  /// Characters that may start a literal; true when one was read.
  bool special(char C) {
    switch (C) {
    case '"':
      return startLiteral(1, '"', '"', Escapes::Double, true,
                          LiteralKind::String);
    case '\'':
      return startLiteral(1, '\'', '\'', Escapes::Single, false,
                          LiteralKind::String);
    case '`':
      return startLiteral(1, '`', '`', Escapes::Double, true,
                          LiteralKind::Command);
    case ':':
      return colon();
    case '%':
      return percentLiteral();
    case '/':
      return valueMayStart(peek(1)) && startLiteral(1, '/', '/', Escapes::Regex,
                                                    true, LiteralKind::Regex);
    case '<':
      return heredoc();
    case '?':
      return characterLiteral();
    case '$':
      return global();
    case '@':
      return instanceVariable();
    default:
      return false;
    }
  }

  bool atEndMarker() const {
    if (!Text.substr(Pos).startswith("__END__"))
      return false;
    char After = Pos + 7 < Text.size() ? Text[Pos + 7] : '\n';
    return After == '\n' || After == '\r';
  }

  void newline() {
    const Token *T = lastToken();
    bool InParens = !Open.empty() && S.Tokens[Open.back()].Text != "{";
    if (T && T->Kind != TokenKind::Newline && !InParens)
      addToken(TokenKind::Newline, Pos, Pos + 1);
    ++Pos;
    Space = false;
    LineStart = true;
    LoopOnLine = false;
    InDefSignature = false;
    if (!Pending.empty())
      readHeredocBodies();
  }

  void comment() {
    size_t End = Text.find('\n', Pos);
    if (End == StringRef::npos)
      End = Text.size();
    SourceRange R{static_cast<uint32_t>(Pos), static_cast<uint32_t>(End)};
    if (Pos == 0 && peek(1) == '!')
      S.Shebang = R;
    else
      S.Comments.push_back(R);
    Pos = End;
  }

  void embeddedDocument() {
    size_t Begin = Pos;
    size_t End = Text.find("\n=end", Pos);
    if (End == StringRef::npos) {
      S.Errors.push_back(
          {"unterminated =begin block",
           {static_cast<uint32_t>(Begin), static_cast<uint32_t>(Begin + 6)}});
      Pos = Text.size();
      return;
    }
    size_t LineEnd = Text.find('\n', End + 1);
    Pos = LineEnd == StringRef::npos ? Text.size() : LineEnd;
    S.Comments.push_back(
        {static_cast<uint32_t>(Begin), static_cast<uint32_t>(Pos)});
  }

  void identifier() {
    size_t Begin = Pos;
    while (Pos < Text.size() && isIdentChar(Text[Pos]))
      ++Pos;
    if ((peek() == '?' || peek() == '!') && peek(1) != '=')
      ++Pos;
    const Token *Prev = lastToken();
    bool AfterDot =
        Prev && Prev->Kind == TokenKind::Op &&
        (Prev->Text == "." || Prev->Text == "&." || Prev->Text == "::");
    bool Label = peek() == ':' && peek(1) != ':';
    bool AtStatement = !afterValue() && !endsStatement(Prev);
    StringRef Word = Text.slice(Begin, Pos);
    addToken(TokenKind::Name, Begin, Pos);
    if (!AfterDot && !Label)
      keyword(Word, AtStatement);
  }

  /// `return if x`: these keywords end an expression like a value does.
  static bool endsStatement(const Token *T) {
    return T && T->Kind == TokenKind::Name &&
           StringSwitch<bool>(T->Text)
               .Cases("return", "break", "next", "redo", "retry", true)
               .Cases("yield", "super", true)
               .Default(false);
  }

  void openBody(Body B) {
    Bodies.push_back(B);
    Defs += B == Body::Def;
    if (tooDeep())
      limit("bodies");
  }

  void keyword(StringRef Word, bool AtStatement) {
    if (Word == "def") {
      InDefSignature = true;
      DefBrackets = Open.size();
    }
    if (Word == "def" || Word == "class" || Word == "module")
      return openBody(Body::Def);
    if (Word == "begin" || Word == "case")
      return openBody(Body::Block);
    if (Word == "do") {
      if (LoopOnLine)
        LoopOnLine = false;
      else
        openBody(Body::Block);
      return;
    }
    if ((Word == "if" || Word == "unless") && AtStatement)
      return openBody(Body::Block);
    if (((Word == "while" || Word == "until") && AtStatement) ||
        Word == "for") {
      LoopOnLine = true;
      return openBody(Body::Block);
    }
    if (Word == "end" && !Bodies.empty()) {
      Defs -= Bodies.back() == Body::Def;
      Bodies.pop_back();
    }
  }

  void number() {
    size_t Begin = Pos;
    while (Pos < Text.size() && (isIdentChar(Text[Pos]) ||
                                 (Text[Pos] == '.' && Pos + 1 < Text.size() &&
                                  isDigit(Text[Pos + 1]))))
      ++Pos;
    addToken(TokenKind::Number, Begin, Pos);
  }

  void bracket(char C) {
    if (C == '}' && !Frames.empty() && Frames.back().Code &&
        Frames.back().Braces == 0)
      return endInterpolation();
    if (!Frames.empty() && Frames.back().Code) {
      if (C == '{')
        ++Frames.back().Braces;
      else if (C == '}')
        --Frames.back().Braces;
    }
    unsigned T = addToken(TokenKind::Op, Pos, Pos + 1);
    ++Pos;
    pairBracket(S, T, Open);
    if (tooDeep())
      limit("brackets");
  }

  void op() {
    StringRef Rest = Text.substr(Pos);
    size_t Len = 1;
    for (const char *O : MultiCharOps)
      if (Rest.startswith(O)) {
        Len = strlen(O);
        break;
      }
    bool Spaced = Space;
    addToken(TokenKind::Op, Pos, Pos + Len);
    Pos += Len;
    if (Len == 1 && Rest.front() == ';')
      InDefSignature = false;
    if (Len == 1 && Rest.front() == '=' && Spaced && InDefSignature &&
        Open.size() == DefBrackets)
      endlessDef();
  }

  void endlessDef() {
    InDefSignature = false;
    if (Bodies.empty() || Bodies.back() != Body::Def)
      return;
    Bodies.pop_back();
    --Defs;
  }

  bool colon() {
    char N = peek(1);
    if (N == ':') {
      addToken(TokenKind::Op, Pos, Pos + 2);
      Pos += 2;
      return true;
    }
    if (N == '"')
      return startLiteral(2, '"', '"', Escapes::Double, true,
                          LiteralKind::Symbol);
    if (N == '\'')
      return startLiteral(2, '\'', '\'', Escapes::Single, false,
                          LiteralKind::Symbol);
    if (!isIdentStart(N))
      return false;
    size_t Begin = Pos++;
    while (Pos < Text.size() && isIdentChar(Text[Pos]))
      ++Pos;
    if (peek() == '?' || peek() == '!' || (peek() == '=' && peek(1) != '>'))
      ++Pos;
    addToken(TokenKind::Name, Begin, Pos);
    return true;
  }

  bool percentLiteral() {
    char Type = peek(1);
    size_t OpenerLen = 2;
    char Delim = Type;
    if (isAlpha(Type)) {
      if (!StringRef("qQwWiIxrs").contains(Type))
        return false;
      Delim = peek(2);
      OpenerLen = 3;
    } else {
      Type = 'Q';
    }
    if (Delim == '\0' || isAlnum(Delim) || isBlank(Delim) || Delim == '\n' ||
        (OpenerLen == 2 && Delim == '='))
      return false;
    if (!valueMayStart(Delim))
      return false;
    bool Interp = StringRef("QWIxr").contains(Type);
    Escapes Esc = Type == 'r' ? Escapes::Regex
                  : Interp    ? Escapes::Double
                              : Escapes::Single;
    LiteralKind Kind = Type == 'x'                        ? LiteralKind::Command
                       : Type == 'r'                      ? LiteralKind::Regex
                       : Type == 's'                      ? LiteralKind::Symbol
                       : StringRef("wWiI").contains(Type) ? LiteralKind::Words
                                                          : LiteralKind::String;
    return startLiteral(OpenerLen, Delim, closerFor(Delim), Esc, Interp, Kind);
  }

  bool heredoc() {
    if (peek(1) != '<')
      return false;
    size_t I = Pos + 2;
    bool Squiggly = peek(2) == '~';
    bool Dash = peek(2) == '-';
    I += Squiggly || Dash;
    char Q = I < Text.size() ? Text[I] : '\0';
    Heredoc H;
    H.Indented = Squiggly || Dash;
    H.Squiggly = Squiggly;
    LiteralKind Kind = LiteralKind::String;
    size_t End;
    if (Q == '\'' || Q == '"' || Q == '`') {
      // A heredoc identifier is short: a bounded look-ahead keeps a line of
      // `<<"` openers linear.
      char Stops[] = {Q, '\n', '\0'};
      size_t Close = Text.substr(I + 1, 256).find_first_of(Stops);
      if (Close == StringRef::npos || Text[I + 1 + Close] != Q)
        return false;
      Close += I + 1;
      H.Id = Text.slice(I + 1, Close).str();
      End = Close + 1;
      H.Esc = Q == '\'' ? Escapes::None : Escapes::Double;
      Kind = Q == '`' ? LiteralKind::Command : LiteralKind::String;
    } else {
      if (!isIdentStart(Q) ||
          (!H.Indented && !isCapitalized(StringRef(&Q, 1)) && Q != '_'))
        return false;
      End = I;
      while (End < Text.size() && isIdentChar(Text[End]))
        ++End;
      H.Id = Text.slice(I, End).str();
    }
    const Token *Prev = lastToken();
    if (afterValue() && !(Prev->Kind == TokenKind::Name && Space))
      return false;
    H.Literal = S.Strings.size();
    S.Strings.emplace_back();
    script::StringLiteral &L = S.Strings.back();
    L.Kind = Kind;
    L.Range = {static_cast<uint32_t>(Pos), static_cast<uint32_t>(End)};
    L.Content = {static_cast<uint32_t>(End), static_cast<uint32_t>(End)};
    unsigned T = addToken(TokenKind::String, Pos, End);
    S.Tokens[T].Literal = H.Literal;
    Pending.push_back(std::move(H));
    Pos = End;
    if (tooDeep())
      limit("heredocs");
    return true;
  }

  bool characterLiteral() {
    char N = peek(1);
    if (afterValue() || N == '\0' || isBlank(N) || N == '\n')
      return false;
    size_t Len = N == '\\' ? 3 : 2;
    if (isIdentChar(peek(Len)))
      return false;
    addToken(TokenKind::Number, Pos, std::min(Pos + Len, Text.size()));
    Pos = std::min(Pos + Len, Text.size());
    return true;
  }

  bool global() {
    size_t Begin = Pos++;
    if (isIdentChar(peek())) {
      while (Pos < Text.size() && isIdentChar(Text[Pos]))
        ++Pos;
    } else if (Pos < Text.size() && !isBlank(peek()) && peek() != '\n') {
      ++Pos;
    }
    addToken(TokenKind::Name, Begin, Pos);
    return true;
  }

  bool instanceVariable() {
    size_t Begin = Pos++;
    if (peek() == '@')
      ++Pos;
    while (Pos < Text.size() && isIdentChar(Text[Pos]))
      ++Pos;
    addToken(TokenKind::Name, Begin, Pos);
    return true;
  }

  // --- literals ---------------------------------------------------------

  bool startLiteral(size_t OpenerLen, char OpenC, char CloseC, Escapes Esc,
                    bool Interp, LiteralKind Kind) {
    size_t Begin = Pos;
    unsigned Lit = S.Strings.size();
    S.Strings.emplace_back();
    script::StringLiteral &L = S.Strings.back();
    L.Kind = Kind;
    uint32_t ContentBegin = static_cast<uint32_t>(Begin + OpenerLen);
    L.Range = {static_cast<uint32_t>(Begin), ContentBegin};
    L.Content = {ContentBegin, ContentBegin};
    unsigned T = addToken(TokenKind::String, Begin, Begin + OpenerLen);
    S.Tokens[T].Literal = Lit;
    Frame F;
    F.Literal = Lit;
    F.TokenIndex = T;
    F.Open = OpenC;
    F.Close = CloseC;
    F.Interpolates = Interp;
    F.Esc = Esc;
    Frames.push_back(F);
    Pos = Begin + OpenerLen;
    if (tooDeep())
      limit("literals");
    return true;
  }

  /// Appends the escape at Pos (a backslash) to L per the frame's rules;
  /// false when the backslash is an ordinary byte.
  bool escape(const Frame &F, script::StringLiteral &L) {
    char N = peek(1);
    if (Pos + 1 >= Text.size() || F.Esc == Escapes::None)
      return false;
    uint32_t At = static_cast<uint32_t>(Pos);
    if (F.Esc == Escapes::Regex) {
      L.Value.appendVerbatim(Text.substr(Pos, 2), At);
    } else if (F.Esc == Escapes::Single) {
      if (N != '\\' && N != F.Close && N != F.Open)
        return false;
      L.Value.appendEscaped(N, At, 2);
    } else if (N != '\n') {
      L.Value.appendEscaped(decodeEscape(N), At, 2);
    }
    Pos += 2;
    return true;
  }

  void lexStringBody() {
    Frame &F = Frames.back();
    script::StringLiteral &L = S.Strings[F.Literal];
    char C = Text[Pos];
    if (C == '\\' && escape(F, L))
      return;
    if (F.Interpolates && C == '#' && peek(1) == '{') {
      L.Interpolated = true;
      Frame Code;
      Code.Code = true;
      Code.Literal = F.Literal;
      Code.InterpBegin = static_cast<uint32_t>(Pos);
      Frames.push_back(Code);
      Pos += 2;
      Last = NoPartner;
      if (tooDeep())
        limit("interpolations");
      return;
    }
    if (C == F.Close && F.Nest == 0)
      return closeLiteral();
    if (F.Open != F.Close && C == F.Open)
      ++F.Nest;
    else if (F.Open != F.Close && C == F.Close)
      --F.Nest;
    size_t End = Pos + 1;
    while (End < Text.size() && Text[End] != '\\' && Text[End] != F.Close &&
           Text[End] != F.Open && Text[End] != '#')
      ++End;
    L.Value.appendVerbatim(Text.slice(Pos, End), static_cast<uint32_t>(Pos));
    Pos = End;
  }

  void closeLiteral() {
    Frame F = Frames.back();
    Frames.pop_back();
    script::StringLiteral &L = S.Strings[F.Literal];
    L.Content.End = static_cast<uint32_t>(Pos);
    ++Pos;
    if (L.Kind == LiteralKind::Regex)
      while (Pos < Text.size() && isAlpha(Text[Pos]))
        ++Pos;
    L.Range.End = static_cast<uint32_t>(Pos);
    Token &T = S.Tokens[F.TokenIndex];
    T.Range.End = L.Range.End;
    T.Text = Text.slice(T.Range.Begin, T.Range.End);
    Last = F.TokenIndex;
    Space = false;
  }

  void endInterpolation() {
    Frame F = Frames.back();
    Frames.pop_back();
    ++Pos;
    S.Strings[F.Literal].Value.appendVerbatim(Text.slice(F.InterpBegin, Pos),
                                              F.InterpBegin);
    Last = Frames.empty() ? NoPartner : Frames.back().TokenIndex;
  }

  // --- heredocs ---------------------------------------------------------

  void readHeredocBodies() {
    std::vector<Heredoc> Bodies;
    Bodies.swap(Pending);
    for (const Heredoc &H : Bodies)
      readHeredocBody(H);
  }

  void readHeredocBody(const Heredoc &H) {
    size_t BodyBegin = Pos;
    size_t BodyEnd = Text.size();
    size_t After = Text.size();
    for (size_t LineB = Pos; LineB < Text.size();) {
      size_t LineE = Text.find('\n', LineB);
      if (LineE == StringRef::npos)
        LineE = Text.size();
      StringRef Line = Text.slice(LineB, LineE).rtrim('\r');
      if ((H.Indented ? Line.ltrim(" \t") : Line) == H.Id) {
        BodyEnd = LineB;
        After = LineE;
        break;
      }
      LineB = LineE + 1;
    }
    script::StringLiteral &L = S.Strings[H.Literal];
    if (BodyEnd == Text.size())
      S.Errors.push_back(
          {"unterminated heredoc (no line '" + H.Id + "')", L.Range});
    L.Content = {static_cast<uint32_t>(BodyBegin),
                 static_cast<uint32_t>(BodyEnd)};
    decodeHeredoc(H, L, BodyBegin, BodyEnd);
    Pos = After < Text.size() ? After + 1 : Text.size();
  }

  static size_t indentOf(StringRef Line) {
    return Line.size() - Line.ltrim(" \t").size();
  }

  void decodeHeredoc(const Heredoc &H, script::StringLiteral &L, size_t Begin,
                     size_t End) {
    StringRef Body = Text.slice(Begin, End);
    size_t Strip = 0;
    if (H.Squiggly) {
      Strip = StringRef::npos;
      for (StringRef Rest = Body; !Rest.empty();) {
        auto Split = Rest.split('\n');
        if (!Split.first.trim().empty())
          Strip = std::min(Strip, indentOf(Split.first));
        Rest = Split.second;
      }
      if (Strip == StringRef::npos)
        Strip = 0;
    }
    for (size_t LineB = Begin; LineB < End;) {
      size_t LineE = Text.find('\n', LineB);
      LineE = LineE == StringRef::npos || LineE >= End ? End : LineE + 1;
      size_t From = LineB + std::min(Strip, indentOf(Text.slice(LineB, LineE)));
      decodeRange(H.Esc, L, From, LineE);
      LineB = LineE;
    }
    L.Interpolated =
        H.Esc != Escapes::None && StringRef(L.Value.text()).contains("#{");
  }

  void decodeRange(Escapes Esc, script::StringLiteral &L, size_t Begin,
                   size_t End) {
    for (size_t I = Begin; I < End;) {
      if (Text[I] == '\\' && Esc == Escapes::Double && I + 1 < End) {
        if (Text[I + 1] != '\n')
          L.Value.appendEscaped(decodeEscape(Text[I + 1]),
                                static_cast<uint32_t>(I), 2);
        I += 2;
        continue;
      }
      size_t J = I + 1;
      while (J < End && Text[J] != '\\')
        ++J;
      L.Value.appendVerbatim(Text.slice(I, J), static_cast<uint32_t>(I));
      I = J;
    }
  }

  // --- end of input -----------------------------------------------------

  void finish() {
    for (const Frame &F : Frames) {
      if (F.Code)
        continue;
      script::StringLiteral &L = S.Strings[F.Literal];
      L.Content.End = L.Range.End = static_cast<uint32_t>(Text.size());
      Token &T = S.Tokens[F.TokenIndex];
      T.Range.End = L.Range.End;
      T.Text = Text.slice(T.Range.Begin, T.Range.End);
      if (!Done)
        S.Errors.push_back(
            {"unterminated literal", {T.Range.Begin, T.Range.Begin + 1}});
    }
    for (const Heredoc &H : Pending)
      if (!Done)
        S.Errors.push_back({"unterminated heredoc (no line '" + H.Id + "')",
                            S.Strings[H.Literal].Range});
    if (!Open.empty() && !Done)
      S.Errors.push_back(
          {"unclosed '" + S.Tokens[Open.front()].Text.str() + "'",
           S.Tokens[Open.front()].Range});
  }
};

} // namespace

Script parse(StringRef Text, const ParseOptions &Opts) {
  return Lexer(Text, Opts).run();
}

} // namespace ruby
} // namespace adminlint
