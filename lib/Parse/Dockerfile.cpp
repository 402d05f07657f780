//===- Dockerfile.cpp - Dockerfile parser with exact ranges ---------------===//
#include "lib/Parse/Dockerfile.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace adminlint {
namespace dockerfile {

/// Stage chains longer than this are cut (FROM a, FROM b AS a loops).
static constexpr unsigned MaxStageChain = 64;
/// A WORKDIR or USER longer than this (PATH_MAX) is cut, so stages that
/// inherit it stay cheap.
static constexpr size_t MaxStateLength = 4096;

const Flag *Instruction::flag(StringRef Name) const {
  for (const Flag &F : Flags)
    if (F.Name == Name)
      return &F;
  return nullptr;
}

std::string Stage::label() const {
  return Name.empty() ? std::to_string(Index) : Name;
}

const Stage *Dockerfile::findStage(StringRef Name) const {
  auto It = StageIndex.find(Name.lower());
  return It == StageIndex.end() ? nullptr : &Stages[It->second];
}

const Stage *Dockerfile::baseStage(const Stage &S) const {
  const Stage *Base = findStage(S.Image);
  if (Base && Base->Index < S.Index)
    return Base;
  return nullptr;
}

const Stage &Dockerfile::rootStage(const Stage &S) const {
  const Stage *Cur = &S;
  for (unsigned I = 0; I < MaxStageChain; ++I) {
    const Stage *Base = baseStage(*Cur);
    if (!Base)
      break;
    Cur = Base;
  }
  return *Cur;
}

/// Replaces $NAME and ${NAME} by the defaults of the global ARGs; empty when a
/// reference has no default.
static std::string substituteArgs(StringRef Image,
                                  const StringMap<std::string> &Defaults) {
  std::string Out;
  for (size_t I = 0; I < Image.size();) {
    if (Image[I] != '$') {
      Out.push_back(Image[I++]);
      continue;
    }
    bool Braced = I + 1 < Image.size() && Image[I + 1] == '{';
    size_t NameBegin = I + (Braced ? 2 : 1);
    size_t NameEnd = NameBegin;
    while (NameEnd < Image.size() &&
           (isAlnum(Image[NameEnd]) || Image[NameEnd] == '_'))
      ++NameEnd;
    if (Braced && (NameEnd >= Image.size() || Image[NameEnd] != '}'))
      return "";
    auto Found = Defaults.find(Image.slice(NameBegin, NameEnd));
    if (NameEnd == NameBegin || Found == Defaults.end())
      return "";
    Out += Found->second;
    I = NameEnd + (Braced ? 1 : 0);
  }
  return Out;
}

std::string Dockerfile::resolvedBase(const Stage &S) const {
  return substituteArgs(rootStage(S).Image, ArgDefaults);
}

namespace {

/// One physical line: [Begin, End) without its terminator, Next = the start of
/// the following line.
struct Line {
  uint32_t Begin;
  uint32_t End;
  uint32_t Next;
  bool Crlf;
};

/// Turns the text of a Dockerfile into instructions and stages.
class Parser {
public:
  Parser(StringRef Text, uint32_t Start) : Text(Text) { splitLines(Start); }
  Dockerfile run();

private:
  void splitLines(uint32_t Start);
  StringRef lineText(const Line &L) const { return Text.slice(L.Begin, L.End); }
  size_t parseDirectives();
  size_t parseInstruction(size_t LineIdx);
  size_t joinContinuations(size_t LineIdx, uint32_t From, EmbeddedText &Args);
  void parseFlags(Instruction &I);
  void findHeredocs(Instruction &I);
  size_t readHeredocBodies(Instruction &I, size_t LineIdx);
  void addStage(Instruction &I);
  void error(std::string Message, SourceRange R) {
    D.Errors.push_back({std::move(Message), R});
  }

  StringRef Text;
  std::vector<Line> Lines;
  Dockerfile D;
};

} // namespace

void Parser::splitLines(uint32_t Start) {
  uint32_t Pos = std::min<uint32_t>(Start, Text.size());
  while (Pos < Text.size()) {
    size_t NL = Text.find('\n', Pos);
    uint32_t End = NL == StringRef::npos ? Text.size() : NL;
    uint32_t Next = NL == StringRef::npos ? Text.size() : NL + 1;
    bool Crlf = End > Pos && Text[End - 1] == '\r';
    Lines.push_back({Pos, Crlf ? End - 1 : End, Next, Crlf});
    Pos = Next;
  }
}

static bool isBlank(StringRef S) { return S.trim(" \t\r\f\v").empty(); }

static bool isComment(StringRef S) {
  return S.ltrim(" \t\f\v").startswith("#");
}

/// Parses `# name=value`; false when the line is not of that shape.
static bool splitDirective(StringRef Line, StringRef &Name, StringRef &Value) {
  StringRef S = Line.ltrim(" \t");
  if (!S.consume_front("#"))
    return false;
  S = S.ltrim(" \t");
  size_t Eq = S.find('=');
  if (Eq == StringRef::npos)
    return false;
  Name = S.take_front(Eq).trim(" \t");
  Value = S.drop_front(Eq + 1).trim(" \t");
  return !Name.empty() && all_of(Name, isAlnum) && isAlpha(Name.front());
}

size_t Parser::parseDirectives() {
  size_t I = 0;
  for (; I < Lines.size(); ++I) {
    StringRef Name, Value;
    if (!splitDirective(lineText(Lines[I]), Name, Value))
      break;
    std::string Lower = Name.lower();
    if (Lower != "escape" && Lower != "syntax" && Lower != "check")
      break;
    if (Lower == "escape" && (Value == "`" || Value == "\\"))
      D.Escape = Value.front();
    D.Comments.push_back({Lines[I].Begin, Lines[I].End});
  }
  return I;
}

Dockerfile Parser::run() {
  size_t I = parseDirectives();
  while (I < Lines.size()) {
    StringRef L = lineText(Lines[I]);
    if (isBlank(L)) {
      ++I;
      continue;
    }
    if (isComment(L)) {
      D.Comments.push_back({Lines[I].Begin, Lines[I].End});
      ++I;
      continue;
    }
    I = parseInstruction(I);
  }
  return std::move(D);
}

/// True when the trimmed line ends with the escape character; EscPos is its
/// offset.
static bool endsWithEscape(StringRef Text, const Line &L, char Escape,
                           uint32_t From, uint32_t &EscPos) {
  StringRef S = Text.slice(From, L.End).rtrim(" \t");
  if (S.empty() || S.back() != Escape)
    return false;
  EscPos = From + S.size() - 1;
  return true;
}

size_t Parser::joinContinuations(size_t LineIdx, uint32_t From,
                                 EmbeddedText &Args) {
  for (;;) {
    const Line &L = Lines[LineIdx];
    uint32_t EscPos;
    if (!endsWithEscape(Text, L, D.Escape, From, EscPos)) {
      Args.appendVerbatim(Text.slice(From, L.End), From);
      return LineIdx + 1;
    }
    Args.appendVerbatim(Text.slice(From, EscPos), From);
    size_t Next = LineIdx + 1;
    while (Next < Lines.size()) {
      StringRef NL = lineText(Lines[Next]);
      if (isComment(NL))
        D.Comments.push_back({Lines[Next].Begin, Lines[Next].End});
      else if (!isBlank(NL))
        break;
      ++Next;
    }
    if (Next >= Lines.size()) {
      error("line continuation at end of file", {EscPos, EscPos + 1});
      return Next;
    }
    LineIdx = Next;
    From = Lines[LineIdx].Begin;
  }
}

static bool isSpace(char C) {
  return C == ' ' || C == '\t' || C == '\f' || C == '\v';
}

/// Args without leading and trailing whitespace.
static EmbeddedText trimmed(const EmbeddedText &Args) {
  StringRef S = Args.text();
  size_t B = 0, E = S.size();
  while (B < E && isSpace(S[B]))
    ++B;
  while (E > B && isSpace(S[E - 1]))
    --E;
  return Args.slice(B, E);
}

void Parser::parseFlags(Instruction &I) {
  for (;;) {
    StringRef S = I.Args.text();
    if (!S.startswith("--") || S.size() == 2 || isSpace(S[2]))
      return;
    size_t End = 0;
    while (End < S.size() && !isSpace(S[End]))
      ++End;
    StringRef Word = S.take_front(End).drop_front(2);
    auto NameValue = Word.split('=');
    I.Flags.push_back({NameValue.first.lower(), NameValue.second.str(),
                       I.Args.toHost(0, End)});
    I.Args = trimmed(I.Args.slice(End, S.size()));
  }
}

static bool isIdentStart(char C) { return isAlpha(C) || C == '_'; }
static bool isIdentChar(char C) { return isAlnum(C) || C == '_'; }

/// Reads a heredoc marker at Pos (just after `<<`); false if it is none.
static bool readMarker(StringRef S, size_t &Pos, Heredoc &H) {
  size_t P = Pos;
  if (P < S.size() && S[P] == '-') {
    H.StripTabs = true;
    ++P;
  }
  char Quote = 0;
  if (P < S.size() && (S[P] == '"' || S[P] == '\'')) {
    Quote = S[P];
    ++P;
  }
  size_t NameBegin = P;
  if (P >= S.size() || !isIdentStart(S[P]))
    return false;
  while (P < S.size() && isIdentChar(S[P]))
    ++P;
  H.Delimiter = S.slice(NameBegin, P).str();
  if (Quote) {
    if (P >= S.size() || S[P] != Quote)
      return false;
    ++P;
    H.Quoted = true;
  }
  if (P < S.size() && !isSpace(S[P]) && !StringRef(";|&><)").contains(S[P]))
    return false;
  Pos = P;
  return true;
}

void Parser::findHeredocs(Instruction &I) {
  if (!I.is("RUN") && !I.is("COPY") && !I.is("ADD"))
    return;
  StringRef S = I.Args.text();
  char Quote = 0;
  for (size_t P = 0; P < S.size(); ++P) {
    char C = S[P];
    if (Quote) {
      if (C == Quote)
        Quote = 0;
      else if (C == '\\' && Quote == '"')
        ++P;
      continue;
    }
    if (C == '\'' || C == '"') {
      Quote = C;
      continue;
    }
    if (C == '\\') {
      ++P;
      continue;
    }
    if (C != '<' || !StringRef(S).substr(P).startswith("<<") ||
        (P > 0 && S[P - 1] == '<') || S.substr(P + 2).startswith("<"))
      continue;
    Heredoc H;
    size_t End = P + 2;
    if (!readMarker(S, End, H))
      continue;
    H.MarkerRange = I.Args.toHost(P, End);
    H.ArgsBegin = P;
    H.ArgsEnd = End;
    I.Heredocs.push_back(std::move(H));
    P = End - 1;
  }
}

size_t Parser::readHeredocBodies(Instruction &I, size_t LineIdx) {
  for (Heredoc &H : I.Heredocs) {
    uint32_t BodyBegin = LineIdx < Lines.size()
                             ? Lines[LineIdx].Begin
                             : static_cast<uint32_t>(Text.size());
    H.BodyRange = {BodyBegin, BodyBegin};
    H.Terminated = false;
    for (; LineIdx < Lines.size(); ++LineIdx) {
      const Line &L = Lines[LineIdx];
      uint32_t From = L.Begin;
      if (H.StripTabs)
        while (From < L.End && Text[From] == '\t')
          ++From;
      H.BodyRange.End = L.End;
      if (Text.slice(From, L.End) == H.Delimiter) {
        H.Terminated = true;
        ++LineIdx;
        break;
      }
      H.Body.appendVerbatim(Text.slice(From, L.End), From);
      if (L.Crlf)
        H.Body.appendEscaped('\n', L.End, L.Next - L.End);
      else if (L.Next > L.End)
        H.Body.appendVerbatim("\n", L.End);
    }
    if (!H.Terminated)
      error("unterminated heredoc '" + H.Delimiter + "'", H.MarkerRange);
    I.Range.End = std::max(I.Range.End, H.BodyRange.End);
  }
  return LineIdx;
}

/// Splits the text of a FROM into whitespace-separated words and their
/// decoded offsets.
static SmallVector<std::pair<size_t, size_t>, 4> words(StringRef S) {
  SmallVector<std::pair<size_t, size_t>, 4> Out;
  size_t P = 0;
  while (P < S.size()) {
    while (P < S.size() && isSpace(S[P]))
      ++P;
    size_t B = P;
    while (P < S.size() && !isSpace(S[P]))
      ++P;
    if (P > B)
      Out.push_back({B, P});
  }
  return Out;
}

void Parser::addStage(Instruction &I) {
  Stage S;
  S.Index = D.Stages.size();
  S.From = D.Instructions.size();
  StringRef Args = I.Args.text();
  auto W = words(Args);
  if (!W.empty()) {
    S.Image = Args.slice(W[0].first, W[0].second).str();
    S.ImageRange = I.Args.toHost(W[0].first, W[0].second);
  }
  if (W.size() >= 3 &&
      Args.slice(W[1].first, W[1].second).equals_insensitive("as")) {
    S.Name = Args.slice(W[2].first, W[2].second).lower();
    S.NameRange = I.Args.toHost(W[2].first, W[2].second);
    D.StageIndex.try_emplace(S.Name, S.Index);
  }
  if (const Flag *P = I.flag("platform"))
    S.Platform = P->Value;
  auto Base = D.StageIndex.find(StringRef(S.Image).lower());
  if (Base != D.StageIndex.end() && Base->second < S.Index) {
    S.Workdir = D.Stages[Base->second].Workdir;
    S.User = D.Stages[Base->second].User;
  }
  D.Stages.push_back(std::move(S));
}

/// Records the WORKDIR or USER of I in the current stage.
static void trackStageState(const Instruction &I, Stage &S) {
  StringRef Value =
      StringRef(I.Args.text()).trim("\"'").take_front(MaxStateLength);
  if (I.is("USER")) {
    S.User = Value.str();
    return;
  }
  if (!I.is("WORKDIR") || Value.empty())
    return;
  if (Value.startswith("/") || S.Workdir.empty()) {
    S.Workdir = Value.str();
    return;
  }
  if (!StringRef(S.Workdir).endswith("/"))
    S.Workdir += '/';
  S.Workdir += Value.str();
  S.Workdir.resize(std::min(S.Workdir.size(), MaxStateLength));
}

size_t Parser::parseInstruction(size_t LineIdx) {
  const Line &First = Lines[LineIdx];
  uint32_t KBegin = First.Begin;
  while (KBegin < First.End && isSpace(Text[KBegin]))
    ++KBegin;
  uint32_t KEnd = KBegin;
  while (KEnd < First.End && !isSpace(Text[KEnd]) && Text[KEnd] != D.Escape)
    ++KEnd;
  StringRef Keyword = Text.slice(KBegin, KEnd);
  Instruction I;
  size_t Next = joinContinuations(LineIdx, KEnd, I.Args);
  if (Keyword.empty() || !all_of(Keyword, isAlpha)) {
    error("expected a Dockerfile instruction",
          {KBegin, std::max(KEnd, KBegin + 1)});
    return Next;
  }
  I.Keyword = Keyword.upper();
  I.KeywordRange = {KBegin, KEnd};
  I.Args = trimmed(I.Args);
  I.Range = {KBegin, I.Args.empty() ? KEnd : I.Args.toHost(I.Args.size())};
  if (I.is("FROM") || I.is("RUN") || I.is("COPY") || I.is("ADD"))
    parseFlags(I);
  I.ExecForm =
      StringRef(I.Args.text()).startswith("[") && parseExecForm(I.Args, I.Exec);
  if (!I.ExecForm) {
    findHeredocs(I);
    Next = readHeredocBodies(I, Next);
  }
  if (I.is("FROM"))
    addStage(I);
  if (I.is("ARG") && D.Stages.empty()) {
    auto KVs = keyValues(I, D.Escape);
    for (const KeyValue &KV : KVs)
      if (KV.HasValue)
        D.ArgDefaults[KV.Key] = KV.Value;
    D.GlobalArgs.insert(D.GlobalArgs.end(), KVs.begin(), KVs.end());
  }
  I.Stage = static_cast<int>(D.Stages.size()) - 1;
  if (!D.Stages.empty()) {
    trackStageState(I, D.Stages.back());
    D.Stages.back().Instructions.push_back(D.Instructions.size());
  }
  D.Instructions.push_back(std::move(I));
  return Next;
}

//===----------------------------------------------------------------------===//
// Exec form
//===----------------------------------------------------------------------===//

namespace {

/// Decodes a JSON array of strings, mapping each decoded byte to the host.
class ExecFormReader {
public:
  explicit ExecFormReader(const EmbeddedText &T) : T(T), S(T.text()) {}
  bool read(std::vector<ExecArg> &Out);

private:
  void skipSpace() {
    while (P < S.size() && StringRef(" \t\r\n").contains(S[P]))
      ++P;
  }
  bool readString(ExecArg &A);
  bool readEscape(EmbeddedText &Out);
  bool readHex4(unsigned &Value);
  void appendCodePoint(unsigned CP, size_t Begin, EmbeddedText &Out);

  const EmbeddedText &T;
  StringRef S;
  size_t P = 0;
};

} // namespace

bool ExecFormReader::read(std::vector<ExecArg> &Out) {
  skipSpace();
  if (P >= S.size() || S[P] != '[')
    return false;
  ++P;
  skipSpace();
  if (P < S.size() && S[P] == ']') {
    ++P;
    skipSpace();
    return P == S.size();
  }
  for (;;) {
    skipSpace();
    ExecArg A;
    if (!readString(A))
      return false;
    Out.push_back(std::move(A));
    skipSpace();
    if (P >= S.size())
      return false;
    if (S[P] == ']')
      break;
    if (S[P] != ',')
      return false;
    ++P;
  }
  ++P;
  skipSpace();
  return P == S.size();
}

bool ExecFormReader::readString(ExecArg &A) {
  if (P >= S.size() || S[P] != '"')
    return false;
  size_t Begin = P++;
  while (P < S.size() && S[P] != '"') {
    unsigned char C = S[P];
    if (C < 0x20)
      return false;
    if (C == '\\') {
      if (!readEscape(A.Text))
        return false;
      continue;
    }
    A.Text.appendVerbatim(S.substr(P, 1), T.toHost(P));
    ++P;
  }
  if (P >= S.size())
    return false;
  ++P;
  A.Range = T.toHost(Begin, P);
  return true;
}

bool ExecFormReader::readHex4(unsigned &Value) {
  if (P + 4 > S.size())
    return false;
  Value = 0;
  for (size_t I = 0; I < 4; ++I) {
    unsigned Digit = hexDigitValue(S[P + I]);
    if (Digit == ~0U)
      return false;
    Value = Value * 16 + Digit;
  }
  P += 4;
  return true;
}

void ExecFormReader::appendCodePoint(unsigned CP, size_t Begin,
                                     EmbeddedText &Out) {
  SourceRange R = T.toHost(Begin, P);
  char Buf[4];
  size_t N;
  if (CP < 0x80) {
    Buf[0] = CP;
    N = 1;
  } else if (CP < 0x800) {
    Buf[0] = 0xC0 | (CP >> 6);
    Buf[1] = 0x80 | (CP & 0x3F);
    N = 2;
  } else if (CP < 0x10000) {
    Buf[0] = 0xE0 | (CP >> 12);
    Buf[1] = 0x80 | ((CP >> 6) & 0x3F);
    Buf[2] = 0x80 | (CP & 0x3F);
    N = 3;
  } else {
    Buf[0] = 0xF0 | (CP >> 18);
    Buf[1] = 0x80 | ((CP >> 12) & 0x3F);
    Buf[2] = 0x80 | ((CP >> 6) & 0x3F);
    Buf[3] = 0x80 | (CP & 0x3F);
    N = 4;
  }
  for (size_t I = 0; I < N; ++I)
    Out.appendEscaped(Buf[I], R.Begin, R.End - R.Begin);
}

bool ExecFormReader::readEscape(EmbeddedText &Out) {
  size_t Begin = P++;
  if (P >= S.size())
    return false;
  char C = S[P++];
  char Simple = StringSwitch<char>(StringRef(&C, 1))
                    .Case("\"", '"')
                    .Case("\\", '\\')
                    .Case("/", '/')
                    .Case("b", '\b')
                    .Case("f", '\f')
                    .Case("n", '\n')
                    .Case("r", '\r')
                    .Case("t", '\t')
                    .Default(0);
  if (Simple) {
    appendCodePoint(static_cast<unsigned char>(Simple), Begin, Out);
    return true;
  }
  unsigned CP;
  if (C != 'u' || !readHex4(CP))
    return false;
  if (CP >= 0xD800 && CP < 0xDC00 && S.substr(P).startswith("\\u")) {
    size_t Save = P;
    P += 2;
    unsigned Low;
    if (readHex4(Low) && Low >= 0xDC00 && Low < 0xE000)
      CP = 0x10000 + ((CP - 0xD800) << 10) + (Low - 0xDC00);
    else
      P = Save;
  }
  if (CP >= 0xD800 && CP < 0xE000)
    CP = 0xFFFD;
  appendCodePoint(CP, Begin, Out);
  return true;
}

bool parseExecForm(const EmbeddedText &Text, std::vector<ExecArg> &Out) {
  std::vector<ExecArg> Args;
  if (!ExecFormReader(Text).read(Args))
    return false;
  Out = std::move(Args);
  return true;
}

//===----------------------------------------------------------------------===//
// ENV, ARG and LABEL pairs
//===----------------------------------------------------------------------===//

namespace {

/// One word of an ENV/ARG/LABEL line: decoded value, where the first
/// unquoted `=` is in it, and its decoded extent in the instruction's Args.
struct KVWord {
  std::string Value;
  size_t EqInValue = std::string::npos;
  size_t EqRaw = 0;
  size_t Begin = 0;
  size_t End = 0;
};

} // namespace

static SmallVector<KVWord, 4> kvWords(StringRef S, char Escape) {
  SmallVector<KVWord, 4> Out;
  size_t P = 0;
  while (P < S.size()) {
    while (P < S.size() && isSpace(S[P]))
      ++P;
    if (P >= S.size())
      break;
    KVWord W;
    W.Begin = P;
    char Quote = 0;
    for (; P < S.size() && (Quote || !isSpace(S[P])); ++P) {
      char C = S[P];
      if (C == Escape && Quote != '\'' && P + 1 < S.size()) {
        W.Value.push_back(S[++P]);
        continue;
      }
      if (Quote ? C == Quote : (C == '"' || C == '\'')) {
        Quote = Quote ? 0 : C;
        continue;
      }
      if (C == '=' && !Quote && W.EqInValue == std::string::npos) {
        W.EqInValue = W.Value.size();
        W.EqRaw = P;
      }
      W.Value.push_back(C);
    }
    W.End = P;
    Out.push_back(std::move(W));
  }
  return Out;
}

std::vector<KeyValue> keyValues(const Instruction &I, char Escape) {
  std::vector<KeyValue> Out;
  StringRef S = I.Args.text();
  auto Words = kvWords(S, Escape);
  if (Words.empty())
    return Out;
  bool Legacy = !I.is("ARG") && Words[0].EqInValue == std::string::npos;
  if (Legacy) {
    KeyValue KV;
    KV.Key = Words[0].Value;
    KV.KeyRange = I.Args.toHost(Words[0].Begin, Words[0].End);
    KV.HasValue = Words.size() > 1;
    if (KV.HasValue)
      KV.Value = S.slice(Words[1].Begin, S.size()).str();
    KV.Range = I.Args.toHost(Words[0].Begin, S.size());
    Out.push_back(std::move(KV));
    return Out;
  }
  for (const KVWord &W : Words) {
    KeyValue KV;
    KV.Range = I.Args.toHost(W.Begin, W.End);
    if (W.EqInValue == std::string::npos) {
      KV.Key = W.Value;
      KV.KeyRange = KV.Range;
    } else {
      KV.Key = W.Value.substr(0, W.EqInValue);
      KV.Value = W.Value.substr(W.EqInValue + 1);
      KV.HasValue = true;
      KV.KeyRange = I.Args.toHost(W.Begin, W.EqRaw);
    }
    Out.push_back(std::move(KV));
  }
  return Out;
}

Dockerfile parse(StringRef Text, uint32_t Start) {
  return Parser(Text, Start).run();
}

} // namespace dockerfile
} // namespace adminlint
