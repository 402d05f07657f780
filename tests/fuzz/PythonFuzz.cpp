//===- PythonFuzz.cpp - libFuzzer target for the Python reader ------------===//
//
// Reads the input as Python, runs the Python frontend and checks that every
// token, literal, call, assignment and shell range, and every decoded byte,
// maps inside the file. Checks that python::skim() agrees with parse() on the
// file's shape and errors, and that a file skimPython() skips has, read in
// full, no diagnostic, shell unit or fact: the same model as the skim's.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/PythonScript.h"
#include "lib/Parse/Python.h"
#include "tests/fuzz/FuzzSupport.h"
#include <cstdint>
#include <cstdlib>

using namespace adminlint;

using fuzz::checkRange;
using fuzz::require;

static void checkText(const EmbeddedText &T, size_t Size) {
  if (T.empty())
    return;
  checkRange(T.toHost(0, T.size()), Size);
  for (uint32_t I = 0; I < T.size(); ++I)
    require(T.toHost(I) < Size);
}

static void checkValue(const python::Value &V, size_t Size) {
  checkRange(V.Range, Size);
  if (V.Literal)
    checkText(*V.Literal, Size);
  for (const EmbeddedText &Item : V.Items)
    checkText(Item, Size);
}

static void checkScript(const python::Script &S, size_t Size) {
  for (const python::Token &T : S.Tokens) {
    checkRange(T.Range, Size);
    require(T.Partner == 0 || T.Partner < S.Tokens.size());
  }
  for (const python::StringLiteral &L : S.Strings) {
    checkRange(L.Range, Size);
    checkRange(L.Content, Size);
    checkText(L.Value, Size);
  }
  for (const python::Statement &St : S.Statements) {
    require(St.FirstToken <= St.EndToken && St.EndToken <= S.Tokens.size());
    checkRange(St.Range, Size);
  }
  for (const python::Call &C : S.Calls) {
    checkRange(C.Range, Size);
    for (const python::Argument &A : C.Args)
      checkValue(A.Val, Size);
  }
  for (const python::Assignment &A : S.Assignments) {
    checkRange(A.TargetRange, Size);
    checkValue(A.Val, Size);
  }
  for (const python::ParseError &E : S.Errors)
    checkRange(E.Range, Size);
}

static bool noName(llvm::StringRef, char) { return false; }
static bool noLiteral(llvm::StringRef, bool) { return false; }

static bool sameRange(const llvm::Optional<SourceRange> &A,
                      const llvm::Optional<SourceRange> &B) {
  if (!A || !B)
    return A.hasValue() == B.hasValue();
  return A->Begin == B->Begin && A->End == B->End;
}

/// skim() needs parse() exactly when parse() finds an error, and otherwise
/// reports parse()'s shape.
static void checkSkim(const std::string &Text, const python::Script &S) {
  python::Skim K = python::skim(Text, noName, noLiteral);
  require(K.NeedsParse == !S.Errors.empty());
  if (K.NeedsParse)
    return;
  require(sameRange(K.Shebang, S.Shebang));
  require(sameRange(K.MainGuard, S.MainGuard));
  require(K.HasTopLevelCode == S.HasTopLevelCode);
}

/// A file skimPython() skips has nothing the checks read when read in full.
static void checkSkip(const std::string &Text) {
  llvm::Optional<PythonScriptModel> Skimmed = skimPython("pkg/mod.py", Text);
  if (!Skimmed)
    return;
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>("pkg/mod.py", Text);
  A.Kind = FileKind::Python;
  analyzePythonFully(A, FrontendLimits());
  const auto *M = A.model<PythonScriptModel>();
  require(M && A.Diags.empty() && A.Shell.empty());
  require(M->Bootstrap.empty() && M->AdminWork.empty() && M->Config.empty());
  require(!M->DefinesFlaskApp && !M->DefinesDjangoApp);
  require(M->Standalone == Skimmed->Standalone &&
          M->StandaloneRange.Begin == Skimmed->StandaloneRange.Begin &&
          M->StandaloneRange.End == Skimmed->StandaloneRange.End &&
          M->FrameworkCommand == Skimmed->FrameworkCommand);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  python::Script S = python::parse(Text);
  checkScript(S, Size);
  checkSkim(Text, S);
  checkSkip(Text);
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>("scripts/fix.py", Text);
  A.Kind = FileKind::Python;
  analyzePython(A, FrontendLimits());
  const auto *M = A.model<PythonScriptModel>();
  require(M != nullptr);
  for (const PythonFact &F : M->Bootstrap)
    checkRange(F.Range, Size);
  for (const PythonConfigLiteral &C : M->Config)
    checkRange(C.Range, Size);
  fuzz::checkAnalysis(A, Size);
  return 0;
}
