//===- Diagnostic.cpp - A finding with its locations ----------------------===//
#include "lib/Basic/Diagnostic.h"
#include <algorithm>
#include <tuple>

namespace adminlint {

std::string redactedSlice(const SourceFile &File, SourceRange R,
                          const std::vector<SourceRange> &Secrets) {
  std::string Out;
  uint32_t Pos = R.Begin;
  std::vector<SourceRange> Sorted(Secrets);
  std::sort(Sorted.begin(), Sorted.end(),
            [](SourceRange A, SourceRange B) { return A.Begin < B.Begin; });
  for (SourceRange S : Sorted) {
    uint32_t Begin = std::max(S.Begin, Pos), End = std::min(S.End, R.End);
    if (Begin >= End)
      continue;
    Out += File.slice({Pos, Begin}).str();
    Out += "***";
    Pos = End;
  }
  if (Pos < R.End)
    Out += File.slice({Pos, R.End}).str();
  return Out;
}

bool operator<(const Diagnostic &A, const Diagnostic &B) {
  llvm::StringRef PA = A.Primary.File ? A.Primary.File->path() : "";
  llvm::StringRef PB = B.Primary.File ? B.Primary.File->path() : "";
  auto Key = [](const Diagnostic &D, llvm::StringRef P) {
    return std::make_tuple(P, D.Primary.Range.Begin,
                           static_cast<unsigned>(D.Rule),
                           llvm::StringRef(D.Message), D.Primary.Range.End);
  };
  return Key(A, PA) < Key(B, PB);
}

} // namespace adminlint
