//===- MakefileFuzz.cpp - libFuzzer target for the Makefile parser --------===//
//
// Parses the input as a Makefile and runs its frontend, then checks that
// every range and every decoded byte maps inside the file.
//
//===----------------------------------------------------------------------===//
#include "lib/Parse/Makefile.h"
#include "tests/fuzz/FuzzSupport.h"
#include <cstdint>
#include <cstdlib>

using namespace adminlint;
using namespace adminlint::fuzz;
using namespace adminlint::makefile;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  FileAnalysis A = analyzeAs(FileKind::Makefile, "Makefile", Data, Size);
  const Makefile *M = A.model<Makefile>();
  require(M != nullptr);
  for (const Rule &R : M->Rules) {
    checkRange(R.Range, Size);
    checkRange(R.TargetsRange, Size);
    checkText(R.Script, Size);
    for (const RecipeLine &L : R.Recipe) {
      checkRange(L.Range, Size);
      checkText(L.Text, Size);
    }
  }
  for (const ParseError &E : M->Errors)
    checkRange(E.Range, Size);
  checkAnalysis(A, Size);
  return 0;
}
