//===- Makefile.cpp - Makefile rule and recipe parser ---------------------===//
#include "lib/Parse/Makefile.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace adminlint {
namespace makefile {

/// Decoded names of make references are cut to this many bytes.
static constexpr size_t MaxRefName = 64;

namespace {

/// One physical line: [Begin, End) without its terminator.
struct Line {
  uint32_t Begin;
  uint32_t End;
  bool Crlf;
};

/// A physical part [Begin, End) of a recipe line; Newline is the line whose
/// terminator follows it when the recipe line continues.
struct Piece {
  uint32_t Begin;
  uint32_t End;
  const Line *Newline;
};

/// Reads rules and recipes line by line.
class Parser {
public:
  Parser(StringRef Text, uint32_t Start) : Text(Text) { splitLines(Start); }
  Makefile run();

private:
  void splitLines(uint32_t Start);
  size_t recipeLine(size_t I, uint32_t From);
  size_t makeLine(size_t I);
  void statement(const EmbeddedText &Logical, size_t FirstLine);
  void rule(const EmbeddedText &Logical, size_t Colon, size_t FirstLine);
  void decode(uint32_t B, uint32_t E, EmbeddedText &Out) const;
  void emit(ArrayRef<Piece> Pieces, EmbeddedText &Out) const;

  StringRef Text;
  std::vector<Line> Lines;
  Makefile M;
  char Prefix = '\t';
  bool InRule = false;
  unsigned DefineDepth = 0;
  SourceRange DefineRange;
};

} // namespace

void Parser::splitLines(uint32_t Start) {
  uint32_t Pos = std::min<uint32_t>(Start, Text.size());
  while (Pos < Text.size()) {
    size_t NL = Text.find('\n', Pos);
    uint32_t End = NL == StringRef::npos ? Text.size() : NL;
    bool Crlf = End > Pos && Text[End - 1] == '\r';
    Lines.push_back({Pos, Crlf ? End - 1 : End, Crlf});
    Pos = NL == StringRef::npos ? Text.size() : NL + 1;
  }
}

/// True when [B, E) ends with an odd number of backslashes.
static bool continues(StringRef Text, uint32_t B, uint32_t E) {
  unsigned N = 0;
  while (E > B && Text[E - 1] == '\\') {
    ++N;
    --E;
  }
  return N % 2 == 1;
}

static bool isSpace(char C) { return C == ' ' || C == '\t'; }

/// The decoded name of a reference body: an identifier the shell accepts.
static std::string refName(StringRef Body) {
  std::string Name;
  for (char C : Body.take_front(MaxRefName))
    Name.push_back(isAlnum(C) || C == '_' ? C : '_');
  if (Name.empty())
    return "_";
  if (isDigit(Name.front()) && !all_of(Name, isDigit))
    Name.insert(Name.begin(), '_');
  return Name;
}

/// The offset just after the reference opened at P ($( or ${), or E.
static uint32_t refEnd(StringRef Text, uint32_t P, uint32_t E) {
  char Open = Text[P + 1];
  char Close = Open == '(' ? ')' : '}';
  unsigned Depth = 0;
  for (uint32_t I = P + 1; I < E; ++I) {
    if (Text[I] == Open)
      ++Depth;
    else if (Text[I] == Close && --Depth == 0)
      return I + 1;
  }
  return E;
}

static void appendRef(StringRef Name, uint32_t Host, uint32_t Len,
                      EmbeddedText &Out) {
  std::string Decoded = "${" + Name.str() + "}";
  for (char C : Decoded)
    Out.appendEscaped(C, Host, Len);
}

void Parser::decode(uint32_t B, uint32_t E, EmbeddedText &Out) const {
  uint32_t Run = B;
  for (uint32_t P = B; P < E;) {
    if (Text[P] != '$' || P + 1 >= E) {
      ++P;
      continue;
    }
    Out.appendVerbatim(Text.slice(Run, P), Run);
    char N = Text[P + 1];
    if (N == '$') {
      Out.appendEscaped('$', P, 2);
      P += 2;
    } else if (N == '(' || N == '{') {
      uint32_t End = refEnd(Text, P, E);
      if (End == E && Text[E - 1] != (N == '(' ? ')' : '}')) {
        Out.appendVerbatim(Text.slice(P, E), P);
        P = E;
      } else {
        appendRef(refName(Text.slice(P + 2, End - 1)), P, End - P, Out);
        P = End;
      }
    } else {
      appendRef(isAlnum(N) || N == '_' ? StringRef(&Text.data()[P + 1], 1)
                                       : StringRef("_"),
                P, 2, Out);
      P += 2;
    }
    Run = P;
  }
  Out.appendVerbatim(Text.slice(Run, E), Run);
}

size_t Parser::recipeLine(size_t I, uint32_t From) {
  RecipeLine RL;
  const Line &First = Lines[I];
  uint32_t P = From;
  for (; P < First.End; ++P) {
    char C = Text[P];
    if (C == '@')
      RL.Silent = true;
    else if (C == '-')
      RL.IgnoreErrors = true;
    else if (C == '+')
      RL.AlwaysRun = true;
    else if (!isSpace(C))
      break;
  }
  uint32_t Begin = P;
  SmallVector<Piece, 2> Pieces;
  for (;;) {
    const Line &L = Lines[I++];
    bool Cont = continues(Text, P, L.End) && I < Lines.size();
    Pieces.push_back({P, L.End, Cont ? &L : nullptr});
    if (!Cont)
      break;
    P = Lines[I].Begin;
    if (P < Lines[I].End && Text[P] == Prefix)
      ++P;
  }
  emit(Pieces, RL.Text);
  if (RL.Text.text().find_first_not_of(" \t") == std::string::npos)
    return I;
  RL.Range = {Begin, Pieces.back().End};
  Rule &R = M.Rules.back();
  R.Range.End = std::max(R.Range.End, RL.Range.End);
  if (!R.Script.empty())
    R.Script.appendEscaped('\n', R.Recipe.back().Range.End, 1);
  emit(Pieces, R.Script);
  R.Recipe.push_back(std::move(RL));
  return I;
}

void Parser::emit(ArrayRef<Piece> Pieces, EmbeddedText &Out) const {
  for (const Piece &P : Pieces) {
    decode(P.Begin, P.End, Out);
    if (!P.Newline)
      continue;
    if (P.Newline->Crlf)
      Out.appendEscaped('\n', P.Newline->End, 2);
    else
      Out.appendVerbatim("\n", P.Newline->End);
  }
}

/// The first whitespace-separated word of S.
static StringRef firstWord(StringRef S) {
  S = S.ltrim(" \t");
  return S.take_until([](char C) { return isSpace(C); });
}

static bool isConditional(StringRef Word) {
  return StringSwitch<bool>(Word)
      .Cases("ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", true)
      .Default(false);
}

static bool startsDefine(StringRef S) {
  StringRef W = firstWord(S);
  if (W == "override" || W == "export" || W == "private")
    W = firstWord(S.ltrim(" \t").drop_front(W.size()));
  return W == "define";
}

/// The offset of the first unescaped `#`, or the size of S.
static size_t commentStart(StringRef S) {
  for (size_t I = 0; I < S.size(); ++I)
    if (S[I] == '#' && (I == 0 || S[I - 1] != '\\'))
      return I;
  return S.size();
}

/// The offset of the first of Chars outside `$(...)`/`${...}`, or npos.
static size_t findOutsideRefs(StringRef S, StringRef Chars) {
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] == '$' && I + 1 < S.size() &&
        (S[I + 1] == '(' || S[I + 1] == '{')) {
      I = refEnd(S, I, S.size()) - 1;
      continue;
    }
    if (Chars.contains(S[I]))
      return I;
  }
  return StringRef::npos;
}

size_t Parser::makeLine(size_t I) {
  size_t First = I;
  EmbeddedText Logical;
  for (;;) {
    const Line &L = Lines[I++];
    bool Cont = continues(Text, L.Begin, L.End) && I < Lines.size();
    uint32_t End = Cont ? L.End - 1 : L.End;
    Logical.appendVerbatim(Text.slice(L.Begin, End), L.Begin);
    if (!Cont)
      break;
    Logical.appendEscaped(' ', End, L.End - End);
  }
  statement(Logical, First);
  return I;
}

void Parser::statement(const EmbeddedText &Logical, size_t FirstLine) {
  StringRef S = Logical.text();
  size_t Hash = commentStart(S);
  if (Hash < S.size())
    M.Comments.push_back(Logical.toHost(Hash, S.size()));
  StringRef Code = S.take_front(Hash);
  if (Code.trim(" \t").empty())
    return;
  if (isConditional(firstWord(Code)))
    return;
  InRule = false;
  if (startsDefine(Code)) {
    DefineDepth = 1;
    DefineRange = Logical.toHost(0, Code.rtrim(" \t").size());
    return;
  }
  size_t Sep = findOutsideRefs(Code, ":=");
  if (Sep == StringRef::npos)
    return;
  bool Assignment = Code[Sep] == '=' || Code.substr(Sep).startswith(":=") ||
                    Code.substr(Sep).startswith("::=") ||
                    Code.substr(Sep).startswith(":::=");
  if (!Assignment) {
    rule(Logical, Sep, FirstLine);
    return;
  }
  StringRef Name = Code.take_front(Sep).rtrim(" \t+?!:").trim(" \t");
  if (Name != ".RECIPEPREFIX")
    return;
  StringRef Value = Code.substr(Code.find('=', Sep) + 1).trim(" \t");
  Prefix = Value.empty() ? '\t' : Value.front();
}

void Parser::rule(const EmbeddedText &Logical, size_t Colon, size_t FirstLine) {
  StringRef S = Logical.text();
  S = S.take_front(commentStart(S));
  Rule R;
  R.DoubleColon = Colon + 1 < S.size() && S[Colon + 1] == ':';
  size_t After = Colon + (R.DoubleColon ? 2 : 1);
  StringRef Rest = S.substr(After);
  size_t Semi = findOutsideRefs(Rest, ";");
  StringRef Prereq = Rest.take_front(Semi);
  if (findOutsideRefs(Prereq, "=") != StringRef::npos)
    return;
  SmallVector<StringRef, 4> Targets;
  S.take_front(Colon).split(Targets, ' ', -1, false);
  for (StringRef T : Targets)
    if (!T.trim(" \t").empty())
      R.Targets.push_back(T.trim(" \t").str());
  StringRef TargetText = S.take_front(Colon).trim(" \t");
  size_t TBegin = TargetText.data() - S.data();
  R.TargetsRange = Logical.toHost(TBegin, TBegin + TargetText.size());
  R.Prerequisites = Prereq.trim(" \t").str();
  R.Range = Logical.toHost(TBegin, S.rtrim(" \t").size());
  M.Rules.push_back(std::move(R));
  InRule = true;
  if (Semi == StringRef::npos)
    return;
  uint32_t InlineBegin = Logical.toHost(After + Semi + 1);
  uint32_t LineEnd = Logical.toHost(S.size());
  size_t L = FirstLine;
  while (L + 1 < Lines.size() && Lines[L].End < InlineBegin)
    ++L;
  if (InlineBegin <= Lines[L].End && Lines[L].End <= LineEnd)
    recipeLine(L, InlineBegin);
}

Makefile Parser::run() {
  for (size_t I = 0; I < Lines.size();) {
    const Line &L = Lines[I];
    StringRef S = Text.slice(L.Begin, L.End);
    if (DefineDepth) {
      StringRef W = firstWord(S);
      if (startsDefine(S))
        ++DefineDepth;
      else if (W == "endef")
        --DefineDepth;
      ++I;
      continue;
    }
    if (InRule && !S.empty() && S.front() == Prefix) {
      I = recipeLine(I, L.Begin + 1);
      continue;
    }
    I = makeLine(I);
  }
  if (DefineDepth)
    M.Errors.push_back({"missing 'endef'", DefineRange});
  return std::move(M);
}

Makefile parse(StringRef Text, uint32_t Start) {
  return Parser(Text, Start).run();
}

} // namespace makefile
} // namespace adminlint
