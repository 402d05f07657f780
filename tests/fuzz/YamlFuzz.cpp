//===- YamlFuzz.cpp - libFuzzer target for the YAML layer and its models --===//
//
// Parses the input as YAML, Kubernetes manifests and a compose file, and
// checks the invariants every consumer relies on: no exception, every range
// inside the text, every decoded byte mapped inside the text.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/Frontends.h"
#include "lib/Parse/Yaml.h"
#include <cstdlib>
#include <string>

using namespace adminlint;

static void require(bool Condition) {
  if (!Condition)
    abort();
}

static void checkRange(SourceRange R, size_t Size) {
  require(R.Begin <= R.End && R.End <= Size);
}

static void checkNode(const yaml::Node &N, size_t Size, unsigned Depth) {
  checkRange(N.range(), Size);
  if (Depth > 300)
    return;
  if (N.isScalar() && !N.text().empty())
    checkRange(N.text().toHost(0, N.text().size()), Size);
  for (const yaml::Node *I : N.items())
    checkNode(*I, Size, Depth + 1);
  for (const yaml::MapEntry &E : N.entries()) {
    checkNode(*E.Key, Size, Depth + 1);
    checkNode(*E.Value, Size, Depth + 1);
  }
}

static void runFrontend(FileKind Kind, const std::string &Text) {
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>("fuzz.yaml", Text);
  A.Kind = Kind;
  FrontendLimits Limits;
  Limits.MaxYamlNodes = 100000;
  frontendFor(Kind)(A, Limits);
  for (const Workload &W : A.Workloads)
    checkRange(W.Range, Text.size());
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  yaml::YamlOptions Opts;
  Opts.MaxNodes = 100000;
  yaml::Stream S = yaml::Stream::parse(Text, Opts);
  for (const yaml::Document &D : S.documents())
    checkNode(*D.Root, Size, 0);
  for (const yaml::Problem &P : S.problems())
    checkRange(P.Range, Size);
  runFrontend(FileKind::Yaml, Text);
  runFrontend(FileKind::Compose, Text);
  return 0;
}
