//===- JavaScriptFuzz.cpp - libFuzzer target for the JavaScript reader ----===//
//
// Reads the input as JavaScript/TypeScript, runs the JavaScript frontend and
// checks that every token, literal, decoded byte, call, argument, import and
// shell range maps inside the file.
//
//===----------------------------------------------------------------------===//
#include "FuzzSupport.h"
#include "ScriptFuzzSupport.h"
#include "lib/Parse/JavaScript.h"
#include <cstdint>

using namespace adminlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  js::Module M = js::parse(Text);
  fuzz::checkScript(M.Script, Size);
  for (const js::Import &I : M.Imports)
    fuzz::checkRange(I.Range, Size);
  if (M.MainGuard)
    fuzz::checkRange(*M.MainGuard, Size);
  if (M.TopLevelCode)
    fuzz::checkRange(*M.TopLevelCode, Size);
  FileAnalysis A =
      fuzz::analyzeAs(FileKind::JavaScript, "scripts/fix.ts", Data, Size);
  fuzz::checkAnalysis(A, Size);
  fuzz::checkFacts(A, Size);
  return 0;
}
