//===- Yaml.cpp - YAML with exact byte ranges -----------------------------===//
//
// yaml-cpp's event parser gives the start mark of each node and its decoded
// value. The end of each scalar and the map from decoded bytes back to host
// bytes are recomputed here from the text, and checked against yaml-cpp's
// value; when they disagree the scalar keeps yaml-cpp's value mapped to its
// start, so a position is never wrong by more than the scalar. Common block
// YAML is read by the fast path (YamlFast.h), which produces yaml-cpp's very
// events; the Builder cannot tell the two apart.
//
//===----------------------------------------------------------------------===//
#include "lib/Parse/Yaml.h"
#include "lib/Parse/YamlFast.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include <algorithm>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

using namespace llvm;

namespace adminlint {
namespace yaml {

//===----------------------------------------------------------------------===//
// Character helpers
//===----------------------------------------------------------------------===//

static bool isBreak(char C) { return C == '\n' || C == '\r'; }
static bool isBlank(char C) { return C == ' ' || C == '\t'; }
static bool isFlowIndicator(char C) {
  return C == ',' || C == '[' || C == ']' || C == '{' || C == '}';
}

/// The length of the line break at P (2 for CRLF), 0 if none.
static uint32_t breakLength(StringRef T, uint32_t P) {
  if (P >= T.size())
    return 0;
  if (T[P] == '\r')
    return P + 1 < T.size() && T[P + 1] == '\n' ? 2 : 1;
  return T[P] == '\n' ? 1 : 0;
}

static uint32_t skipBlanks(StringRef T, uint32_t P) {
  while (P < T.size() && isBlank(T[P]))
    ++P;
  return P;
}

static uint32_t lineEnd(StringRef T, uint32_t P) {
  while (P < T.size() && !isBreak(T[P]))
    ++P;
  return P;
}

/// Skips blanks, line breaks and comments.
static uint32_t skipSpace(StringRef T, uint32_t P) {
  while (P < T.size()) {
    if (isBlank(T[P]) || isBreak(T[P])) {
      ++P;
      continue;
    }
    if (T[P] != '#')
      break;
    P = lineEnd(T, P);
  }
  return P;
}

/// Skips a node's properties (anchor, tag) and the space after them.
static uint32_t skipProperties(StringRef T, uint32_t P) {
  for (unsigned Guard = 0; Guard < 4 && P < T.size(); ++Guard) {
    if (T[P] != '&' && T[P] != '!')
      break;
    if (T[P] == '!' && P + 1 < T.size() && T[P + 1] == '<') {
      size_t Close = T.find('>', P);
      P = Close == StringRef::npos ? T.size() : Close + 1;
    } else {
      while (P < T.size() && !isBlank(T[P]) && !isBreak(T[P]) &&
             !isFlowIndicator(T[P]))
        ++P;
    }
    P = skipSpace(T, P);
  }
  return P;
}

//===----------------------------------------------------------------------===//
// Scalar decoding with host mapping
//===----------------------------------------------------------------------===//

namespace {
/// A decoded scalar: text mapped to host, and the host end of the scalar.
struct Decoded {
  EmbeddedText Text;
  uint32_t End = 0;
  bool Ok = false;
};
} // namespace

/// Folds a run of whitespace that may contain line breaks (flow scalars):
/// one break becomes a space, N breaks become N-1 newlines; blanks around
/// breaks are dropped. Returns the position after the run.
static uint32_t foldWhitespace(StringRef T, uint32_t P, EmbeddedText &Out) {
  uint32_t R = skipBlanks(T, P);
  if (R >= T.size() || !isBreak(T[R])) {
    Out.appendVerbatim(T.slice(P, R), P);
    return R;
  }
  unsigned Breaks = 0;
  while (uint32_t Len = breakLength(T, R)) {
    ++Breaks;
    R = skipBlanks(T, R + Len);
  }
  if (Breaks == 1) {
    Out.appendEscaped(' ', P, R - P);
    return R;
  }
  for (unsigned I = 1; I < Breaks; ++I)
    Out.appendEscaped('\n', P, R - P);
  return R;
}

static bool isDocumentMarker(StringRef T, uint32_t P) {
  if (P > 0 && !isBreak(T[P - 1]))
    return false;
  StringRef Rest = T.substr(P);
  if (!Rest.startswith("---") && !Rest.startswith("..."))
    return false;
  return Rest.size() == 3 || isBlank(Rest[3]) || isBreak(Rest[3]);
}

/// The end of the first line's text of a plain scalar starting at P.
static uint32_t plainLineEnd(StringRef T, uint32_t P, bool InFlow) {
  uint32_t Q = P;
  while (Q < T.size() && !isBreak(T[Q])) {
    char C = T[Q];
    if (C == '#' && Q > P && isBlank(T[Q - 1]))
      break;
    if (C == ':' &&
        (Q + 1 == T.size() || isBlank(T[Q + 1]) || isBreak(T[Q + 1]) ||
         (InFlow && isFlowIndicator(T[Q + 1]))))
      break;
    if (InFlow && isFlowIndicator(C))
      break;
    ++Q;
  }
  while (Q > P && isBlank(T[Q - 1]))
    --Q;
  return Q;
}

static Decoded decodePlain(StringRef T, uint32_t S, StringRef Value,
                           bool InFlow) {
  Decoded D;
  uint32_t P = S;
  while (true) {
    uint32_t E = plainLineEnd(T, P, InFlow);
    D.Text.appendVerbatim(T.slice(P, E), P);
    D.End = E;
    if (D.Text.size() >= Value.size())
      break;
    uint32_t R = skipBlanks(T, E);
    if (R >= T.size() || !isBreak(T[R]))
      break;
    EmbeddedText Fold;
    uint32_t Next = foldWhitespace(T, E, Fold);
    if (Next >= T.size() || T[Next] == '#' || isDocumentMarker(T, Next))
      break;
    D.Text.appendEscaped(Fold.text().empty() ? ' ' : Fold.text()[0], E,
                         Next - E);
    for (size_t I = 1; I < Fold.size(); ++I)
      D.Text.appendEscaped('\n', E, Next - E);
    P = Next;
  }
  D.Ok = D.Text.text() == Value;
  return D;
}

static Decoded decodeSingleQuoted(StringRef T, uint32_t S, StringRef Value) {
  Decoded D;
  uint32_t P = S + 1;
  while (P < T.size()) {
    char C = T[P];
    if (C == '\'') {
      if (P + 1 < T.size() && T[P + 1] == '\'') {
        D.Text.appendEscaped('\'', P, 2);
        P += 2;
        continue;
      }
      D.End = P + 1;
      D.Ok = D.Text.text() == Value;
      return D;
    }
    if (isBlank(C) || isBreak(C)) {
      P = foldWhitespace(T, P, D.Text);
      continue;
    }
    D.Text.appendVerbatim(T.substr(P, 1), P);
    ++P;
  }
  return D;
}

/// Appends the UTF-8 bytes of a code point, each mapped to the whole escape.
static void appendCodePoint(uint32_t CP, uint32_t Host, uint32_t Len,
                            EmbeddedText &Out) {
  char Buf[8];
  char *Ptr = Buf;
  if (!ConvertCodePointToUTF8(CP, Ptr))
    return;
  for (char *I = Buf; I != Ptr; ++I)
    Out.appendEscaped(*I, Host, Len);
}

static char simpleEscape(char C) {
  switch (C) {
  case '0':
    return '\0';
  case 'a':
    return '\a';
  case 'b':
    return '\b';
  case 't':
  case '\t':
    return '\t';
  case 'n':
    return '\n';
  case 'v':
    return '\v';
  case 'f':
    return '\f';
  case 'r':
    return '\r';
  case 'e':
    return '\x1b';
  case ' ':
    return ' ';
  case '"':
    return '"';
  case '/':
    return '/';
  case '\\':
    return '\\';
  case '\'':
    return '\'';
  default:
    return 0;
  }
}

/// Decodes the escape at P (a backslash); returns the position after it.
static uint32_t decodeEscape(StringRef T, uint32_t P, EmbeddedText &Out) {
  if (P + 1 >= T.size())
    return T.size();
  char C = T[P + 1];
  if (uint32_t Len = breakLength(T, P + 1))
    return skipBlanks(T, P + 1 + Len);
  unsigned Digits = C == 'x' ? 2 : C == 'u' ? 4 : C == 'U' ? 8 : 0;
  if (Digits) {
    uint32_t CP = 0;
    for (unsigned I = 0; I < Digits; ++I) {
      unsigned H = P + 2 + I < T.size() ? hexDigitValue(T[P + 2 + I]) : -1U;
      if (H == -1U)
        return P + 2 + I;
      CP = CP * 16 + H;
    }
    appendCodePoint(CP, P, Digits + 2, Out);
    return P + 2 + Digits;
  }
  // yaml-cpp decodes \N and \_ to the single bytes 0x85 and 0xA0.
  if (C == 'N' || C == '_') {
    Out.appendEscaped(C == 'N' ? '\x85' : '\xA0', P, 2);
    return P + 2;
  }
  uint32_t Named = C == 'L' ? 0x2028 : C == 'P' ? 0x2029 : 0;
  if (Named) {
    appendCodePoint(Named, P, 2, Out);
    return P + 2;
  }
  char E = simpleEscape(C);
  if (E || C == '0')
    Out.appendEscaped(E, P, 2);
  return P + 2;
}

static Decoded decodeDoubleQuoted(StringRef T, uint32_t S, StringRef Value) {
  Decoded D;
  uint32_t P = S + 1;
  while (P < T.size()) {
    char C = T[P];
    if (C == '"') {
      D.End = P + 1;
      D.Ok = D.Text.text() == Value;
      return D;
    }
    if (C == '\\') {
      P = decodeEscape(T, P, D.Text);
      continue;
    }
    if (isBlank(C) || isBreak(C)) {
      P = foldWhitespace(T, P, D.Text);
      continue;
    }
    D.Text.appendVerbatim(T.substr(P, 1), P);
    ++P;
  }
  return D;
}

namespace {
/// One line of a block scalar's body.
struct BlockLine {
  uint32_t Begin = 0; ///< content after the indentation
  uint32_t End = 0;   ///< before the line break
  uint32_t BreakLen = 0;
  bool Empty = true;
  bool MoreIndented = false;
};
} // namespace

static unsigned lineIndent(StringRef T, uint32_t LineBegin) {
  uint32_t P = LineBegin;
  while (P < T.size() && T[P] == ' ')
    ++P;
  return P - LineBegin;
}

static uint32_t lineBeginOf(StringRef T, uint32_t P) {
  while (P > 0 && !isBreak(T[P - 1]))
    --P;
  return P;
}

/// Collects the body lines of a block scalar whose header ends at P (the
/// position of the header's line break) into Lines.
static void collectBlockLines(StringRef T, uint32_t P, unsigned Indent,
                              SmallVectorImpl<BlockLine> &Lines) {
  uint32_t LineBegin = P + breakLength(T, P);
  if (LineBegin == P)
    return;
  bool Auto = Indent == 0;
  while (LineBegin < T.size()) {
    unsigned Spaces = lineIndent(T, LineBegin);
    uint32_t End = lineEnd(T, LineBegin);
    BlockLine L;
    L.End = End;
    L.BreakLen = breakLength(T, End);
    bool Blank = skipBlanks(T, LineBegin) == End;
    if (Auto && !Blank) {
      Indent = Spaces;
      Auto = false;
    }
    if (Indent == 0 || isDocumentMarker(T, LineBegin))
      break;
    if (Spaces >= Indent && !(Blank && Spaces == Indent)) {
      L.Begin = LineBegin + Indent;
      L.Empty = false;
      L.MoreIndented = isBlank(T[L.Begin]);
    } else if (Blank) {
      L.Begin = End;
    } else {
      break;
    }
    Lines.push_back(L);
    if (!L.BreakLen)
      break;
    LineBegin = End + L.BreakLen;
  }
}

static void appendBreak(const BlockLine &L, EmbeddedText &Out) {
  Out.appendEscaped('\n', L.End, std::max<uint32_t>(L.BreakLen, 1));
}

static void emitLiteral(StringRef T, ArrayRef<BlockLine> Body,
                        EmbeddedText &Out) {
  for (const BlockLine &L : Body) {
    Out.appendVerbatim(T.slice(L.Begin, L.End), L.Begin);
    if (&L != &Body.back())
      appendBreak(L, Out);
  }
}

static void emitFolded(StringRef T, ArrayRef<BlockLine> Body,
                       EmbeddedText &Out) {
  const BlockLine *Prev = nullptr;
  SmallVector<const BlockLine *, 4> Gap;
  for (const BlockLine &L : Body) {
    if (L.Empty) {
      Gap.push_back(&L);
      continue;
    }
    if (!Prev) {
      for (const BlockLine *G : Gap)
        appendBreak(*G, Out);
    } else if (!Prev->MoreIndented && !L.MoreIndented) {
      if (Gap.empty())
        Out.appendEscaped(' ', Prev->End,
                          std::max<uint32_t>(Prev->BreakLen, 1));
      for (const BlockLine *G : Gap)
        appendBreak(*G, Out);
    } else {
      appendBreak(*Prev, Out);
      for (const BlockLine *G : Gap)
        appendBreak(*G, Out);
    }
    Gap.clear();
    Out.appendVerbatim(T.slice(L.Begin, L.End), L.Begin);
    Prev = &L;
  }
}

static Decoded decodeBlock(StringRef T, uint32_t S, StringRef Value) {
  Decoded D;
  bool Folded = T[S] == '>';
  char Chomp = 0;
  unsigned Digit = 0;
  uint32_t P = S + 1;
  for (unsigned I = 0; I < 2 && P < T.size(); ++I, ++P) {
    if (T[P] == '-' || T[P] == '+')
      Chomp = T[P];
    else if (T[P] >= '1' && T[P] <= '9')
      Digit = T[P] - '0';
    else
      break;
  }
  uint32_t HeaderEnd = P;
  P = lineEnd(T, P);
  unsigned Indent = Digit ? lineIndent(T, lineBeginOf(T, S)) + Digit : 0;
  SmallVector<BlockLine, 16> Lines;
  if (!Value.empty() || Chomp == '+')
    collectBlockLines(T, P, Indent, Lines);
  size_t Last = Lines.size();
  while (Last > 0 && Lines[Last - 1].Empty)
    --Last;
  ArrayRef<BlockLine> Body = makeArrayRef(Lines).take_front(Last);
  if (Folded)
    emitFolded(T, Body, D.Text);
  else
    emitLiteral(T, Body, D.Text);
  if (!Body.empty() && Chomp != '-' && Body.back().BreakLen)
    appendBreak(Body.back(), D.Text);
  if (Chomp == '+')
    for (const BlockLine &L : makeArrayRef(Lines).drop_front(Last))
      if (L.BreakLen)
        appendBreak(L, D.Text);
  D.End = Body.empty() ? HeaderEnd : Body.back().End;
  if (!D.Text.empty())
    D.End = std::max(D.End, D.Text.toHost(D.Text.size()));
  if (D.Text.empty() && !Value.empty())
    return D;
  D.Ok = D.Text.text() == Value;
  return D;
}

static NodeStyle scalarStyle(char C) {
  switch (C) {
  case '\'':
    return NodeStyle::SingleQuoted;
  case '"':
    return NodeStyle::DoubleQuoted;
  case '|':
    return NodeStyle::Literal;
  case '>':
    return NodeStyle::Folded;
  default:
    return NodeStyle::Plain;
  }
}

static Decoded decodeScalar(StringRef T, uint32_t S, NodeStyle Style,
                            StringRef Value, bool InFlow) {
  switch (Style) {
  case NodeStyle::SingleQuoted:
    return decodeSingleQuoted(T, S, Value);
  case NodeStyle::DoubleQuoted:
    return decodeDoubleQuoted(T, S, Value);
  case NodeStyle::Literal:
  case NodeStyle::Folded:
    return decodeBlock(T, S, Value);
  default:
    return decodePlain(T, S, Value, InFlow);
  }
}

//===----------------------------------------------------------------------===//
// Nesting pre-scan
//===----------------------------------------------------------------------===//

/// Whether a line's last token opens a block scalar (`|`, `>-`, `|2+`).
static bool opensBlockScalar(StringRef Line) {
  size_t Hash = Line.find(" #");
  if (Hash != StringRef::npos)
    Line = Line.take_front(Hash);
  Line = Line.rtrim(" \t");
  Line = Line.rtrim("-+0123456789");
  if (!Line.endswith("|") && !Line.endswith(">"))
    return false;
  Line = Line.drop_back();
  return Line.empty() || Line.endswith(" ") || Line.endswith("\t");
}

namespace {
/// Estimates nesting depth without recursion: the stack of block indentation
/// levels (plus `- ` indicators) and the flow bracket depth.
class DepthScanner {
public:
  DepthScanner(StringRef T, unsigned Max) : T(T), Max(Max) {}
  /// Returns the offset where the nesting passes Max, or None.
  Optional<uint32_t> scan();

private:
  bool scanLine(uint32_t Begin, uint32_t End);
  uint32_t skipQuoted(uint32_t P, uint32_t End) const;

  StringRef T;
  unsigned Max;
  SmallVector<unsigned, 32> Indents;
  unsigned Flow = 0;
  int BlockScalarIndent = -1;
  uint32_t At = 0;
};
} // namespace

uint32_t DepthScanner::skipQuoted(uint32_t P, uint32_t End) const {
  char Q = T[P];
  for (++P; P < End; ++P) {
    if (Q == '"' && T[P] == '\\') {
      ++P;
      continue;
    }
    if (T[P] == Q)
      return P;
  }
  return End;
}

bool DepthScanner::scanLine(uint32_t Begin, uint32_t End) {
  unsigned Indent = lineIndent(T, Begin);
  uint32_t P = Begin + Indent;
  bool Blank = skipBlanks(T, P) >= End || T[skipBlanks(T, P)] == '#';
  if (BlockScalarIndent >= 0 &&
      (Blank || static_cast<int>(Indent) > BlockScalarIndent))
    return false;
  BlockScalarIndent = -1;
  if (Blank)
    return false;
  unsigned Depth = Indents.size();
  if (Flow == 0) {
    while (!Indents.empty() && Indents.back() >= Indent)
      Indents.pop_back();
    Indents.push_back(Indent);
    Depth = Indents.size();
    while (P + 1 < End && T[P] == '-' && isBlank(T[P + 1])) {
      ++Depth;
      P = skipBlanks(T, P + 1);
    }
  }
  for (; P < End; ++P) {
    char C = T[P];
    if (C == '#' && (P == Begin || isBlank(T[P - 1])))
      break;
    if ((C == '"' || C == '\'') &&
        (P == Begin || StringRef(" \t[{,:").contains(T[P - 1])))
      P = skipQuoted(P, End);
    else if (C == '[' || C == '{')
      ++Flow;
    else if ((C == ']' || C == '}') && Flow > 0)
      --Flow;
    if (Depth + Flow > Max) {
      At = std::min<uint32_t>(P, End);
      return true;
    }
  }
  if (Flow == 0 && opensBlockScalar(T.slice(Begin, End)))
    BlockScalarIndent = static_cast<int>(Indent);
  return false;
}

Optional<uint32_t> DepthScanner::scan() {
  uint32_t P = 0;
  while (P < T.size()) {
    uint32_t End = lineEnd(T, P);
    if (scanLine(P, End))
      return At;
    P = End + std::max<uint32_t>(breakLength(T, End), 1);
  }
  return None;
}

//===----------------------------------------------------------------------===//
// The tree builder
//===----------------------------------------------------------------------===//

namespace {
/// Thrown from an event callback to stop the parse: a tripped limit
/// (ADM902), or a parser that stopped making progress (ADM900).
struct StopParse {
  RuleId Rule;
  uint32_t Offset;
  std::string Message;
};
} // namespace

/// Builds the positioned tree from yaml-cpp's events.
class Builder : public YAML::EventHandler {
public:
  Builder(StringRef T, uint32_t Base, const YamlOptions &Opts, Stream &S)
      : T(T), Base(Base), Opts(Opts), S(S) {}

  uint32_t offset(const YAML::Mark &M) const {
    if (M.pos < 0)
      return Base;
    return std::min<uint64_t>(T.size(), uint64_t(Base) + M.pos);
  }
  uint32_t lastEnd() const { return LastEnd; }

  void OnDocumentStart(const YAML::Mark &M) override {
    // yaml-cpp 0.7 starts empty documents forever at a stray `,` without
    // consuming it; a document never starts where the previous one did.
    if (Started && offset(M) == DocBegin)
      throw StopParse{RuleId::ParseError, DocBegin,
                      "invalid YAML: unexpected character"};
    Started = true;
    DocBegin = offset(M);
    Root = nullptr;
    Frames.clear();
    Anchors.clear();
  }
  void OnDocumentEnd() override { finishDocument(); }

  void OnNull(const YAML::Mark &M, YAML::anchor_t A) override {
    Node &N = make(NodeKind::Null, offset(M), A);
    N.Range = {offset(M), offset(M)};
    attach(&N);
  }
  void OnAlias(const YAML::Mark &M, YAML::anchor_t A) override {
    auto It = Anchors.find(A);
    if (It == Anchors.end() || isOpen(It->second)) {
      OnNull(M, 0);
      return;
    }
    attach(It->second);
  }
  void OnScalar(const YAML::Mark &M, const std::string &Tag, YAML::anchor_t A,
                const std::string &Value) override;
  void OnSequenceStart(const YAML::Mark &M, const std::string &Tag,
                       YAML::anchor_t A,
                       YAML::EmitterStyle::value St) override {
    open(NodeKind::Sequence, M, Tag, A, St);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark &M, const std::string &Tag, YAML::anchor_t A,
                  YAML::EmitterStyle::value St) override {
    open(NodeKind::Mapping, M, Tag, A, St);
  }
  void OnMapEnd() override { close(); }

  /// Ends a document cut short by an error, keeping nothing of it.
  void abandonDocument() {
    Frames.clear();
    Root = nullptr;
  }

private:
  /// An open collection and, for a mapping, its pending key.
  struct Frame {
    Node *N;
    const Node *Key;
  };

  Node &make(NodeKind K, uint32_t Begin, YAML::anchor_t A) {
    S.Storage.emplace_back();
    Node &N = S.Storage.back();
    N.Kind = K;
    N.Range = {Begin, Begin};
    if (A)
      Anchors[A] = &N;
    return N;
  }
  /// An alias to a collection still open would make a cycle.
  bool isOpen(const Node *N) const {
    return llvm::any_of(Frames, [N](const Frame &F) { return F.N == N; });
  }
  bool inFlow() const {
    return !Frames.empty() && Frames.back().N->Style == NodeStyle::Flow;
  }
  void open(NodeKind K, const YAML::Mark &M, const std::string &Tag,
            YAML::anchor_t A, YAML::EmitterStyle::value St);
  void close();
  void attach(const Node *N);
  void setFallback(Node &N, uint32_t Start, uint32_t End, StringRef Value);
  void finishDocument();
  void checkSize(uint64_t Size, uint32_t At) const {
    if (Size > Opts.MaxNodes)
      throw StopParse{RuleId::ScanLimit, At,
                      "YAML alias expansion exceeds " +
                          std::to_string(Opts.MaxNodes) +
                          " nodes; raise it with --max-yaml-nodes"};
  }

  StringRef T;
  uint32_t Base;
  const YamlOptions &Opts;
  Stream &S;
  DenseMap<YAML::anchor_t, const Node *> Anchors;
  SmallVector<Frame, 16> Frames;
  const Node *Root = nullptr;
  uint32_t DocBegin = 0;
  bool Started = false;
  uint32_t LastEnd = 0;
  uint64_t Total = 0;
};

/// A scalar whose bytes could not be recomputed keeps yaml-cpp's value: a
/// verbatim copy when the text holds it, else every byte mapped to the whole
/// scalar.
void Builder::setFallback(Node &N, uint32_t Start, uint32_t End,
                          StringRef Value) {
  if (T.substr(Start).startswith(Value)) {
    N.Text = EmbeddedText::verbatim(Value, Start);
    N.Range = {Start, Start + static_cast<uint32_t>(Value.size())};
    return;
  }
  End = End > Start ? std::min<uint32_t>(End, T.size()) : lineEnd(T, Start);
  N.Range = {Start, End};
  N.Text = EmbeddedText();
  for (char C : Value)
    N.Text.appendEscaped(C, Start, std::max<uint32_t>(End - Start, 1));
  if (End == Start && !Value.empty())
    N.Range.End = std::min<uint32_t>(Start + 1, T.size());
}

void Builder::OnScalar(const YAML::Mark &M, const std::string &Tag,
                       YAML::anchor_t A, const std::string &Value) {
  uint32_t Mark = offset(M);
  Node &N = make(NodeKind::Scalar, Mark, A);
  if (Tag != "?" && Tag != "!")
    N.Tag = Tag;
  bool Quoted = Mark < T.size() && (T[Mark] == '\'' || T[Mark] == '"');
  if (Value.empty() && !Quoted) {
    attach(&N);
    return;
  }
  uint32_t Start = Value.empty() ? Mark : skipProperties(T, Mark);
  if (Start >= T.size()) {
    if (!T.empty())
      setFallback(N, T.size() - 1, T.size(), Value);
    attach(&N);
    return;
  }
  N.Style = scalarStyle(T[Start]);
  Decoded D = decodeScalar(T, Start, N.Style, Value, inFlow());
  if (D.Ok) {
    N.Text = std::move(D.Text);
    N.Range = {Start, std::max(Start, D.End)};
  } else {
    setFallback(N, Start, D.End, Value);
  }
  attach(&N);
}

void Builder::open(NodeKind K, const YAML::Mark &M, const std::string &Tag,
                   YAML::anchor_t A, YAML::EmitterStyle::value St) {
  uint32_t Start = skipProperties(T, offset(M));
  if (St == YAML::EmitterStyle::Flow && Start < T.size() && T[Start] != '[' &&
      T[Start] != '{')
    Start = offset(M);
  Node &N = make(K, std::min<uint32_t>(Start, T.size()), A);
  N.Style = St == YAML::EmitterStyle::Flow ? NodeStyle::Flow : NodeStyle::Block;
  if (Tag != "?" && Tag != "!")
    N.Tag = Tag;
  Frames.push_back({&N, nullptr});
}

void Builder::close() {
  if (Frames.empty())
    return;
  Node *N = Frames.back().N;
  Frames.pop_back();
  uint32_t End = N->Range.Begin;
  for (const Node *I : N->Items)
    End = std::max(End, I->Range.End);
  for (const MapEntry &E : N->Entries)
    End = std::max({End, E.Key->Range.End, E.Value->Range.End});
  if (N->Style == NodeStyle::Flow) {
    char Close = N->Kind == NodeKind::Sequence ? ']' : '}';
    uint32_t P = End > N->Range.Begin ? End : N->Range.Begin + 1;
    while (P < T.size() && T[P] != Close) {
      if (T[P] == '#')
        P = lineEnd(T, P);
      else
        ++P;
      if (P < T.size() && (T[P] == ']' || T[P] == '}') && T[P] != Close)
        break;
    }
    End =
        P < T.size() && T[P] == Close ? P + 1 : std::min<uint32_t>(P, T.size());
  }
  N->Range.End = std::max(N->Range.Begin, End);
  uint64_t Size = 1;
  for (const Node *I : N->Items)
    Size = std::min<uint64_t>(Size + I->ExpandedSize, Opts.MaxNodes + 1);
  for (const MapEntry &E : N->Entries)
    Size = std::min<uint64_t>(
        Size + E.Key->ExpandedSize + E.Value->ExpandedSize, Opts.MaxNodes + 1);
  N->ExpandedSize = Size;
  checkSize(Total + Size, N->Range.Begin);
  attach(N);
}

void Builder::attach(const Node *N) {
  LastEnd = std::max(LastEnd, N->Range.End);
  if (Frames.empty()) {
    Root = N;
    return;
  }
  Frame &F = Frames.back();
  if (F.N->Kind == NodeKind::Sequence) {
    F.N->Items.push_back(N);
    return;
  }
  if (!F.Key) {
    F.Key = N;
    return;
  }
  F.N->Entries.push_back({F.Key, N});
  F.Key = nullptr;
}

void Builder::finishDocument() {
  if (!Root)
    Root = &make(NodeKind::Null, DocBegin, 0);
  Total = std::min<uint64_t>(Total + Root->ExpandedSize, Opts.MaxNodes + 1);
  checkSize(Total, Root->Range.Begin);
  S.Docs.push_back({Root, {DocBegin, std::max(DocBegin, Root->Range.End)}});
  abandonDocument();
}

//===----------------------------------------------------------------------===//
// Node lookup
//===----------------------------------------------------------------------===//

bool MapEntry::isMerge() const {
  return Key->isScalar() && Key->style() == NodeStyle::Plain &&
         Key->value() == "<<";
}

const MapEntry *Node::getEntryBounded(StringRef Key, unsigned Depth) const {
  if (Kind != NodeKind::Mapping || Depth > 16)
    return nullptr;
  for (const MapEntry &E : Entries)
    if (E.Key->isScalar() && E.Key->value() == Key && !E.isMerge())
      return &E;
  for (const MapEntry &E : Entries) {
    if (!E.isMerge())
      continue;
    if (const MapEntry *Found = E.Value->getEntryBounded(Key, Depth + 1))
      return Found;
    for (const Node *I : E.Value->Items)
      if (const MapEntry *Found = I->getEntryBounded(Key, Depth + 1))
        return Found;
  }
  return nullptr;
}

SourceRange MapEntry::range() const {
  SourceRange K = Key->range();
  return {K.Begin, std::max(K.End, Value->range().End)};
}

const MapEntry *Node::getEntry(StringRef Key) const {
  return getEntryBounded(Key, 0);
}

const Node *Node::get(StringRef Key) const {
  const MapEntry *E = getEntry(Key);
  return E ? E->Value : nullptr;
}

StringRef Node::getString(StringRef Key) const {
  const Node *N = get(Key);
  return N && N->isScalar() ? N->value() : StringRef();
}

//===----------------------------------------------------------------------===//
// Stream::parse
//===----------------------------------------------------------------------===//

static SourceRange pointAt(StringRef T, uint32_t Offset) {
  Offset = std::min<uint32_t>(Offset, T.size());
  if (Offset < T.size())
    return {Offset, Offset + 1};
  return {Offset, Offset};
}

Stream Stream::parse(StringRef Text, const YamlOptions &Opts) {
  Stream S;
  uint32_t Base = Text.startswith("\xEF\xBB\xBF") ? 3 : 0;
  if (Optional<uint32_t> At = DepthScanner(Text, Opts.MaxDepth).scan()) {
    S.Problems.push_back({RuleId::ScanLimit, pointAt(Text, *At),
                          "YAML nesting deeper than " +
                              std::to_string(Opts.MaxDepth) +
                              " levels; raise it with --max-nesting-depth"});
    return S;
  }
  Builder B(Text, Base, Opts, S);
  try {
    std::vector<YamlEvent> Events;
    if (parseFastYaml(Text, Events)) {
      replayYamlEvents(Events, B);
      return S;
    }
    std::istringstream In(Text.str());
    YAML::Parser P(In);
    while (P.HandleNextDocument(B)) {
    }
  } catch (const YAML::Exception &E) {
    B.abandonDocument();
    S.Problems.push_back({RuleId::ParseError, pointAt(Text, B.offset(E.mark)),
                          "invalid YAML: " + E.msg});
  } catch (const StopParse &Stop) {
    B.abandonDocument();
    S.Problems.push_back({Stop.Rule, pointAt(Text, Stop.Offset), Stop.Message});
  } catch (const std::exception &E) {
    B.abandonDocument();
    S.Problems.push_back({RuleId::ParseError, pointAt(Text, B.lastEnd()),
                          std::string("invalid YAML: ") + E.what()});
  }
  return S;
}

} // namespace yaml
} // namespace adminlint
