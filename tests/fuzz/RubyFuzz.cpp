//===- RubyFuzz.cpp - libFuzzer target for the Ruby reader ----------------===//
//
// Reads the input as Ruby, runs the Ruby frontend and checks that every
// token, literal, decoded byte, call, argument and shell range maps inside
// the file, and that bracket partners point at tokens.
//
//===----------------------------------------------------------------------===//
#include "FuzzSupport.h"
#include "ScriptFuzzSupport.h"
#include "lib/Parse/Ruby.h"
#include <cstdint>

using namespace adminlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  fuzz::checkScript(ruby::parse(Text), Size);
  FileAnalysis A = fuzz::analyzeAs(FileKind::Ruby, "script/fix.rb", Data, Size);
  fuzz::checkAnalysis(A, Size);
  fuzz::checkFacts(A, Size);
  return 0;
}
