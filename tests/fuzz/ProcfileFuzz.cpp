//===- ProcfileFuzz.cpp - libFuzzer target for the Procfile parser --------===//
//
// Parses the input as a Procfile and runs its frontend, then checks that
// every range and every decoded byte maps inside the file.
//
//===----------------------------------------------------------------------===//
#include "lib/Parse/Procfile.h"
#include "tests/fuzz/FuzzSupport.h"
#include <cstdint>
#include <cstdlib>

using namespace adminlint;
using namespace adminlint::fuzz;
using namespace adminlint::procfile;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  FileAnalysis A = analyzeAs(FileKind::Procfile, "Procfile", Data, Size);
  const Procfile *P = A.model<Procfile>();
  require(P != nullptr);
  for (const Process &Proc : P->Processes) {
    checkRange(Proc.Range, Size);
    checkRange(Proc.TypeRange, Size);
    require(!Proc.Command.empty());
    checkRange(Proc.Command.toHost(0, Proc.Command.size()), Size);
  }
  for (const ParseError &E : P->Errors)
    checkRange(E.Range, Size);
  checkAnalysis(A, Size);
  require(A.Workloads.size() == P->Processes.size());
  return 0;
}
