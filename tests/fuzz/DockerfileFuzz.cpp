//===- DockerfileFuzz.cpp - libFuzzer target for the Dockerfile parser ----===//
//
// Parses the input as a Dockerfile and runs its frontend, then checks that
// every range and every decoded byte maps inside the file, and that the stage
// queries (base stage chains, ARG substitution) terminate.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/Frontends.h"
#include "lib/Parse/Dockerfile.h"
#include <cstdint>
#include <cstdlib>

using namespace adminlint;
using namespace adminlint::dockerfile;

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

static void checkAnalysis(const FileAnalysis &A, size_t Size) {
  for (const Diagnostic &D : A.Diags)
    checkRange(D.Primary.Range, Size);
  for (const ShellUnit &U : A.Shell)
    for (const shell::Command &C : U.Script.Commands) {
      checkRange(C.Range, Size);
      for (const shell::Word &W : C.Words)
        checkRange(W.Range, Size);
    }
  for (const Workload &W : A.Workloads) {
    checkRange(W.Range, Size);
    checkRange(W.Image.Range, Size);
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>("Dockerfile", Text);
  A.Kind = FileKind::Dockerfile;
  frontendFor(FileKind::Dockerfile)(A, FrontendLimits());
  require(A.model<Dockerfile>() != nullptr);
  checkModel(*A.model<Dockerfile>(), Size);
  checkAnalysis(A, Size);
  return 0;
}
