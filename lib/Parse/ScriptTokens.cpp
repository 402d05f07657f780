//===- ScriptTokens.cpp - Tokens and calls of Ruby and JavaScript ---------===//
#include "lib/Parse/ScriptTokens.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace adminlint {
namespace script {

/// How far a receiver chain is followed back, and how many tokens the
/// arguments of a call without parentheses may span: both keep the call
/// finder linear on hostile input.
static constexpr unsigned MaxChainSteps = 64;
static constexpr unsigned MaxBareArgTokens = 256;

static bool isOp(const Token &T, StringRef Text) {
  return T.Kind == TokenKind::Op && T.Text == Text;
}

static bool isMemberOp(const Token &T) {
  return T.Kind == TokenKind::Op &&
         (T.Text == "." || T.Text == "?." || T.Text == "&." || T.Text == "::");
}

static bool isOpener(StringRef T) { return T == "(" || T == "[" || T == "{"; }

static StringRef closerOf(StringRef Open) {
  return Open == "(" ? ")" : Open == "[" ? "]" : "}";
}

void pairBracket(Script &S, unsigned Index, std::vector<unsigned> &Open) {
  StringRef Text = S.Tokens[Index].Text;
  if (isOpener(Text)) {
    Open.push_back(Index);
    return;
  }
  for (size_t Up = Open.size(); Up > 0; --Up) {
    unsigned O = Open[Up - 1];
    if (closerOf(S.Tokens[O].Text) != Text)
      continue;
    if (Up != Open.size())
      S.Errors.push_back({"unclosed '" + S.Tokens[Open.back()].Text.str() + "'",
                          S.Tokens[Open.back()].Range});
    S.Tokens[O].Partner = Index;
    S.Tokens[Index].Partner = O;
    Open.resize(Up - 1);
    return;
  }
  S.Errors.push_back({"unmatched '" + Text.str() + "'", S.Tokens[Index].Range});
}

/// The first token of the receiver chain that ends at the name token Name.
static unsigned chainRoot(const Script &S, unsigned Name) {
  unsigned I = Name;
  for (unsigned Step = 0; Step < MaxChainSteps; ++Step) {
    if (I < 2 || !isMemberOp(S.Tokens[I - 1]))
      return I;
    const Token &Prev = S.Tokens[I - 2];
    if (Prev.Kind == TokenKind::Name || Prev.Kind == TokenKind::Number ||
        Prev.Kind == TokenKind::String) {
      I -= 2;
      continue;
    }
    bool Closer = isOp(Prev, ")") || isOp(Prev, "]");
    if (!Closer || Prev.Partner == NoPartner)
      return I;
    unsigned Open = Prev.Partner;
    if (Open > 0 && S.Tokens[Open - 1].Kind == TokenKind::Name &&
        !S.Tokens[Prev.Partner].SpaceBefore) {
      I = Open - 1;
      continue;
    }
    return Open;
  }
  return I;
}

/// The chain [Root, Name] as written, with bracket contents elided.
static std::string chainText(const Script &S, unsigned Root, unsigned Name) {
  std::string Out;
  for (unsigned I = Root; I <= Name && Out.size() < 200; ++I) {
    const Token &T = S.Tokens[I];
    if (T.Kind == TokenKind::Op && isOpener(T.Text) && T.Partner != NoPartner &&
        T.Partner <= Name) {
      Out += T.Text.str() + closerOf(T.Text).str();
      I = T.Partner;
      continue;
    }
    Out += T.Kind == TokenKind::String ? "\"…\"" : T.Text.str();
  }
  return Out;
}

static void addArgument(const Script &S, Call &C, unsigned Begin,
                        unsigned End) {
  if (Begin >= End)
    return;
  Argument A;
  A.Begin = Begin;
  A.End = End;
  A.Range = {S.Tokens[Begin].Range.Begin, S.Tokens[End - 1].Range.End};
  if (End == Begin + 1 && S.Tokens[Begin].Kind == TokenKind::String)
    A.Literal = S.Tokens[Begin].Literal;
  C.Args.push_back(A);
}

/// The arguments between an opening bracket and its partner.
static void bracketArguments(const Script &S, Call &C, unsigned Open) {
  unsigned Close = S.Tokens[Open].Partner;
  unsigned Begin = Open + 1;
  for (unsigned I = Open + 1; I < Close; ++I) {
    const Token &T = S.Tokens[I];
    if (T.Kind == TokenKind::Op && isOpener(T.Text) && T.Partner != NoPartner &&
        T.Partner < Close) {
      I = T.Partner;
      continue;
    }
    if (isOp(T, ",")) {
      addArgument(S, C, Begin, I);
      Begin = I + 1;
    }
  }
  addArgument(S, C, Begin, Close);
  C.Range.End = S.Tokens[Close].Range.End;
}

/// Whether a token can start an argument of a Ruby call without parentheses.
static bool startsBareArgument(const Token &T, const CallSyntax &Syntax) {
  if (!T.SpaceBefore)
    return false;
  switch (T.Kind) {
  case TokenKind::String:
  case TokenKind::Number:
    return true;
  case TokenKind::Name:
    return !Syntax.IsKeyword(T.Text) || T.Text == "self" || T.Text == "nil" ||
           T.Text == "true" || T.Text == "false" || T.Text == "__dir__" ||
           T.Text == "__FILE__";
  case TokenKind::Op:
    return T.Text == "[";
  default:
    return false;
  }
}

static bool endsBareArguments(const Token &T) {
  if (T.Kind == TokenKind::Newline)
    return true;
  if (T.Kind == TokenKind::Name)
    return StringSwitch<bool>(T.Text)
        .Cases("do", "if", "unless", "while", "until", "and", "or", true)
        .Cases("then", "rescue", "end", true)
        .Default(false);
  return T.Kind == TokenKind::Op &&
         (T.Text == ";" || T.Text == ")" || T.Text == "]" || T.Text == "}" ||
          T.Text == "{");
}

/// Ruby: `require "x"`, `conn.execute "SQL", binds` up to the end of the
/// statement (a trailing comma continues it on the next line).
static void bareArguments(const Script &S, Call &C, unsigned First) {
  unsigned Begin = First;
  unsigned I = First;
  unsigned Limit = std::min<size_t>(S.Tokens.size(), First + MaxBareArgTokens);
  for (; I < Limit; ++I) {
    const Token &T = S.Tokens[I];
    if (T.Kind == TokenKind::Newline && I > First && isOp(S.Tokens[I - 1], ","))
      continue;
    if (endsBareArguments(T))
      break;
    if (T.Kind == TokenKind::Op && isOpener(T.Text) && T.Partner != NoPartner) {
      I = T.Partner;
      continue;
    }
    if (isOp(T, ",")) {
      addArgument(S, C, Begin, I);
      Begin = I + 1;
      while (Begin < Limit && S.Tokens[Begin].Kind == TokenKind::Newline)
        ++Begin;
    }
  }
  unsigned End = std::min<unsigned>(I, Limit);
  addArgument(S, C, Begin, End);
  if (!C.Args.empty())
    C.Range.End = C.Args.back().Range.End;
}

static bool isDefinition(const Script &S, unsigned Root,
                         const CallSyntax &Syntax, unsigned AfterArgs) {
  if (Root > 0 && S.Tokens[Root - 1].Kind == TokenKind::Name &&
      (S.Tokens[Root - 1].Text == "def" ||
       S.Tokens[Root - 1].Text == "function"))
    return true;
  // JavaScript method and function definitions: `save() {`.
  return !Syntax.Ruby && AfterArgs < S.Tokens.size() &&
         isOp(S.Tokens[AfterArgs], "{");
}

/// The call whose method name is token N, if it is one.
static Optional<Call> callAt(const Script &S, unsigned N,
                             const CallSyntax &Syntax) {
  const Token &Name = S.Tokens[N];
  if (Name.Kind != TokenKind::Name)
    return None;
  // After a receiver a keyword is a method name: `query.delete()`, `x.class`.
  bool Receiver = N > 0 && isMemberOp(S.Tokens[N - 1]);
  if (!Receiver && Syntax.IsKeyword(Name.Text))
    return None;
  // Ruby symbols, instance and global variables are never callees.
  if (Syntax.Ruby && StringRef(":@$").contains(Name.Text.front()))
    return None;
  const Token *Next = N + 1 < S.Tokens.size() ? &S.Tokens[N + 1] : nullptr;
  bool Parens = Next && isOp(*Next, "(") && Next->Partner != NoPartner &&
                (!Next->SpaceBefore || !Syntax.Ruby);
  bool Tagged = !Syntax.Ruby && Next && Next->Kind == TokenKind::String &&
                !Next->SpaceBefore && Next->Text.startswith("`");
  bool Bare =
      Syntax.Ruby && !Parens && Next && startsBareArgument(*Next, Syntax);
  // `order.save!`, `valid?`: a Ruby name with a receiver or a `!`/`?`
  // suffix is a call even without arguments (a bare name may be a variable).
  bool Suffixed = Name.Text.endswith("!") || Name.Text.endswith("?");
  bool NoArgs = Syntax.Ruby && !Parens && !Bare &&
                ((Receiver &&
                  !(isOp(S.Tokens[N - 1], "::") && isCapitalized(Name.Text))) ||
                 Suffixed);
  if (!Parens && !Tagged && !Bare && !NoArgs)
    return None;
  Call C;
  C.NameToken = N;
  C.Method = Name.Text.str();
  C.CalleeRange = Name.Range;
  unsigned Root = chainRoot(S, N);
  unsigned AfterArgs = Parens ? Next->Partner + 1 : N + 1;
  if (isDefinition(S, Root, Syntax, AfterArgs))
    return None;
  C.HasReceiver = Root != N;
  C.Callee = chainText(S, Root, N);
  const Token &RootTok = S.Tokens[Root];
  if (RootTok.Kind == TokenKind::Name)
    C.Root = RootTok.Text.str();
  C.RootIsCall = C.HasReceiver && RootTok.Kind == TokenKind::Name &&
                 Root + 1 < N && isOp(S.Tokens[Root + 1], "(");
  C.IsNew = Root > 0 && S.Tokens[Root - 1].Kind == TokenKind::Name &&
            S.Tokens[Root - 1].Text == "new";
  C.TopLevel = RootTok.Depth == 0;
  C.Range = {C.IsNew ? S.Tokens[Root - 1].Range.Begin : RootTok.Range.Begin,
             Name.Range.End};
  if (Parens)
    bracketArguments(S, C, N + 1);
  else if (Tagged)
    addArgument(S, C, N + 1, N + 2);
  else if (Bare)
    bareArguments(S, C, N + 1);
  if (Tagged)
    C.Range.End = Next->Range.End;
  return C;
}

void findCalls(Script &S, const CallSyntax &Syntax) {
  for (unsigned I = 0; I < S.Tokens.size(); ++I)
    if (Optional<Call> C = callAt(S, I, Syntax))
      S.Calls.push_back(std::move(*C));
}

static StringRef skipSqlBlanks(StringRef Text) {
  for (;;) {
    Text = Text.ltrim();
    if (Text.startswith("--")) {
      Text = Text.drop_until([](char C) { return C == '\n'; });
      continue;
    }
    if (Text.startswith("/*")) {
      size_t End = Text.find("*/");
      Text = End == StringRef::npos ? StringRef() : Text.drop_front(End + 2);
      continue;
    }
    return Text;
  }
}

static StringRef nextWord(StringRef &Text) {
  Text = Text.ltrim();
  size_t N = 0;
  while (N < Text.size() && (isAlnum(Text[N]) || Text[N] == '_'))
    ++N;
  StringRef Word = Text.take_front(N);
  Text = Text.drop_front(N);
  return Word;
}

bool isSqlWrite(StringRef Text) {
  StringRef Rest = skipSqlBlanks(Text);
  std::string Verb = nextWord(Rest).upper();
  std::string Second = nextWord(Rest).upper();
  if (Verb == "UPDATE")
    return StringRef(Rest.upper()).contains(" SET ") ||
           StringRef(Rest.upper()).contains("\nSET ");
  if (Verb == "DELETE")
    return Second == "FROM";
  if (Verb == "INSERT" || Verb == "MERGE")
    return Second == "INTO";
  if (Verb == "ALTER" || Verb == "DROP")
    return Second == "TABLE" || Second == "INDEX" || Second == "COLUMN" ||
           Second == "SCHEMA" || Second == "DATABASE";
  return Verb == "TRUNCATE";
}

} // namespace script
} // namespace adminlint
