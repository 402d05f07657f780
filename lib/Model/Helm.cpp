//===- Helm.cpp - Helm charts: values, metadata and image resolution ------===//
//
// The evaluator knows a small, safe subset of Go templates and Sprig: field
// paths into .Values and .Chart, string literals, parentheses, pipelines,
// default, quote, squote, printf, print, trim, trimPrefix, trimSuffix, lower,
// upper, toString, required, coalesce, include and the template action.
// Anything else (.Release, variables, control actions, other functions) is
// unknown, and an unknown value is never guessed.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/Helm.h"
#include "lib/Model/Kubernetes.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {
namespace helm {

namespace {

/// Bounds on nested includes and parentheses, and on text read by include.
constexpr unsigned MaxIncludeDepth = 8;
constexpr unsigned MaxParenDepth = 16;
constexpr size_t MaxEvaluatedText = 4096;
/// Bounds on all text one evaluation reads (includes in includes) and on
/// what it prints, so hostile defines cannot blow up.
constexpr size_t MaxTextBudget = 65536;
constexpr size_t MaxPrinted = 65536;

enum class TokKind {
  LParen,
  RParen,
  Pipe,
  String,
  Number,
  Field,
  Ident,
  Other
};

/// A token of a pipeline.
struct Token {
  TokKind Kind;
  std::string Text; ///< decoded for strings
};

/// A value during evaluation.
struct Value {
  enum Kind { Unknown, Nil, Str, Node } K = Unknown;
  std::string S;
  const yaml::Node *N = nullptr;
  Optional<std::string> Path; ///< the field path that produced it, if any

  static Value unknown() { return Value(); }
  static Value nil() {
    Value V;
    V.K = Nil;
    return V;
  }
  static Value str(std::string S) {
    Value V;
    V.K = Str;
    V.S = std::move(S);
    return V;
  }
};

/// Evaluates one pipeline's tokens.
class PipelineEvaluator {
public:
  PipelineEvaluator(ArrayRef<Token> Toks, const ChartScope &Scope,
                    const Optional<std::string> &Dot, unsigned IncludeDepth,
                    size_t &Budget)
      : Toks(Toks), Scope(Scope), Dot(Dot), IncludeDepth(IncludeDepth),
        Budget(Budget) {}

  Value run() {
    Value V = pipeline(0);
    return Pos == Toks.size() ? V : Value::unknown();
  }

private:
  Value pipeline(unsigned Depth);
  Value command(Optional<Value> Piped, unsigned Depth);
  Value operand(unsigned Depth);
  Value field(StringRef Written);
  Value call(StringRef Fn, SmallVectorImpl<Value> &Args);
  Value include(SmallVectorImpl<Value> &Args);
  bool atEnd() const {
    return Pos == Toks.size() || Toks[Pos].Kind == TokKind::Pipe ||
           Toks[Pos].Kind == TokKind::RParen;
  }

  ArrayRef<Token> Toks;
  const ChartScope &Scope;
  const Optional<std::string> &Dot;
  unsigned IncludeDepth;
  size_t &Budget;
  size_t Pos = 0;
};

} // namespace

static Evaluation evaluateAt(StringRef Text, const ChartScope &Scope,
                             const Optional<std::string> &Dot,
                             unsigned IncludeDepth, size_t &Budget);

//===----------------------------------------------------------------------===//
// Chart layout
//===----------------------------------------------------------------------===//

Optional<std::string> chartDirOf(StringRef Path) {
  if (Path.startswith("templates/"))
    return std::string();
  size_t At = Path.rfind("/templates/");
  if (At == StringRef::npos)
    return None;
  return Path.take_front(At).str();
}

static std::string joinPath(StringRef Dir, StringRef Name) {
  return Dir.empty() ? Name.str() : (Dir + "/" + Name).str();
}

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

static bool isNullScalar(const yaml::Node &N) {
  if (N.isNull())
    return true;
  if (!N.isScalar() || N.style() != yaml::NodeStyle::Plain)
    return false;
  StringRef V = N.value();
  return V.empty() || V == "~" || V == "null" || V == "Null" || V == "NULL";
}

/// Helm reads values as JSON numbers (float64): a plain number prints as
/// written only when it is a short integer or a short decimal without a
/// trailing zero (1.10 prints 1.1); other numbers are not guessed.
static bool printsAsWritten(StringRef Plain) {
  bool Numeric = Plain.find_first_of("0123456789") != StringRef::npos &&
                 Plain.find_first_not_of("0123456789.+-eE") == StringRef::npos;
  if (!Numeric || Plain.count('.') > 1)
    return true; // a string, such as a version "1.2.3"
  if (Plain.find_first_not_of("0123456789.") != StringRef::npos ||
      Plain.size() > 6)
    return false;
  size_t Dot = Plain.find('.');
  if (Dot == StringRef::npos)
    return Plain.size() == 1 || Plain[0] != '0';
  return Dot > 0 && Dot + 1 < Plain.size() && !Plain.endswith("0");
}

static Value nodeValue(const yaml::Node *N) {
  if (!N || isNullScalar(*N))
    return Value::nil();
  Value V;
  V.K = Value::Node;
  V.N = N;
  return V;
}

/// The text a value prints as, or None (maps, nil, unknown, odd numbers).
static Optional<std::string> printed(const Value &V) {
  switch (V.K) {
  case Value::Str:
    return V.S;
  case Value::Node:
    if (!V.N->isScalar())
      return None;
    if (V.N->style() == yaml::NodeStyle::Plain &&
        !printsAsWritten(V.N->value()))
      return None;
    return V.N->value().str();
  case Value::Nil:
  case Value::Unknown:
    return None;
  }
  return None;
}

/// Sprig's `empty`: nil, "", false, 0 and empty collections.
static Optional<bool> isEmpty(const Value &V) {
  switch (V.K) {
  case Value::Unknown:
    return None;
  case Value::Nil:
    return true;
  case Value::Str:
    return V.S.empty();
  case Value::Node:
    if (V.N->isScalar()) {
      StringRef S = V.N->value();
      bool Plain = V.N->style() == yaml::NodeStyle::Plain;
      return S.empty() || (Plain && (S == "false" || S == "0"));
    }
    return V.N->isMapping() ? V.N->entries().empty() : V.N->items().empty();
  }
  return None;
}

//===----------------------------------------------------------------------===//
// Tokens
//===----------------------------------------------------------------------===//

static bool isFieldChar(char C) {
  return isAlnum(C) || C == '_' || C == '.' || C == '$' || C == '-';
}

/// Decodes a Go string literal starting at S[I]; advances I past it.
static Optional<std::string> stringLiteral(StringRef S, size_t &I) {
  char Quote = S[I++];
  std::string Out;
  while (I < S.size() && S[I] != Quote) {
    char C = S[I++];
    if (Quote == '"' && C == '\\' && I < S.size()) {
      char E = S[I++];
      Out += E == 'n' ? '\n' : E == 't' ? '\t' : E;
      continue;
    }
    Out += C;
  }
  if (I >= S.size())
    return None;
  ++I;
  return Out;
}

static Optional<std::vector<Token>> tokenize(StringRef S) {
  std::vector<Token> Out;
  size_t I = 0;
  while (I < S.size()) {
    char C = S[I];
    if (isSpace(C)) {
      ++I;
      continue;
    }
    if (C == '(' || C == ')' || C == '|') {
      Out.push_back({C == '('   ? TokKind::LParen
                     : C == ')' ? TokKind::RParen
                                : TokKind::Pipe,
                     std::string(1, C)});
      ++I;
      continue;
    }
    if (C == '"' || C == '`') {
      Optional<std::string> Lit = stringLiteral(S, I);
      if (!Lit)
        return None;
      Out.push_back({TokKind::String, std::move(*Lit)});
      continue;
    }
    size_t B = I;
    while (I < S.size() && isFieldChar(S[I]))
      ++I;
    if (I == B)
      return None;
    StringRef W = S.slice(B, I);
    TokKind K = W.startswith(".") || W.startswith("$") ? TokKind::Field
                : isDigit(W[0]) || W[0] == '-'         ? TokKind::Number
                : W.contains('.') || W.contains('-')   ? TokKind::Other
                                                       : TokKind::Ident;
    Out.push_back({K, W.str()});
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// Pipelines
//===----------------------------------------------------------------------===//

Value PipelineEvaluator::pipeline(unsigned Depth) {
  Optional<Value> Piped;
  while (true) {
    Value V = command(Piped, Depth);
    Piped = std::move(V);
    if (Pos < Toks.size() && Toks[Pos].Kind == TokKind::Pipe) {
      ++Pos;
      continue;
    }
    return std::move(*Piped);
  }
}

Value PipelineEvaluator::command(Optional<Value> Piped, unsigned Depth) {
  if (atEnd())
    return Value::unknown();
  if (Toks[Pos].Kind == TokKind::Ident && Toks[Pos].Text != "true" &&
      Toks[Pos].Text != "false" && Toks[Pos].Text != "nil") {
    StringRef Fn = Toks[Pos++].Text;
    SmallVector<Value, 4> Args;
    while (!atEnd())
      Args.push_back(operand(Depth));
    if (Piped)
      Args.push_back(std::move(*Piped));
    return call(Fn, Args);
  }
  Value V = operand(Depth);
  return Piped || !atEnd() ? Value::unknown() : V;
}

Value PipelineEvaluator::operand(unsigned Depth) {
  const Token &T = Toks[Pos++];
  switch (T.Kind) {
  case TokKind::String:
  case TokKind::Number:
    return Value::str(T.Text);
  case TokKind::Field:
    return field(T.Text);
  case TokKind::Ident:
    if (T.Text == "nil")
      return Value::nil();
    return T.Text == "true" || T.Text == "false" ? Value::str(T.Text)
                                                 : Value::unknown();
  case TokKind::LParen: {
    if (Depth >= MaxParenDepth)
      return Value::unknown();
    Value V = pipeline(Depth + 1);
    if (Pos >= Toks.size() || Toks[Pos].Kind != TokKind::RParen)
      return Value::unknown();
    ++Pos;
    return V;
  }
  case TokKind::RParen:
  case TokKind::Pipe:
  case TokKind::Other:
    return Value::unknown();
  }
  return Value::unknown();
}

/// A field of .Values: nil for a missing key of a map, unknown where Helm
/// would fail (a field of nil or of a scalar).
static Value valuesField(const yaml::Node *Values, ArrayRef<StringRef> Keys) {
  const yaml::Node *N = Values;
  for (size_t I = 0; I < Keys.size(); ++I) {
    bool Missing = !N || isNullScalar(*N);
    if (Missing && I > 0)
      return Value::unknown();
    if (!Missing && !N->isMapping())
      return Value::unknown();
    N = Missing ? nullptr : N->get(Keys[I]);
  }
  return nodeValue(N);
}

/// The absolute path of a written field (`.a.b`, `$.a`, `$`, `.`), or None.
static Optional<std::string> absolutePath(StringRef Written,
                                          const Optional<std::string> &Dot) {
  if (Written.consume_front("$")) {
    if (!Written.empty() && !Written.startswith("."))
      return None; // a variable
    return Written.str();
  }
  if (!Dot)
    return None;
  return Written == "." ? *Dot : *Dot + Written.str();
}

Value PipelineEvaluator::field(StringRef Written) {
  Optional<std::string> Path = absolutePath(Written, Dot);
  if (!Path)
    return Value::unknown();
  SmallVector<StringRef, 8> Parts;
  StringRef(*Path).split(Parts, '.', -1, false);
  Value V = Value::unknown();
  if (Parts.size() >= 2 && Parts[0] == "Values") {
    V = valuesField(Scope.Values, makeArrayRef(Parts).drop_front());
  } else if (Parts.size() == 2 && Parts[0] == "Chart" && Scope.Chart) {
    StringRef Fieldname = Parts[1];
    const std::string *S = Fieldname == "AppVersion" ? &Scope.Chart->AppVersion
                           : Fieldname == "Name"     ? &Scope.Chart->Name
                           : Fieldname == "Version"  ? &Scope.Chart->Version
                                                     : nullptr;
    if (S)
      V = S->empty() ? Value::nil() : Value::str(*S);
  }
  V.Path = std::move(Path);
  return V;
}

static Optional<std::string> printfFormat(StringRef Fmt, ArrayRef<Value> Args) {
  std::string Out;
  size_t Next = 0;
  for (size_t I = 0; I < Fmt.size(); ++I) {
    if (Fmt[I] != '%') {
      Out += Fmt[I];
      continue;
    }
    if (++I >= Fmt.size())
      return None;
    if (Fmt[I] == '%') {
      Out += '%';
      continue;
    }
    if (!StringRef("svdq").contains(Fmt[I]) || Next >= Args.size())
      return None;
    Optional<std::string> S = printed(Args[Next++]);
    if (!S)
      return None;
    Out += Fmt[I] == 'q' ? "\"" + *S + "\"" : *S;
  }
  if (Next != Args.size())
    return None;
  return Out;
}

static Value quoteAll(ArrayRef<Value> Args, char Q) {
  std::string Out;
  for (const Value &A : Args) {
    if (A.K == Value::Nil)
      continue;
    Optional<std::string> S = printed(A);
    if (!S)
      return Value::unknown();
    if (!Out.empty())
      Out += ' ';
    Out += Q + *S + Q;
  }
  return Value::str(Out);
}

/// Applies a one-string function to the last argument.
static Value mapString(ArrayRef<Value> Args, size_t Arity,
                       function_ref<std::string(StringRef)> F) {
  if (Args.size() != Arity)
    return Value::unknown();
  Optional<std::string> S = printed(Args.back());
  return S ? Value::str(F(*S)) : Value::unknown();
}

Value PipelineEvaluator::call(StringRef Fn, SmallVectorImpl<Value> &Args) {
  if (Fn == "default") {
    if (Args.size() != 2)
      return Value::unknown();
    Optional<bool> Empty = isEmpty(Args[1]);
    if (!Empty)
      return Value::unknown();
    return *Empty ? Args[0] : Args[1];
  }
  if (Fn == "coalesce") {
    for (Value &A : Args) {
      Optional<bool> Empty = isEmpty(A);
      if (!Empty || !*Empty)
        return Empty ? A : Value::unknown();
    }
    return Value::nil();
  }
  if (Fn == "required")
    return Args.size() == 2 && isEmpty(Args[1]) == Optional<bool>(false)
               ? Args[1]
               : Value::unknown();
  if (Fn == "quote")
    return quoteAll(Args, '"');
  if (Fn == "squote")
    return quoteAll(Args, '\'');
  if (Fn == "printf") {
    Optional<std::string> Fmt =
        Args.empty() || Args[0].K != Value::Str ? None : printed(Args[0]);
    if (!Fmt)
      return Value::unknown();
    Optional<std::string> S =
        printfFormat(*Fmt, makeArrayRef(Args).drop_front());
    return S ? Value::str(*S) : Value::unknown();
  }
  if (Fn == "print") {
    std::string Out;
    for (const Value &A : Args) {
      Optional<std::string> S = printed(A);
      if (!S)
        return Value::unknown();
      Out += *S;
    }
    return Value::str(Out);
  }
  if (Fn == "toString")
    return mapString(Args, 1, [](StringRef S) { return S.str(); });
  if (Fn == "trim")
    return mapString(Args, 1, [](StringRef S) { return S.trim().str(); });
  if (Fn == "lower")
    return mapString(Args, 1, [](StringRef S) { return S.lower(); });
  if (Fn == "upper")
    return mapString(Args, 1, [](StringRef S) { return S.upper(); });
  if (Fn == "trimPrefix" || Fn == "trimSuffix") {
    Optional<std::string> Affix =
        Args.size() == 2 ? printed(Args[0]) : Optional<std::string>();
    if (!Affix)
      return Value::unknown();
    bool Prefix = Fn == "trimPrefix";
    return mapString(Args, 2, [&](StringRef S) {
      if (Prefix)
        S.consume_front(*Affix);
      else
        S.consume_back(*Affix);
      return S.str();
    });
  }
  if (Fn == "include" || Fn == "template")
    return include(Args);
  return Value::unknown();
}

Value PipelineEvaluator::include(SmallVectorImpl<Value> &Args) {
  if (Args.size() != 2 || Args[0].K != Value::Str ||
      IncludeDepth >= MaxIncludeDepth)
    return Value::unknown();
  auto It = Scope.Defines.find(Args[0].S);
  if (It == Scope.Defines.end() || It->second.size() > MaxEvaluatedText)
    return Value::unknown();
  Optional<std::string> ArgDot = Args[1].Path;
  if (!ArgDot)
    return Value::unknown();
  Evaluation E =
      evaluateAt(It->second, Scope, ArgDot, IncludeDepth + 1, Budget);
  return E.Resolved ? Value::str(E.Text) : Value::unknown();
}

//===----------------------------------------------------------------------===//
// Template text
//===----------------------------------------------------------------------===//

namespace {
/// Evaluates literal text with actions, honouring trim markers.
class TextEvaluator {
public:
  TextEvaluator(const ChartScope &Scope, const Optional<std::string> &Dot,
                unsigned IncludeDepth, size_t &Budget)
      : Scope(Scope), Dot(Dot), IncludeDepth(IncludeDepth), Budget(Budget) {}

  Evaluation run(StringRef Text);

private:
  void action(StringRef Inner);

  const ChartScope &Scope;
  const Optional<std::string> &Dot;
  unsigned IncludeDepth;
  size_t &Budget;
  Evaluation Out;
};
} // namespace

/// One past the `}}` closing the action at Text[Begin], or npos.
static size_t actionEnd(StringRef Text, size_t Begin) {
  char Quote = 0;
  for (size_t I = Begin + 2; I < Text.size(); ++I) {
    char C = Text[I];
    if (Quote) {
      if (C == '\\' && Quote == '"')
        ++I;
      else if (C == Quote)
        Quote = 0;
      continue;
    }
    if (C == '"' || C == '`')
      Quote = C;
    else if (C == '}' && I + 1 < Text.size() && Text[I + 1] == '}')
      return I + 2;
  }
  return StringRef::npos;
}

Evaluation TextEvaluator::run(StringRef Text) {
  bool TrimNext = false;
  size_t P = 0;
  while (P < Text.size()) {
    if (Out.Text.size() > MaxPrinted) {
      Out.Resolved = false;
      break;
    }
    size_t Open = Text.find("{{", P);
    StringRef Lit = Text.slice(P, Open);
    if (TrimNext)
      Lit = Lit.ltrim();
    Out.Text += Lit.str();
    if (Open == StringRef::npos)
      break;
    size_t End = actionEnd(Text, Open);
    if (End == StringRef::npos) {
      Out.Resolved = false;
      Out.Text += Text.substr(Open).str();
      break;
    }
    StringRef Inner = Text.slice(Open + 2, End - 2);
    if (Inner.size() >= 2 && Inner[0] == '-' && isSpace(Inner[1])) {
      while (!Out.Text.empty() && isSpace(Out.Text.back()))
        Out.Text.pop_back();
      Inner = Inner.drop_front();
    }
    TrimNext = Inner.size() >= 2 && Inner.back() == '-' &&
               isSpace(Inner[Inner.size() - 2]);
    if (TrimNext)
      Inner = Inner.drop_back();
    action(Inner.trim());
    P = End;
  }
  return std::move(Out);
}

void TextEvaluator::action(StringRef Inner) {
  if (Inner.startswith("/*"))
    return;
  Optional<std::vector<Token>> Toks = tokenize(Inner);
  Value V = Value::unknown();
  if (Toks) {
    StringRef Word = firstWord(Inner);
    bool Control = Word == "if" || Word == "else" || Word == "end" ||
                   Word == "range" || Word == "with" || Word == "define" ||
                   Word == "block" || Word == "break" || Word == "continue";
    if (!Control)
      V = PipelineEvaluator(*Toks, Scope, Dot, IncludeDepth, Budget).run();
  }
  if (Optional<std::string> S = printed(V)) {
    Out.Text += *S;
    return;
  }
  Out.Resolved = false;
  Out.Text += "{{ " + Inner.str() + " }}";
}

static Evaluation evaluateAt(StringRef Text, const ChartScope &Scope,
                             const Optional<std::string> &Dot,
                             unsigned IncludeDepth, size_t &Budget) {
  if (Text.size() > Budget)
    return {Text.str(), false};
  Budget -= Text.size();
  return TextEvaluator(Scope, Dot, IncludeDepth, Budget).run(Text);
}

Evaluation evaluateTemplateText(StringRef Text, const ChartScope &Scope,
                                const Optional<std::string> &Dot) {
  size_t Budget = std::max(MaxTextBudget, Text.size());
  return evaluateAt(Text, Scope, Dot, 0, Budget);
}

//===----------------------------------------------------------------------===//
// Resolver
//===----------------------------------------------------------------------===//

HelmResolver::HelmResolver(const RepoModel &M) {
  for (const auto &F : M.Files) {
    if (F->Kind != FileKind::HelmChart || !F->Model)
      continue;
    StringRef Dir =
        sys::path::parent_path(F->File->path(), sys::path::Style::posix);
    ChartScope &S = Charts[Dir];
    S.Chart = F->model<ChartMeta>();
    if (const FileAnalysis *V = M.findFile(joinPath(Dir, "values.yaml")))
      if (V->Kind == FileKind::HelmValues && V->Model)
        S.Values = V->model<ValuesModel>()->Root;
  }
  for (const auto &F : M.Files) {
    if (F->Kind != FileKind::HelmTemplate || !F->Model)
      continue;
    Templates[F->File->path()] = F.get();
    Optional<std::string> Dir = chartDirOf(F->File->path());
    auto It = Dir ? Charts.find(*Dir) : Charts.end();
    if (It == Charts.end())
      continue;
    StringRef Text = F->File->text();
    for (const NamedTemplate &D : F->model<TemplateModel>()->Template.Defines)
      It->second.Defines.try_emplace(D.Name,
                                     Text.slice(D.Body.Begin, D.Body.End));
  }
}

const ChartScope *HelmResolver::scopeOf(StringRef ChartDir) const {
  auto It = Charts.find(ChartDir);
  return It == Charts.end() ? nullptr : &It->second;
}

/// The scalar text of a range without its quotes.
static StringRef scalarContent(StringRef Host, SourceRange R) {
  StringRef S = Host.slice(R.Begin, R.End);
  if (S.size() >= 2 && (S[0] == '"' || S[0] == '\'') && S.back() == S[0])
    return S.drop_front().drop_back();
  return S;
}

ImageRef HelmResolver::resolveImage(const Workload &W) const {
  auto It =
      W.Image.File ? Templates.find(W.Image.File->path()) : Templates.end();
  if (It == Templates.end())
    return W.Image;
  const FileAnalysis *F = It->second;
  Optional<std::string> Dir = chartDirOf(F->File->path());
  const ChartScope *Scope = Dir ? scopeOf(*Dir) : nullptr;
  const PreprocessedTemplate &T = F->model<TemplateModel>()->Template;
  auto Actions = T.outputsIn(W.Image.Range);
  if (!Scope || Actions.empty())
    return W.Image;
  Evaluation E = evaluateTemplateText(
      scalarContent(F->File->text(), W.Image.Range), *Scope, Actions[0]->Dot);
  ImageRef R;
  k8s::parseImageRef(E.Text, R);
  R.File = W.Image.File;
  R.Range = W.Image.Range;
  return R;
}

} // namespace helm
} // namespace adminlint
