//===- DockerfileFuzz.cpp - libFuzzer target for the Dockerfile parser ----===//
//
// Parses the input as a Dockerfile and runs its frontend, then checks that
// every range and every decoded byte maps inside the file, and that the stage
// queries (base stage chains, ARG substitution) terminate.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/Frontends.h"
#include "lib/Parse/Dockerfile.h"
#include "tests/fuzz/FuzzSupport.h"
#include <cstdint>
#include <cstdlib>

using namespace adminlint;
using namespace adminlint::fuzz;
using namespace adminlint::dockerfile;

static void checkInstruction(const Instruction &I, char Escape, size_t Size) {
  checkRange(I.Range, Size);
  checkRange(I.KeywordRange, Size);
  checkText(I.Args, Size);
  for (const Flag &F : I.Flags)
    checkRange(F.Range, Size);
  for (const ExecArg &A : I.Exec) {
    checkRange(A.Range, Size);
    checkText(A.Text, Size);
  }
  for (const Heredoc &H : I.Heredocs) {
    checkRange(H.MarkerRange, Size);
    checkRange(H.BodyRange, Size);
    checkText(H.Body, Size);
    require(H.ArgsBegin <= H.ArgsEnd && H.ArgsEnd <= I.Args.size());
  }
  for (const KeyValue &KV : keyValues(I, Escape)) {
    checkRange(KV.Range, Size);
    checkRange(KV.KeyRange, Size);
  }
}

static void checkModel(const Dockerfile &D, size_t Size) {
  for (const Instruction &I : D.Instructions)
    checkInstruction(I, D.Escape, Size);
  for (const Stage &S : D.Stages) {
    checkRange(S.ImageRange, Size);
    checkRange(S.NameRange, Size);
    D.resolvedBase(S);
    require(D.rootStage(S).Index <= S.Index);
  }
  for (const ParseError &E : D.Errors) {
    checkRange(E.Range, Size);
    require(!E.Message.empty());
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  FileAnalysis A = analyzeAs(FileKind::Dockerfile, "Dockerfile", Data, Size);
  require(A.model<Dockerfile>() != nullptr);
  checkModel(*A.model<Dockerfile>(), Size);
  checkAnalysis(A, Size);
  for (const Workload &W : A.Workloads)
    checkRange(W.Image.Range, Size);
  return 0;
}
