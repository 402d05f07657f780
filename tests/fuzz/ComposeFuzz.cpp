//===- ComposeFuzz.cpp - libFuzzer target for the compose frontend --------===//
//
// Reads the input as a production compose file and checks the invariants the
// checks rely on: no exception, every workload, command, word and diagnostic
// range inside the file.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/Frontends.h"
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

using namespace adminlint;

static void require(bool Condition) {
  if (!Condition)
    abort();
}

static void checkRange(SourceRange R, size_t Size) {
  require(R.Begin <= R.End && R.End <= Size);
}

static void check(const FileAnalysis &A, size_t Size) {
  for (const Workload &W : A.Workloads)
    checkRange(W.Range, Size);
  for (const Diagnostic &D : A.Diags)
    checkRange(D.Primary.Range, Size);
  for (const ShellUnit &U : A.Shell)
    for (const shell::Command &C : U.Script.Commands) {
      checkRange(C.Range, Size);
      for (const shell::Word &W : C.Words)
        checkRange(W.Range, Size);
    }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>("docker-compose.prod.yml", Text);
  A.Kind = FileKind::Compose;
  FrontendLimits Limits;
  Limits.MaxYamlNodes = 100000;
  frontendFor(FileKind::Compose)(A, Limits);
  check(A, Size);
  return 0;
}
