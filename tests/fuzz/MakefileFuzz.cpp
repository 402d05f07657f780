//===- MakefileFuzz.cpp - libFuzzer target for the Makefile parser --------===//
//
// Parses the input as a Makefile and runs its frontend, then checks that
// every range and every decoded byte maps inside the file.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/Frontends.h"
#include "lib/Parse/Makefile.h"
#include <cstdint>
#include <cstdlib>

using namespace adminlint;
using namespace adminlint::makefile;

static void require(bool Condition) {
  if (!Condition)
    abort();
}

static void checkRange(SourceRange R, size_t Size) {
  require(R.Begin <= R.End && R.End <= Size);
}

static void checkText(const EmbeddedText &T, size_t Size) {
  if (!T.empty())
    checkRange(T.toHost(0, T.size()), Size);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>("Makefile", Text);
  A.Kind = FileKind::Makefile;
  frontendFor(FileKind::Makefile)(A, FrontendLimits());
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
  for (const Diagnostic &D : A.Diags)
    checkRange(D.Primary.Range, Size);
  for (const ShellUnit &U : A.Shell)
    for (const shell::Command &C : U.Script.Commands)
      checkRange(C.Range, Size);
  return 0;
}
