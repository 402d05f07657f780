//===- FrontendTestSupport.h - Shared helpers of the frontend tests -*- C++
//-*-===//
#ifndef ADMINLINT_TESTS_UNIT_FRONTENDTESTSUPPORT_H
#define ADMINLINT_TESTS_UNIT_FRONTENDTESTSUPPORT_H

#include "lib/Basic/EmbeddedText.h"
#include "lib/Model/Frontends.h"
#include <memory>
#include <string>

namespace adminlint {

/// Runs the frontend of Kind on Text as if it were the file at Path.
inline FileAnalysis analyzeAs(FileKind Kind, std::string Path,
                              std::string Text) {
  FileAnalysis A;
  A.File = std::make_shared<SourceFile>(std::move(Path), std::move(Text));
  A.Kind = Kind;
  frontendFor(Kind)(A, FrontendLimits());
  return A;
}

/// The host bytes of a range.
inline std::string hostText(llvm::StringRef Text, SourceRange R) {
  return Text.slice(R.Begin, R.End).str();
}

/// The host bytes of the decoded occurrence of Needle in E.
inline std::string hostOf(llvm::StringRef Text, const EmbeddedText &E,
                          llvm::StringRef Needle) {
  size_t At = llvm::StringRef(E.text()).find(Needle);
  if (At == llvm::StringRef::npos)
    return "<not found>";
  return hostText(Text, E.toHost(At, At + Needle.size()));
}

} // namespace adminlint

#endif
