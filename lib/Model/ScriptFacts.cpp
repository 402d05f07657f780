//===- ScriptFacts.cpp - Facts the Ruby and JavaScript frontends share ----===//
#include "lib/Model/ScriptFacts.h"
#include "lib/Model/ArgvCommand.h"
#include "lib/Parse/Shell.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

using namespace llvm;

namespace adminlint {

void addReaderError(FileAnalysis &A, const script::Script &S,
                    StringRef Language) {
  if (S.Errors.empty())
    return;
  const script::ParseError &E = S.Errors.front();
  A.addDiag(E.LimitExceeded ? RuleId::ScanLimit : RuleId::ParseError, E.Range,
            (Language + ": " + E.Message).str());
}

std::vector<EmbeddedText> literalItems(const script::Script &S,
                                       const script::Argument &Arg) {
  std::vector<EmbeddedText> Items;
  const script::Token &Open = S.Tokens[Arg.Begin];
  if (Open.Kind != script::TokenKind::Op || Open.Text != "[" ||
      Open.Partner != Arg.End - 1)
    return Items;
  for (unsigned I = Arg.Begin + 1; I + 1 < Arg.End; ++I) {
    const script::Token &T = S.Tokens[I];
    if (T.Kind == script::TokenKind::String)
      Items.push_back(S.Strings[T.Literal].Value);
    else if (T.Kind != script::TokenKind::Op || T.Text != ",")
      return {};
  }
  return Items;
}

void addShellString(FileAnalysis &A, const EmbeddedText &Command,
                    StringRef Label, ShellHost Host,
                    const FrontendLimits &Limits) {
  shell::ParseOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  ShellUnit U;
  U.Host = Host;
  U.Label = Label.str();
  U.Script = shell::parse(Command, Opts);
  A.addShellErrors(U.Script);
  A.Shell.push_back(std::move(U));
}

void addShellArgv(FileAnalysis &A, const std::vector<EmbeddedText> &Argv,
                  SourceRange Whole, StringRef Label, ShellHost Host) {
  if (Argv.empty())
    return;
  ShellUnit U;
  U.Host = Host;
  U.Label = Label.str();
  U.Script = argvScript(Argv, Whole);
  A.Shell.push_back(std::move(U));
}

void findSqlWrites(const script::Script &S, PythonScriptModel &M) {
  for (const script::Call &C : S.Calls) {
    if (C.Args.empty())
      continue;
    const script::StringLiteral *L = S.literal(C.Args.front());
    if (!L || L->Kind != script::LiteralKind::String ||
        !script::isSqlWrite(L->Value.text()))
      continue;
    StringRef Verb = StringRef(L->Value.text()).ltrim().take_while(isAlpha);
    M.AdminWork.push_back(
        {"runs SQL " + Verb.upper() + " through " + C.Callee + "()", C.Range});
  }
}

static bool byPosition(const PythonFact &A, const PythonFact &B) {
  return A.Range.Begin < B.Range.Begin;
}

void sortFacts(PythonScriptModel &M) {
  std::stable_sort(M.Bootstrap.begin(), M.Bootstrap.end(), byPosition);
  std::stable_sort(M.AdminWork.begin(), M.AdminWork.end(), byPosition);
}

} // namespace adminlint
