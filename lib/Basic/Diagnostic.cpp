//===- Diagnostic.cpp - A finding with its locations ----------------------===//
#include "lib/Basic/Diagnostic.h"
#include <tuple>

namespace adminlint {

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
