//===- SuppressionFuzz.cpp - libFuzzer target for suppression comments ----===//
//
// Finds the suppression directives of the input, applies them to a finding on
// every line, and asks for the ADM901 problems. Every directive range and
// every covered range lies inside the text; nothing throws.
//
//===----------------------------------------------------------------------===//
#include "lib/Driver/Suppression.h"
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

/// One finding per line start (at most 64) so every directive can cover one.
static void applyToLines(SuppressionIndex &Index, const SourceFileRef &File,
                         llvm::StringRef Text) {
  unsigned Lines = 0;
  for (size_t Pos = 0; Pos <= Text.size() && Lines < 64; ++Lines) {
    Diagnostic D;
    D.Rule = static_cast<RuleId>(Lines % NumRules);
    D.Primary.File = File;
    D.Primary.Range = {static_cast<uint32_t>(Pos), static_cast<uint32_t>(Pos)};
    Index.apply(D);
    size_t Next = Text.find('\n', Pos);
    if (Next == llvm::StringRef::npos)
      break;
    Pos = Next + 1;
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  auto File = std::make_shared<const SourceFile>("deploy.sh", Text);
  std::vector<SuppressionDirective> Directives =
      findDirectives(*File, "2026-11-26");
  for (const SuppressionDirective &D : Directives) {
    checkRange(D.Range, Size);
    checkRange(D.Covers, Size);
  }
  SuppressionIndex Index;
  Index.add(File, std::move(Directives));
  applyToLines(Index, File, Text);
  RuleSet Ran;
  Ran.set();
  for (const Diagnostic &D : Index.problems(Ran))
    checkRange(D.Primary.Range, Size);
  return 0;
}
