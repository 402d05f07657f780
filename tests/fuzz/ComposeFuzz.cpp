//===- ComposeFuzz.cpp - libFuzzer target for the compose frontend --------===//
//
// Reads the input as a production compose file and checks the invariants the
// checks rely on: no exception, every workload, command, word and diagnostic
// range inside the file.
//
//===----------------------------------------------------------------------===//
#include "tests/fuzz/FuzzSupport.h"
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

using namespace adminlint;
using namespace adminlint::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  FrontendLimits Limits;
  Limits.MaxYamlNodes = 100000;
  FileAnalysis A = analyzeAs(FileKind::Compose, "docker-compose.prod.yml", Data,
                             Size, Limits);
  checkAnalysis(A, Size);
  return 0;
}
