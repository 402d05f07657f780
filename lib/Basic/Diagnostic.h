//===- Diagnostic.h - A finding with its locations --------------*- C++ -*-===//
#ifndef ADMINLINT_BASIC_DIAGNOSTIC_H
#define ADMINLINT_BASIC_DIAGNOSTIC_H

#include "lib/Basic/SourceFile.h"
#include "lib/Check/Rules.h"
#include <string>
#include <vector>

namespace adminlint {

/// A byte range in one file, with an optional message ("app image declared
/// here").
struct Location {
  SourceFileRef File;
  SourceRange Range;
  std::string Message;
};

/// One finding: rule, level, a one-clause lowercase message with no trailing
/// period, a primary byte range and related locations. Lines and columns are
/// computed only when the finding is printed.
struct Diagnostic {
  RuleId Rule = RuleId::ParseError;
  Level Severity = Level::Warning;
  std::string Message;
  Location Primary;
  std::vector<Location> Related;
  std::vector<std::string> Notes;
  /// Text that identifies the finding independent of its line (the normalized
  /// command, the image); the baseline fingerprint hashes it with rule and
  /// path.
  std::string FingerprintKey;
  /// The `adminlint/v1` fingerprint with its occurrence suffix, assigned once
  /// to the whole sorted list (assignFingerprints in lib/Driver/Baseline.h)
  /// before any filtering; emitters compute it when it is empty.
  std::string Fingerprint;
  /// Host bytes of literal secrets (ADM103 credentials): emitters print them
  /// as *** wherever they show source text (snippets, source lines).
  std::vector<SourceRange> Secrets;
  /// Set by the suppression filter: the justification of the comment that
  /// suppressed it (SARIF `suppressions`).
  bool Suppressed = false;
  std::string Justification;
};

/// The bytes R of File with each secret that overlaps R replaced by "***":
/// what an emitter prints as the snippet or source line of a finding with
/// Diagnostic::Secrets.
std::string redactedSlice(const SourceFile &File, SourceRange R,
                          const std::vector<SourceRange> &Secrets);

/// Orders by (path, offset, code, message): output is the same for every -j.
bool operator<(const Diagnostic &A, const Diagnostic &B);

} // namespace adminlint

#endif
