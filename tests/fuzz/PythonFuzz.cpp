//===- PythonFuzz.cpp - libFuzzer target for the Python reader ------------===//
//
// Reads the input as Python, runs the Python frontend and checks that every
// token, literal, call, assignment and shell range, and every decoded byte,
// maps inside the file.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/PythonScript.h"
#include "lib/Parse/Python.h"
#include <cstdint>
#include <cstdlib>

using namespace adminlint;

static void require(bool Condition) {
  if (!Condition)
    abort();
}

static void checkRange(SourceRange R, size_t Size) {
  require(R.Begin <= R.End && R.End <= Size);
}

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

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  checkScript(python::parse(Text), Size);
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
  for (const Diagnostic &D : A.Diags)
    checkRange(D.Primary.Range, Size);
  for (const ShellUnit &U : A.Shell)
    for (const shell::Command &C : U.Script.Commands) {
      checkRange(C.Range, Size);
      for (const shell::Word &W : C.Words)
        checkRange(W.Range, Size);
    }
  return 0;
}
