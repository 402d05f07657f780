//===- HelmTemplate.cpp - Helm templates read as YAML without helm --------===//
//
// Three linear passes: find the actions (a lexer that remembers which
// positions already led to an unterminated action, so hostile input stays
// linear), classify them against a stack of control blocks (discarding define
// bodies and else branches), then blank or fill them in a copy of the text.
//
//===----------------------------------------------------------------------===//
#include "lib/Parse/HelmTemplate.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

using namespace llvm;

namespace adminlint {
namespace helm {

namespace {

/// Lexer states inside an action; a bit each, for the failure memo.
enum ScanMode : uint8_t {
  Normal = 1,
  DoubleQuoted = 2,
  SingleQuoted = 4,
  RawString = 8,
  BlockComment = 16,
};

/// Finds where actions end. A scan that fails (the end of the text, or a brace
/// that no pipeline has) marks every (position, mode) it visited; a later scan
/// reaching a marked pair fails at once, so all scans together visit each pair
/// at most twice.
class ActionLexer {
public:
  explicit ActionLexer(StringRef Text) : Text(Text), Failed(Text.size(), 0) {}

  /// One past the `}}` of the action opened at Begin, or None.
  Optional<uint32_t> findEnd(uint32_t Begin) {
    Visited.clear();
    uint32_t N = Text.size();
    uint32_t P = Begin + 2;
    ScanMode M = Normal;
    while (P < N) {
      if (Failed[P] & M)
        break;
      Visited.push_back({P, M});
      char C = Text[P];
      char Next = P + 1 < N ? Text[P + 1] : '\0';
      switch (M) {
      case Normal:
        if (C == '}' && Next == '}')
          return P + 2;
        if (C == '{' || C == '}')
          return fail(); // a pipeline has no braces: the action is broken
        if (C == '/' && Next == '*') {
          M = BlockComment;
          P += 2;
          continue;
        }
        M = C == '"'    ? DoubleQuoted
            : C == '\'' ? SingleQuoted
            : C == '`'  ? RawString
                        : Normal;
        break;
      case DoubleQuoted:
      case SingleQuoted:
        if (C == '\\' && Next != '\n') {
          P += 2;
          continue;
        }
        if (C == '\n' || C == (M == DoubleQuoted ? '"' : '\''))
          M = Normal;
        break;
      case RawString:
        if (C == '`')
          M = Normal;
        break;
      case BlockComment:
        if (C == '*' && Next == '/') {
          M = Normal;
          P += 2;
          continue;
        }
        break;
      }
      ++P;
    }
    return fail();
  }

private:
  /// Remembers the scan's (position, mode) pairs: each leads to the same end.
  Optional<uint32_t> fail() {
    for (auto &V : Visited)
      Failed[V.first] |= V.second;
    return None;
  }

  StringRef Text;
  std::vector<uint8_t> Failed;
  std::vector<std::pair<uint32_t, ScanMode>> Visited;
};

/// An open if/with/range/define/block.
struct Frame {
  StringRef Keyword;
  SourceRange Opener;
  Optional<std::string> Dot;
  bool Discards = false;    ///< a define body or an else branch
  bool OwnsDiscard = false; ///< no enclosing block was discarding already
  uint32_t DiscardFrom = 0; ///< first discarded byte
  size_t DefineIndex = ~size_t(0);
};

/// Builds a PreprocessedTemplate; one instance per call.
class Preprocessor {
public:
  explicit Preprocessor(StringRef Text) : Text(Text), Lexer(Text) {
    Out.Yaml = Text.str();
  }

  PreprocessedTemplate run() {
    findActions();
    for (SourceRange R : Raw)
      classify(R);
    closeOpenBlocks();
    fill();
    return std::move(Out);
  }

private:
  void findActions();
  void checkStrayClose(uint32_t Begin, uint32_t End);
  void classify(SourceRange R);
  void closeOpenBlocks();
  void fill();
  void blank(SourceRange R, char With);
  void error(SourceRange R, const Twine &Message) {
    Out.Errors.push_back({Message.str(), R});
  }
  SourceRange pipelineOf(SourceRange R) const;
  bool discarding() const { return NumDiscarding > 0; }
  void startDiscard(Frame &F, uint32_t From) {
    F.Discards = true;
    F.OwnsDiscard = NumDiscarding == 0;
    F.DiscardFrom = From;
    ++NumDiscarding;
  }
  void keep(ActionKind Kind, SourceRange R, SourceRange Pipe);
  Optional<std::string> currentDot() const {
    return Stack.empty() ? Optional<std::string>(std::string())
                         : Stack.back().Dot;
  }

  StringRef Text;
  ActionLexer Lexer;
  PreprocessedTemplate Out;
  std::vector<SourceRange> Raw;
  std::vector<SourceRange> Unterminated;
  std::vector<Frame> Stack;
  unsigned NumDiscarding = 0;
  int LineBraces = 0;
};

} // namespace

/// Longer `with` field paths are not tracked (each action copies its dot).
constexpr size_t MaxDotPath = 256;

static bool isBlank(char C) { return C == ' ' || C == '\t' || C == '\r'; }
static bool isSpace(char C) { return isBlank(C) || C == '\n'; }

StringRef firstWord(StringRef Pipeline) {
  Pipeline = Pipeline.ltrim();
  size_t End = Pipeline.find_first_of(" \t\r\n(|)");
  return Pipeline.take_front(End);
}

/// A field path made absolute against Dot, or None when it is not a plain
/// field path (`.Values.image`, `$.Values.image`, `.`, `$`).
static Optional<std::string> fieldPathFrom(const Optional<std::string> &Dot,
                                           StringRef Expr) {
  Expr = Expr.trim();
  if (Expr.empty() || Expr.size() > MaxDotPath)
    return None;
  bool Valid = Expr.find_if([](char C) {
    return !(isAlnum(C) || C == '_' || C == '.' || C == '$');
  }) == StringRef::npos;
  if (!Valid)
    return None;
  if (Expr.consume_front("$"))
    return Expr == "" || Expr.startswith(".")
               ? Optional<std::string>(Expr.str())
               : None;
  if (!Expr.startswith(".") || !Dot)
    return None;
  if (Expr == ".")
    return *Dot;
  if (Dot->size() + Expr.size() > MaxDotPath)
    return None;
  return *Dot + Expr.str();
}

void Preprocessor::checkStrayClose(uint32_t Begin, uint32_t End) {
  for (uint32_t P = Begin; P < End; ++P) {
    char C = Text[P];
    if (C == '\n') {
      LineBraces = 0;
    } else if (C == '{') {
      ++LineBraces;
    } else if (C == '}' && P + 1 < End && Text[P + 1] == '}') {
      if (LineBraces < 2)
        error({P, P + 2}, "'}}' without a matching '{{'");
      LineBraces = std::max(0, LineBraces - 2);
      ++P;
    } else if (C == '}') {
      LineBraces = std::max(0, LineBraces - 1);
    }
  }
}

void Preprocessor::findActions() {
  uint32_t P = 0;
  uint32_t N = Text.size();
  while (P < N) {
    size_t Open = Text.find("{{", P);
    uint32_t Stop = Open == StringRef::npos ? N : Open;
    checkStrayClose(P, Stop);
    if (Open == StringRef::npos)
      return;
    if (Optional<uint32_t> End = Lexer.findEnd(Open)) {
      Raw.push_back({Stop, *End});
      P = *End;
      continue;
    }
    size_t LineEnd = std::min<size_t>(Text.find('\n', Open), N);
    error({Stop, Stop + 2}, "'{{' without a matching '}}'");
    Unterminated.push_back({Stop, static_cast<uint32_t>(LineEnd)});
    P = LineEnd;
  }
}

SourceRange Preprocessor::pipelineOf(SourceRange R) const {
  uint32_t B = R.Begin + 2;
  uint32_t E = R.End - 2;
  if (B + 1 < E && Text[B] == '-' && isSpace(Text[B + 1]))
    ++B;
  if (E >= B + 2 && Text[E - 1] == '-' && isSpace(Text[E - 2]))
    --E;
  while (B < E && isSpace(Text[B]))
    ++B;
  while (E > B && isSpace(Text[E - 1]))
    --E;
  return {B, E};
}

void Preprocessor::keep(ActionKind Kind, SourceRange R, SourceRange Pipe) {
  TemplateAction A;
  A.Kind = Kind;
  A.Range = R;
  A.Pipeline = Pipe;
  A.Dot = currentDot();
  if (Kind == ActionKind::Output) {
    StringRef P = Text.slice(Pipe.Begin, Pipe.End);
    for (StringRef W : {"toYaml", "nindent", "indent"}) {
      size_t At = P.find(W);
      A.PrintsBlock |=
          At != StringRef::npos && (At == 0 || !isAlnum(P[At - 1])) &&
          (At + W.size() == P.size() || !isAlnum(P[At + W.size()]));
    }
  }
  Out.Actions.push_back(std::move(A));
}

/// The first string literal of S ("name" or `name`), or "".
static StringRef firstStringLiteral(StringRef S, size_t &Offset) {
  size_t Q = S.find_first_of("\"`");
  if (Q == StringRef::npos)
    return "";
  size_t E = S.find(S[Q], Q + 1);
  if (E == StringRef::npos)
    return "";
  Offset = Q + 1;
  return S.slice(Q + 1, E);
}

void Preprocessor::classify(SourceRange R) {
  SourceRange Pipe = pipelineOf(R);
  StringRef P = Text.slice(Pipe.Begin, Pipe.End);
  if (P.startswith("/*")) {
    if (!discarding())
      keep(ActionKind::Comment, R, Pipe);
    return;
  }
  StringRef Word = firstWord(P);
  StringRef Rest = P.drop_front(Word.size());
  bool WasDiscarding = discarding();
  if (Word == "if" || Word == "with" || Word == "range" || Word == "block" ||
      Word == "define") {
    Frame F;
    F.Keyword = Word;
    F.Opener = R;
    F.Dot = Word == "with"    ? fieldPathFrom(currentDot(), Rest)
            : Word == "range" ? None
                              : currentDot();
    if (Word == "define") {
      startDiscard(F, R.End);
      size_t Off = 0;
      StringRef Name = firstStringLiteral(Rest, Off);
      uint32_t NameBegin = Pipe.Begin + Word.size() + Off;
      F.DefineIndex = Out.Defines.size();
      Out.Defines.push_back(
          {Name.str(), {NameBegin, NameBegin + uint32_t(Name.size())}, {}});
    }
    if (!WasDiscarding)
      keep(ActionKind::Control, R, Pipe);
    Stack.push_back(std::move(F));
    return;
  }
  if (Word == "else") {
    if (Stack.empty() || Stack.back().Keyword == "define" ||
        Stack.back().Keyword == "block") {
      error(R, "'{{ else }}' outside an if, with or range block");
      if (!WasDiscarding)
        keep(ActionKind::Control, R, Pipe);
      return;
    }
    if (!WasDiscarding)
      keep(ActionKind::Control, R, Pipe);
    Frame &Top = Stack.back();
    if (!Top.Discards)
      startDiscard(Top, R.End);
    return;
  }
  if (Word == "end") {
    if (Stack.empty()) {
      error(R, "'{{ end }}' without an open block");
      keep(ActionKind::Control, R, Pipe);
      return;
    }
    Frame F = std::move(Stack.back());
    Stack.pop_back();
    if (F.Discards)
      --NumDiscarding;
    if (F.OwnsDiscard)
      blank({F.DiscardFrom, R.Begin}, ' ');
    if (F.DefineIndex < Out.Defines.size())
      Out.Defines[F.DefineIndex].Body = {F.Opener.End, R.Begin};
    if (!discarding())
      keep(ActionKind::Control, R, Pipe);
    return;
  }
  if (WasDiscarding)
    return;
  bool Control = Word == "break" || Word == "continue";
  bool Assign = Word.startswith("$") &&
                (Rest.ltrim().startswith(":=") || Rest.ltrim().startswith("="));
  keep(Control  ? ActionKind::Control
       : Assign ? ActionKind::Assign
                : ActionKind::Output,
       R, Pipe);
}

void Preprocessor::closeOpenBlocks() {
  for (const Frame &F : Stack)
    error(F.Opener,
          Twine("'{{ ") + F.Keyword + " }}' is never closed by '{{ end }}'");
  Stack.clear();
}

void Preprocessor::blank(SourceRange R, char With) {
  for (uint32_t P = R.Begin; P < R.End && P < Out.Yaml.size(); ++P)
    if (Out.Yaml[P] != '\n')
      Out.Yaml[P] = With;
}

void Preprocessor::fill() {
  for (SourceRange R : Unterminated)
    blank(R, ' ');
  // Lines with YAML content outside actions; actions are marked first.
  std::string Marked = Out.Yaml;
  for (const TemplateAction &A : Out.Actions)
    for (uint32_t P = A.Range.Begin; P < A.Range.End; ++P)
      if (Marked[P] != '\n')
        Marked[P] = '\0';
  std::vector<uint32_t> LineStarts{0};
  std::vector<uint32_t> ContentBefore{0}; // content lines before line i
  bool Content = false;
  for (uint32_t P = 0; P < Marked.size(); ++P) {
    char C = Marked[P];
    if (C == '\n') {
      ContentBefore.push_back(ContentBefore.back() + Content);
      LineStarts.push_back(P + 1);
      Content = false;
      continue;
    }
    if (C == '#' && (P == 0 || isSpace(Marked[P - 1]) || Marked[P - 1] == 0)) {
      size_t Nl = Marked.find('\n', P);
      P = (Nl == std::string::npos ? Marked.size() : Nl) - 1;
      continue;
    }
    Content |= C != '\0' && !isBlank(C);
  }
  ContentBefore.push_back(ContentBefore.back() + Content);
  auto LineOf = [&](uint32_t Off) {
    return std::upper_bound(LineStarts.begin(), LineStarts.end(), Off) -
           LineStarts.begin() - 1;
  };
  for (TemplateAction &A : Out.Actions) {
    size_t First = LineOf(A.Range.Begin);
    size_t Last = LineOf(A.Range.End - 1);
    A.Standalone = ContentBefore[Last + 1] == ContentBefore[First];
    bool Blank = A.Standalone || A.PrintsBlock || A.Kind == ActionKind::Comment;
    blank(A.Range, Blank ? ' ' : PlaceholderChar);
  }
}

SmallVector<const TemplateAction *, 4>
PreprocessedTemplate::outputsIn(SourceRange R) const {
  SmallVector<const TemplateAction *, 4> Result;
  auto It = std::partition_point(
      Actions.begin(), Actions.end(),
      [&](const TemplateAction &A) { return A.Range.End <= R.Begin; });
  for (; It != Actions.end() && It->Range.Begin < R.End; ++It)
    if (It->Kind == ActionKind::Output)
      Result.push_back(&*It);
  return Result;
}

PreprocessedTemplate preprocessTemplate(StringRef Text) {
  return Preprocessor(Text).run();
}

} // namespace helm
} // namespace adminlint
