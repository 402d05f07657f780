//===- FuzzSupport.h - Shared checks of the libFuzzer targets ----*- C++
//-*-===//
#ifndef ADMINLINT_TESTS_FUZZ_FUZZSUPPORT_H
#define ADMINLINT_TESTS_FUZZ_FUZZSUPPORT_H

#include "lib/Model/Frontends.h"
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <string>

namespace adminlint {
namespace fuzz {

/// Stops the run as a crash when Condition fails.
inline void require(bool Condition) {
  if (!Condition)
    abort();
}

inline void checkRange(SourceRange R, size_t Size) {
  require(R.Begin <= R.End && R.End <= Size);
}

/// Every decoded byte of T maps inside the file.
inline void checkText(const EmbeddedText &T, size_t Size) {
  if (!T.empty())
    checkRange(T.toHost(0, T.size()), Size);
}

/// Every range a frontend produced (workloads, diagnostics, shell commands and
/// their words) lies inside the file.
inline void checkAnalysis(const FileAnalysis &A, size_t Size) {
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

/// Runs the frontend of Kind on the input as the file at Path.
inline FileAnalysis analyzeAs(FileKind Kind, const char *Path,
                              const uint8_t *Data, size_t Size,
                              FrontendLimits Limits = FrontendLimits()) {
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>(
      Path, std::string(reinterpret_cast<const char *>(Data), Size));
  A.Kind = Kind;
  frontendFor(Kind)(A, Limits);
  return A;
}

} // namespace fuzz
} // namespace adminlint

#endif
