//===- ProcfileFuzz.cpp - libFuzzer target for the Procfile parser --------===//
//
// Parses the input as a Procfile and runs its frontend, then checks that
// every range and every decoded byte maps inside the file.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/Frontends.h"
#include "lib/Parse/Procfile.h"
#include <cstdint>
#include <cstdlib>

using namespace adminlint;
using namespace adminlint::procfile;

static void require(bool Condition) {
  if (!Condition)
    abort();
}

static void checkRange(SourceRange R, size_t Size) {
  require(R.Begin <= R.End && R.End <= Size);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>("Procfile", Text);
  A.Kind = FileKind::Procfile;
  frontendFor(FileKind::Procfile)(A, FrontendLimits());
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
  for (const Diagnostic &D : A.Diags)
    checkRange(D.Primary.Range, Size);
  for (const ShellUnit &U : A.Shell)
    for (const shell::Command &C : U.Script.Commands)
      checkRange(C.Range, Size);
  require(A.Workloads.size() == P->Processes.size());
  return 0;
}
