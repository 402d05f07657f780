//===- YamlFast.cpp - A fast path for common block YAML -------------------===//
//
// A recursive descent over lines for the block YAML people write by hand. It
// follows yaml-cpp 0.7's scanner where the two could differ: a mark is the
// position of yaml-cpp's token (an empty value's mark is the next token's),
// plain scalars end at `: ` and ` #`, block scalars are decoded by the same
// line algorithm as yaml-cpp's ScanScalar. Whatever yaml-cpp could read
// differently (multi-line plain or quoted scalars, tabs, anchors, tags,
// explicit keys, directives, nested or multi-line flow, `...`) is refused.
//
//===----------------------------------------------------------------------===//
#include "lib/Parse/YamlFast.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <cstring>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

using namespace llvm;

namespace adminlint {
namespace yaml {

//===----------------------------------------------------------------------===//
// The parser
//===----------------------------------------------------------------------===//

/// Recursion limit of the fast path; deeper text goes to yaml-cpp.
static constexpr unsigned MaxFastDepth = 100;
/// yaml-cpp refuses simple keys longer than 1024 characters.
static constexpr uint32_t MaxKeyLength = 1000;

static bool isBlankOrBreak(char C) {
  return C == ' ' || C == '\t' || C == '\n' || C == '\r';
}

/// Whether Text is free of what yaml-cpp reads in its own way: control
/// characters, lone carriage returns, UTF-16/32 byte order marks.
static bool hasPlainBytes(StringRef T) {
  if (!T.empty() && (uint8_t(T[0]) == 0xFE || uint8_t(T[0]) == 0xFF))
    return false;
  for (size_t I = 0, E = T.size(); I != E; ++I) {
    uint8_t C = T[I];
    if (C >= 0x20 || C == '\n' || C == '\t')
      continue;
    if (C != '\r' || I + 1 == E || T[I + 1] != '\n')
      return false;
  }
  return true;
}

namespace {
/// A scanned scalar: its decoded value and the position after it.
struct ScannedScalar {
  std::string Value;
  uint32_t End = 0;
  bool NonPlain = false;
  bool EndsAtColon = false; ///< a plain scalar stopped by `: `
};

/// Ends a plain scalar that runs from P to Q: its value drops trailing
/// spaces, its end does not.
static bool endPlain(StringRef T, uint32_t P, uint32_t Q, ScannedScalar &S) {
  S.End = Q;
  while (Q > P && T[Q - 1] == ' ')
    --Q;
  S.Value = T.slice(P, Q).str();
  return true;
}

/// yaml-cpp's parameters of a block scalar, read from its header.
struct BlockHeader {
  enum ChompKind { Clip, Strip, Keep };
  bool Folded = false;
  ChompKind Chomp = Clip;
  int Indent = 1;     ///< required indentation (yaml-cpp's params.indent)
  bool Detect = true; ///< no indentation indicator: detect from the body
  uint32_t Break = 0; ///< the header's line break
};

/// The fast parser. Every member returning bool returns false to refuse the
/// whole text.
class FastParser {
public:
  FastParser(StringRef T, std::vector<YamlEvent> &Out)
      : T(T), Base(T.startswith("\xEF\xBB\xBF") ? 3 : 0), Out(Out) {}

  bool run();

private:
  // Characters and positions.
  bool atEnd(uint32_t P) const { return P >= T.size(); }
  char at(uint32_t P) const { return P < T.size() ? T[P] : '\0'; }
  bool isBreakAt(uint32_t P) const {
    return P < T.size() && (T[P] == '\n' || T[P] == '\r');
  }
  uint32_t breakLength(uint32_t P) const {
    return at(P) == '\r' ? 2 : at(P) == '\n' ? 1 : 0;
  }
  /// Blank, line break or end of text after P.
  bool separatedAt(uint32_t P) const {
    return atEnd(P) || isBlankOrBreak(T[P]);
  }
  uint32_t skipSpaces(uint32_t P) const {
    while (at(P) == ' ')
      ++P;
    return P;
  }
  uint32_t lineEnd(uint32_t P) const {
    while (P < T.size() && !isBreakAt(P))
      ++P;
    return P;
  }
  int column(uint32_t P) const {
    uint32_t B = P;
    while (B > Base && T[B - 1] != '\n')
      --B;
    return static_cast<int>(P - B);
  }
  bool isMarker(uint32_t P, StringRef M) const {
    return T.substr(P).startswith(M) && separatedAt(P + 3) && column(P) == 0;
  }
  bool isDocStart(uint32_t P) const { return isMarker(P, "---"); }
  bool isDocEnd(uint32_t P) const { return isMarker(P, "..."); }
  bool isBlockEntry(uint32_t P) const {
    return at(P) == '-' && separatedAt(P + 1);
  }
  bool isValueIndicator(uint32_t P) const {
    return at(P) == ':' && separatedAt(P + 1);
  }

  bool restOfLine(uint32_t P, uint32_t &Break) const;
  bool nextToken(uint32_t P, uint32_t &Next) const;
  bool afterValue(uint32_t P, uint32_t &Next) const;

  // Events.
  void emit(YamlEvent::Kind K, uint32_t P, bool Flow = false) {
    YamlEvent E;
    E.K = K;
    E.Pos = P - Base;
    E.Flow = Flow;
    Out.push_back(std::move(E));
  }
  void emitEnd(YamlEvent::Kind K) {
    YamlEvent E;
    E.K = K;
    Out.push_back(std::move(E));
  }
  void emitScalar(uint32_t P, ScannedScalar &S);

  // Scalars.
  bool mayStartPlain(uint32_t P) const;
  bool scanPlain(uint32_t P, ScannedScalar &S) const;
  bool scanPlainInFlow(uint32_t P, ScannedScalar &S) const;
  bool scanSingleQuoted(uint32_t P, ScannedScalar &S) const;
  bool scanDoubleQuoted(uint32_t P, ScannedScalar &S) const;
  bool scanQuoted(uint32_t P, ScannedScalar &S) const {
    S.NonPlain = true;
    return at(P) == '\'' ? scanSingleQuoted(P, S) : scanDoubleQuoted(P, S);
  }
  bool scanEscape(uint32_t &P, std::string &Out) const;
  bool blockHeader(uint32_t P, int Parent, BlockHeader &H) const;
  bool blockBody(BlockHeader &H, std::string &S, uint32_t &Stop) const;
  bool blockScalar(uint32_t P, int Parent, uint32_t &Next);

  // Collections.
  bool document(uint32_t P, uint32_t &Next);
  bool node(uint32_t P, int Parent, bool Inline, uint32_t &Next);
  bool scalarNode(uint32_t P, int Parent, bool Inline, uint32_t &Next);
  bool blockMap(uint32_t P, int Column, uint32_t &Next);
  bool mapKey(uint32_t P, uint32_t &AfterColon);
  bool mapValue(uint32_t P, int Column, uint32_t &Next);
  bool blockSeq(uint32_t P, int Column, uint32_t &Next);
  bool flow(uint32_t P, uint32_t &End);
  bool flowScalar(uint32_t P, uint32_t &End, bool &JsonKey);

  StringRef T;
  uint32_t Base;
  std::vector<YamlEvent> &Out;
  unsigned Depth = 0;
};
} // namespace

/// Checks that only blanks and a comment follow P on its line; Break is the
/// line break (or the end of the text).
bool FastParser::restOfLine(uint32_t P, uint32_t &Break) const {
  uint32_t Q = skipSpaces(P);
  if (at(Q) == '#' && Q > 0 && T[Q - 1] == ' ')
    Q = lineEnd(Q);
  if (!atEnd(Q) && !isBreakAt(Q))
    return false;
  Break = Q;
  return true;
}

/// Finds the next token from the line break (or line start) at P, skipping
/// blank and comment lines. Refuses tabs in indentation.
bool FastParser::nextToken(uint32_t P, uint32_t &Next) const {
  while (true) {
    P += breakLength(P);
    P = skipSpaces(P);
    if (at(P) == '\t')
      return false;
    if (at(P) == '#')
      P = lineEnd(P);
    if (!isBreakAt(P)) {
      Next = P;
      return true;
    }
  }
}

/// After a value ending at P: the rest of the line, then the next token.
bool FastParser::afterValue(uint32_t P, uint32_t &Next) const {
  uint32_t Break;
  return restOfLine(P, Break) && nextToken(Break, Next);
}

/// yaml-cpp reports plain `null`, `Null`, `NULL` and `~` as null nodes.
void FastParser::emitScalar(uint32_t P, ScannedScalar &S) {
  StringRef V = S.Value;
  if (!S.NonPlain && (V == "~" || V == "null" || V == "Null" || V == "NULL")) {
    emit(YamlEvent::Null, P);
    return;
  }
  YamlEvent E;
  E.K = YamlEvent::Scalar;
  E.Pos = P - Base;
  E.Tag = S.NonPlain ? YamlEvent::NonPlainTag : YamlEvent::PlainTag;
  E.Value = std::move(S.Value);
  Out.push_back(std::move(E));
}

/// Whether a plain scalar of the subset may start at P: not at a blank, an
/// indicator or a `- ` entry.
bool FastParser::mayStartPlain(uint32_t P) const {
  char C = at(P);
  return !separatedAt(P) && !StringRef(",[]{}#&*!|>'\"%@`?:").contains(C) &&
         !(C == '-' && separatedAt(P + 1));
}

/// A single-line plain scalar in block context; it ends at `: `, ` #` or the
/// line break.
bool FastParser::scanPlain(uint32_t P, ScannedScalar &S) const {
  if (!mayStartPlain(P))
    return false;
  uint32_t Q = P;
  for (; !atEnd(Q) && !isBreakAt(Q); ++Q) {
    char C = T[Q];
    if (C == '\t')
      return false;
    if (C == ':' && separatedAt(Q + 1)) {
      S.EndsAtColon = true;
      break;
    }
    if (C == ' ' && at(Q + 1) == '#')
      break;
  }
  return endPlain(T, P, Q, S);
}

/// A plain scalar inside a one-line flow collection: it ends at `,`, `]`,
/// `}` or `: `; anything that could end it otherwise is refused.
bool FastParser::scanPlainInFlow(uint32_t P, ScannedScalar &S) const {
  if (!mayStartPlain(P))
    return false;
  uint32_t Q = P;
  for (; !atEnd(Q) && !isBreakAt(Q); ++Q) {
    char C = T[Q];
    if (C == ',' || C == ']' || C == '}' || (C == ':' && at(Q + 1) == ' '))
      break;
    if (StringRef("\t:?[{#").contains(C))
      return false;
  }
  if (atEnd(Q) || isBreakAt(Q))
    return false;
  return endPlain(T, P, Q, S);
}

bool FastParser::scanSingleQuoted(uint32_t P, ScannedScalar &S) const {
  for (uint32_t Q = P + 1; !atEnd(Q) && !isBreakAt(Q); ++Q) {
    if (T[Q] != '\'') {
      S.Value += T[Q];
      continue;
    }
    if (at(Q + 1) != '\'') {
      S.End = Q + 1;
      return true;
    }
    S.Value += '\'';
    ++Q;
  }
  return false;
}

/// UTF-8 of a code point, as yaml-cpp writes it.
static void appendUtf8(uint32_t V, std::string &Out) {
  if (V <= 0x7F) {
    Out += char(V);
  } else if (V <= 0x7FF) {
    Out += char(0xC0 + (V >> 6));
    Out += char(0x80 + (V & 0x3F));
  } else if (V <= 0xFFFF) {
    Out += char(0xE0 + (V >> 12));
    Out += char(0x80 + ((V >> 6) & 0x3F));
    Out += char(0x80 + (V & 0x3F));
  } else {
    Out += char(0xF0 + (V >> 18));
    Out += char(0x80 + ((V >> 12) & 0x3F));
    Out += char(0x80 + ((V >> 6) & 0x3F));
    Out += char(0x80 + (V & 0x3F));
  }
}

static const char *simpleEscape(char C) {
  switch (C) {
  case '0':
    return "\0";
  case 'a':
    return "\a";
  case 'b':
    return "\b";
  case 't':
    return "\t";
  case 'n':
    return "\n";
  case 'v':
    return "\v";
  case 'f':
    return "\f";
  case 'r':
    return "\r";
  case 'e':
    return "\x1b";
  case ' ':
    return " ";
  case '"':
    return "\"";
  case '\'':
    return "'";
  case '\\':
    return "\\";
  case '/':
    return "/";
  case 'N':
    return "\x85";
  case '_':
    return "\xA0";
  case 'L':
    return "\xE2\x80\xA8";
  case 'P':
    return "\xE2\x80\xA9";
  default:
    return nullptr;
  }
}

/// Decodes the escape at P (a backslash) and moves P past it.
bool FastParser::scanEscape(uint32_t &P, std::string &Out) const {
  char C = at(P + 1);
  if (const char *E = simpleEscape(C)) {
    Out.append(E, C == '0' ? 1 : strlen(E));
    P += 2;
    return true;
  }
  unsigned Digits = C == 'x' ? 2 : C == 'u' ? 4 : C == 'U' ? 8 : 0;
  if (!Digits)
    return false;
  uint32_t V = 0;
  for (unsigned I = 0; I < Digits; ++I) {
    unsigned H = hexDigitValue(at(P + 2 + I));
    if (H == -1U)
      return false;
    V = V * 16 + H;
  }
  if ((V >= 0xD800 && V <= 0xDFFF) || V > 0x10FFFF)
    return false;
  appendUtf8(V, Out);
  P += 2 + Digits;
  return true;
}

bool FastParser::scanDoubleQuoted(uint32_t P, ScannedScalar &S) const {
  uint32_t Q = P + 1;
  while (!atEnd(Q) && !isBreakAt(Q)) {
    char C = T[Q];
    if (C == '"') {
      S.End = Q + 1;
      return true;
    }
    if (C != '\\') {
      S.Value += C;
      ++Q;
      continue;
    }
    if (!scanEscape(Q, S.Value))
      return false;
  }
  return false;
}

/// Reads the header of the block scalar at P: indicators, then blanks and a
/// comment up to the line break.
bool FastParser::blockHeader(uint32_t P, int Parent, BlockHeader &H) const {
  H.Folded = T[P] == '>';
  uint32_t Q = P + 1;
  for (unsigned I = 0; I < 2; ++I, ++Q) {
    char C = at(Q);
    if ((C == '+' || C == '-') && H.Chomp == BlockHeader::Clip) {
      H.Chomp = C == '+' ? BlockHeader::Keep : BlockHeader::Strip;
    } else if (C >= '1' && C <= '9' && H.Detect) {
      H.Indent = C - '0';
      H.Detect = false;
    } else {
      break;
    }
  }
  if (at(Q) == '0')
    return false;
  Q = skipSpaces(Q);
  if (at(Q) == '#')
    Q = lineEnd(Q);
  if (!atEnd(Q) && !isBreakAt(Q))
    return false;
  if (Parent >= 0)
    H.Indent += Parent;
  H.Break = Q;
  return true;
}

/// Decodes the body of a block scalar like yaml-cpp's ScanScalar with its
/// block parameters; Stop is where the scan stopped (inside the indentation
/// of the first line that is not part of the body, or the end).
bool FastParser::blockBody(BlockHeader &H, std::string &S,
                           uint32_t &Stop) const {
  uint32_t Q = H.Break;
  bool FoundNonEmptyLine = false, PastOpeningBreak = false;
  bool EmptyLine = false, MoreIndented = false;
  int FoldedNewlineCount = 0;
  bool FoldedNewlineStartedMoreIndented = false;
  while (!atEnd(Q)) {
    for (; !atEnd(Q) && !isBreakAt(Q); ++Q) {
      FoundNonEmptyLine = PastOpeningBreak = true;
      S += T[Q];
    }
    if (atEnd(Q))
      break;
    Q += breakLength(Q);
    int Col = 0;
    while (at(Q) == ' ' &&
           (Col < H.Indent || (H.Detect && !FoundNonEmptyLine))) {
      ++Q;
      ++Col;
    }
    if (H.Detect && !FoundNonEmptyLine)
      H.Indent = std::max(H.Indent, Col);
    if (at(Q) == '\t' && Col < H.Indent)
      return false;
    bool NextEmptyLine = isBreakAt(Q);
    bool NextMoreIndented = at(Q) == ' ' || at(Q) == '\t';
    if (H.Folded && FoldedNewlineCount == 0 && NextEmptyLine)
      FoldedNewlineStartedMoreIndented = MoreIndented;
    if (PastOpeningBreak && !H.Folded) {
      S += '\n';
    } else if (PastOpeningBreak) {
      if (!EmptyLine && !NextEmptyLine && !MoreIndented && !NextMoreIndented &&
          Col >= H.Indent)
        S += ' ';
      else if (NextEmptyLine)
        ++FoldedNewlineCount;
      else
        S += '\n';
      if (!NextEmptyLine && FoldedNewlineCount > 0) {
        S.append(FoldedNewlineCount - 1, '\n');
        if (FoldedNewlineStartedMoreIndented || NextMoreIndented ||
            !FoundNonEmptyLine)
          S += '\n';
        FoldedNewlineCount = 0;
      }
    }
    EmptyLine = NextEmptyLine;
    MoreIndented = NextMoreIndented;
    PastOpeningBreak = true;
    if (!EmptyLine && Col < H.Indent)
      break;
  }
  Stop = Q;
  return true;
}

/// Clips or strips trailing line breaks as yaml-cpp does.
static void chomp(std::string &S, BlockHeader::ChompKind Chomp) {
  if (Chomp == BlockHeader::Keep)
    return;
  size_t Last = S.find_last_not_of('\n');
  if (Last == std::string::npos)
    S.clear();
  else if (Chomp == BlockHeader::Strip)
    S.erase(Last + 1);
  else if (Last + 1 < S.size())
    S.erase(Last + 2);
}

/// A literal or folded block scalar whose header is at P; Parent is the
/// column of the enclosing block collection (yaml-cpp's top indent).
bool FastParser::blockScalar(uint32_t P, int Parent, uint32_t &Next) {
  BlockHeader H;
  ScannedScalar Scalar;
  uint32_t Stop;
  if (!blockHeader(P, Parent, H) || !blockBody(H, Scalar.Value, Stop))
    return false;
  chomp(Scalar.Value, H.Chomp);
  Scalar.NonPlain = true;
  emitScalar(P, Scalar);
  if (atEnd(Stop)) {
    Next = Stop;
    return true;
  }
  uint32_t LineStart = Stop;
  while (LineStart > Base && T[LineStart - 1] == ' ')
    --LineStart;
  return nextToken(LineStart, Next);
}

/// A one-line flow sequence or mapping of scalars at P; End is after its
/// closing bracket.
bool FastParser::flow(uint32_t P, uint32_t &End) {
  bool IsMap = T[P] == '{';
  char Close = IsMap ? '}' : ']';
  emit(IsMap ? YamlEvent::MapStart : YamlEvent::SequenceStart, P, true);
  uint32_t Q = skipSpaces(P + 1);
  if (at(Q) != Close) {
    while (true) {
      bool JsonKey = false;
      if (!flowScalar(Q, Q, JsonKey))
        return false;
      Q = skipSpaces(Q);
      if (IsMap) {
        if (at(Q) != ':' || !(JsonKey || at(Q + 1) == ' '))
          return false;
        Q = skipSpaces(Q + 1);
        if (!flowScalar(Q, Q, JsonKey))
          return false;
        Q = skipSpaces(Q);
      }
      if (at(Q) == Close)
        break;
      if (at(Q) != ',')
        return false;
      Q = skipSpaces(Q + 1);
      if (at(Q) == Close)
        return false;
    }
  }
  emitEnd(IsMap ? YamlEvent::MapEnd : YamlEvent::SequenceEnd);
  End = Q + 1;
  return true;
}

/// One scalar of a flow collection; JsonKey tells that it was quoted (then a
/// `:` right after it is a value indicator).
bool FastParser::flowScalar(uint32_t P, uint32_t &End, bool &JsonKey) {
  ScannedScalar S;
  JsonKey = at(P) == '\'' || at(P) == '"';
  bool Ok = JsonKey ? scanQuoted(P, S) : scanPlainInFlow(P, S);
  if (!Ok)
    return false;
  End = S.End;
  emitScalar(P, S);
  return true;
}

/// A block node whose first token is at P, inside a block collection at
/// column Parent (-1 at the root). Inline nodes follow `key: ` on its line
/// and cannot be collections. Next is the token after the node.
bool FastParser::node(uint32_t P, int Parent, bool Inline, uint32_t &Next) {
  if (++Depth > MaxFastDepth)
    return false;
  bool Ok;
  char C = at(P);
  if (isBlockEntry(P))
    Ok = !Inline && blockSeq(P, column(P), Next);
  else if (C == '[' || C == '{')
    Ok = flow(P, Next) && afterValue(Next, Next);
  else if (C == '|' || C == '>')
    Ok = blockScalar(P, Parent, Next);
  else
    Ok = scalarNode(P, Parent, Inline, Next);
  --Depth;
  return Ok;
}

/// A plain or quoted scalar at P, or the first key of a block mapping.
bool FastParser::scalarNode(uint32_t P, int Parent, bool Inline,
                            uint32_t &Next) {
  ScannedScalar S;
  bool Quoted = at(P) == '\'' || at(P) == '"';
  if (!(Quoted ? scanQuoted(P, S) : scanPlain(P, S)))
    return false;
  if (Quoted && isValueIndicator(skipSpaces(S.End)))
    S.EndsAtColon = true;
  if (S.EndsAtColon)
    return !Inline && blockMap(P, column(P), Next);
  uint32_t End = S.End;
  emitScalar(P, S);
  uint32_t Break;
  if (!restOfLine(End, Break) || !nextToken(Break, Next))
    return false;
  // At the root yaml-cpp folds later lines, comments included, into a plain
  // scalar; only blank lines may follow it.
  if (Parent < 0 && !Quoted &&
      T.slice(Break, Next).find('#') != StringRef::npos)
    return false;
  return true;
}

/// The key at P of a block mapping, through its `:`.
bool FastParser::mapKey(uint32_t P, uint32_t &AfterColon) {
  ScannedScalar S;
  bool Quoted = at(P) == '\'' || at(P) == '"';
  if (!(Quoted ? scanQuoted(P, S) : scanPlain(P, S)))
    return false;
  uint32_t Colon = Quoted ? skipSpaces(S.End) : S.End;
  if (!isValueIndicator(Colon) || Colon - P > MaxKeyLength)
    return false;
  emitScalar(P, S);
  AfterColon = Colon + 1;
  return true;
}

/// The value after a key's `:` at P, in a mapping at Column.
bool FastParser::mapValue(uint32_t P, int Column, uint32_t &Next) {
  uint32_t V = skipSpaces(P);
  if (at(V) == '\t')
    return false;
  if (!atEnd(V) && !isBreakAt(V) && at(V) != '#')
    return node(V, Column, /*Inline=*/true, Next);
  uint32_t N;
  if (!afterValue(V, N))
    return false;
  Next = N;
  if (atEnd(N) || isDocStart(N) || isDocEnd(N)) {
    emit(YamlEvent::Null, N);
    return true;
  }
  int C = column(N);
  if (C > Column)
    return node(N, Column, /*Inline=*/false, Next);
  if (C == Column && isBlockEntry(N)) {
    if (++Depth > MaxFastDepth)
      return false;
    bool Ok = blockSeq(N, Column, Next);
    --Depth;
    return Ok;
  }
  emit(YamlEvent::Null, N);
  return true;
}

bool FastParser::blockMap(uint32_t P, int Column, uint32_t &Next) {
  emit(YamlEvent::MapStart, P);
  uint32_t K = P;
  while (true) {
    uint32_t AfterColon, N;
    if (!mapKey(K, AfterColon) || !mapValue(AfterColon, Column, N))
      return false;
    if (atEnd(N) || isDocStart(N) || isDocEnd(N) || column(N) < Column) {
      Next = N;
      break;
    }
    if (column(N) > Column || isBlockEntry(N))
      return false;
    K = N;
  }
  emitEnd(YamlEvent::MapEnd);
  return true;
}

bool FastParser::blockSeq(uint32_t P, int Column, uint32_t &Next) {
  emit(YamlEvent::SequenceStart, P);
  uint32_t I = P;
  while (true) {
    uint32_t V = skipSpaces(I + 1), N;
    if (at(V) == '\t')
      return false;
    if (!atEnd(V) && !isBreakAt(V) && at(V) != '#') {
      if (!node(V, Column, /*Inline=*/false, N))
        return false;
    } else {
      if (!afterValue(V, N))
        return false;
      bool Nested =
          !atEnd(N) && !isDocStart(N) && !isDocEnd(N) && column(N) > Column;
      if (Nested && !node(N, Column, /*Inline=*/false, N))
        return false;
      if (!Nested)
        emit(YamlEvent::Null, N);
    }
    if (atEnd(N) || isDocStart(N) || isDocEnd(N) || column(N) < Column) {
      Next = N;
      break;
    }
    if (column(N) > Column)
      return false;
    if (!isBlockEntry(N)) {
      Next = N;
      break;
    }
    I = N;
  }
  emitEnd(YamlEvent::SequenceEnd);
  return true;
}

/// One document from its first token P; Next is the token after it.
bool FastParser::document(uint32_t P, uint32_t &Next) {
  if (at(P) == '%' || isDocEnd(P))
    return false;
  emit(YamlEvent::DocumentStart, P);
  uint32_t Root = P;
  if (isDocStart(P)) {
    if (!afterValue(P + 3, Root))
      return false;
    if (atEnd(Root) || isDocStart(Root)) {
      emit(YamlEvent::Null, Root);
      emitEnd(YamlEvent::DocumentEnd);
      Next = Root;
      return true;
    }
    if (at(Root) == '%' || isDocEnd(Root))
      return false;
  }
  if (!node(Root, -1, /*Inline=*/false, Next))
    return false;
  emitEnd(YamlEvent::DocumentEnd);
  return atEnd(Next) || isDocStart(Next);
}

bool FastParser::run() {
  if (!hasPlainBytes(T) || T.size() > UINT32_MAX / 2)
    return false;
  uint32_t P;
  if (!nextToken(Base, P))
    return false;
  while (!atEnd(P))
    if (!document(P, P))
      return false;
  return true;
}

bool parseFastYaml(StringRef Text, std::vector<YamlEvent> &Events) {
  Events.clear();
  return FastParser(Text, Events).run();
}

//===----------------------------------------------------------------------===//
// Replay and the reference recorder
//===----------------------------------------------------------------------===//

void replayYamlEvents(ArrayRef<YamlEvent> Events, YAML::EventHandler &H) {
  static const std::string Plain = "?", NonPlain = "!";
  for (const YamlEvent &E : Events) {
    YAML::Mark M;
    M.pos = static_cast<int>(E.Pos);
    auto Style = E.Flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block;
    switch (E.K) {
    case YamlEvent::DocumentStart:
      H.OnDocumentStart(M);
      break;
    case YamlEvent::DocumentEnd:
      H.OnDocumentEnd();
      break;
    case YamlEvent::Null:
      H.OnNull(M, YAML::NullAnchor);
      break;
    case YamlEvent::Scalar:
      H.OnScalar(M, E.Tag == YamlEvent::NonPlainTag ? NonPlain : Plain,
                 YAML::NullAnchor, E.Value);
      break;
    case YamlEvent::SequenceStart:
      H.OnSequenceStart(M, Plain, YAML::NullAnchor, Style);
      break;
    case YamlEvent::SequenceEnd:
      H.OnSequenceEnd();
      break;
    case YamlEvent::MapStart:
      H.OnMapStart(M, Plain, YAML::NullAnchor, Style);
      break;
    case YamlEvent::MapEnd:
      H.OnMapEnd();
      break;
    case YamlEvent::Alias:
    case YamlEvent::Anchor:
      break;
    }
  }
}

namespace {
/// Thrown by the recorder when yaml-cpp stops making progress.
struct RecorderStop {};

/// Records yaml-cpp's events as YamlEvents.
class Recorder : public YAML::EventHandler {
public:
  Recorder(std::vector<YamlEvent> &Out, size_t Limit)
      : Out(Out), Limit(Limit) {}

  void OnDocumentStart(const YAML::Mark &M) override {
    if (Started && M.pos == LastDoc)
      throw RecorderStop();
    Started = true;
    LastDoc = M.pos;
    add(YamlEvent::DocumentStart, M);
  }
  void OnDocumentEnd() override { add(YamlEvent::DocumentEnd); }
  void OnNull(const YAML::Mark &M, YAML::anchor_t A) override {
    add(YamlEvent::Null, M, A);
  }
  void OnAlias(const YAML::Mark &M, YAML::anchor_t A) override {
    add(YamlEvent::Alias, M, A);
  }
  void OnAnchor(const YAML::Mark &M, const std::string &Name) override {
    add(YamlEvent::Anchor, M).Value = Name;
  }
  void OnScalar(const YAML::Mark &M, const std::string &Tag, YAML::anchor_t A,
                const std::string &Value) override {
    YamlEvent &E = add(YamlEvent::Scalar, M, A);
    E.Tag = tagKind(Tag);
    E.Value = Value;
  }
  void OnSequenceStart(const YAML::Mark &M, const std::string &Tag,
                       YAML::anchor_t A,
                       YAML::EmitterStyle::value St) override {
    collection(YamlEvent::SequenceStart, M, Tag, A, St);
  }
  void OnSequenceEnd() override { add(YamlEvent::SequenceEnd); }
  void OnMapStart(const YAML::Mark &M, const std::string &Tag, YAML::anchor_t A,
                  YAML::EmitterStyle::value St) override {
    collection(YamlEvent::MapStart, M, Tag, A, St);
  }
  void OnMapEnd() override { add(YamlEvent::MapEnd); }

private:
  static YamlEvent::TagKind tagKind(const std::string &Tag) {
    if (Tag == "?")
      return YamlEvent::PlainTag;
    return Tag == "!" ? YamlEvent::NonPlainTag : YamlEvent::OtherTag;
  }
  YamlEvent &add(YamlEvent::Kind K, const YAML::Mark &M = YAML::Mark(),
                 YAML::anchor_t A = YAML::NullAnchor) {
    if (Out.size() >= Limit)
      throw RecorderStop();
    YamlEvent E;
    E.K = K;
    E.Pos = K == YamlEvent::DocumentEnd || K == YamlEvent::SequenceEnd ||
                    K == YamlEvent::MapEnd
                ? 0
                : M.pos;
    E.Anchored = A != YAML::NullAnchor;
    Out.push_back(std::move(E));
    return Out.back();
  }
  void collection(YamlEvent::Kind K, const YAML::Mark &M,
                  const std::string &Tag, YAML::anchor_t A,
                  YAML::EmitterStyle::value St) {
    YamlEvent &E = add(K, M, A);
    E.Tag = tagKind(Tag);
    E.Flow = St == YAML::EmitterStyle::Flow;
  }

  std::vector<YamlEvent> &Out;
  size_t Limit;
  bool Started = false;
  int LastDoc = 0;
};
} // namespace

bool yamlCppEvents(StringRef Text, std::vector<YamlEvent> &Events) {
  Events.clear();
  Recorder R(Events, 16 * Text.size() + 64);
  try {
    std::istringstream In(Text.str());
    YAML::Parser P(In);
    while (P.HandleNextDocument(R)) {
    }
  } catch (const YAML::Exception &) {
    return false;
  } catch (const RecorderStop &) {
    return false;
  } catch (const std::exception &) {
    return false;
  }
  return true;
}

} // namespace yaml
} // namespace adminlint
