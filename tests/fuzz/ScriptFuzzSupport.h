//===- ScriptFuzzSupport.h - Checks of the script readers ------*- C++ -*-===//
#ifndef ADMINLINT_TESTS_FUZZ_SCRIPTFUZZSUPPORT_H
#define ADMINLINT_TESTS_FUZZ_SCRIPTFUZZSUPPORT_H

#include "FuzzSupport.h"
#include "lib/Model/PythonScript.h"
#include "lib/Parse/ScriptTokens.h"

namespace adminlint {
namespace fuzz {

/// Every byte of T maps inside the file, one by one.
inline void checkEveryByte(const EmbeddedText &T, size_t Size) {
  checkText(T, Size);
  for (uint32_t I = 0; I < T.size(); ++I)
    require(T.toHost(I) < Size);
}

/// The invariants the Ruby and JavaScript readers share.
inline void checkScript(const script::Script &S, size_t Size) {
  for (const script::Token &T : S.Tokens) {
    checkRange(T.Range, Size);
    require(T.Partner == script::NoPartner || T.Partner < S.Tokens.size());
    require(T.Kind != script::TokenKind::String ||
            T.Literal < S.Strings.size());
  }
  for (const script::StringLiteral &L : S.Strings) {
    checkRange(L.Range, Size);
    checkRange(L.Content, Size);
    checkEveryByte(L.Value, Size);
  }
  for (const script::Call &C : S.Calls) {
    checkRange(C.Range, Size);
    checkRange(C.CalleeRange, Size);
    require(C.NameToken < S.Tokens.size());
    for (const script::Argument &A : C.Args) {
      checkRange(A.Range, Size);
      require(A.Begin < A.End && A.End <= S.Tokens.size());
      require(!A.Literal || *A.Literal < S.Strings.size());
    }
  }
  for (const SourceRange &R : S.Comments)
    checkRange(R, Size);
  for (const script::ParseError &E : S.Errors)
    checkRange(E.Range, Size);
}

/// The facts of a kept script lie inside the file.
inline void checkFacts(const FileAnalysis &A, size_t Size) {
  const auto *M = A.model<PythonScriptModel>();
  if (!M)
    return;
  checkRange(M->StandaloneRange, Size);
  for (const PythonFact &F : M->Bootstrap)
    checkRange(F.Range, Size);
  for (const PythonFact &F : M->AdminWork)
    checkRange(F.Range, Size);
}

} // namespace fuzz
} // namespace adminlint

#endif
