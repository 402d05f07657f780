//===- Baseline.h - Line-shift-proof fingerprints and baselines -*- C++ -*-===//
#ifndef ADMINLINT_DRIVER_BASELINE_H
#define ADMINLINT_DRIVER_BASELINE_H

#include "lib/Basic/Diagnostic.h"
#include "lib/Driver/Scan.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace adminlint {

/// The `adminlint/v1` fingerprint of a finding: a hash of its rule code, its
/// path and Diagnostic::FingerprintKey (or, when that is empty, the
/// whitespace-normalized text of the primary range, or else the message).
/// It does not depend on the line, so moving code up or down keeps it.
std::string fingerprint(const Diagnostic &D);

/// The fingerprints of a sorted list of findings, each with an occurrence
/// suffix (`<hash>:1`, `<hash>:2`, ...) that tells identical findings of one
/// file apart. This is the value of SARIF's `adminlint/v1` and
/// `primaryLocationLineHash` and the entries of a baseline file.
std::vector<std::string> fingerprints(llvm::ArrayRef<Diagnostic> Diags);

/// Sets Diagnostic::Fingerprint on every finding of a sorted list (call it
/// before filtering, so numbering does not depend on what a baseline hides).
void assignFingerprints(std::vector<Diagnostic> &Diags);

/// The fingerprints recorded by `--write-baseline`.
class Baseline {
public:
  /// Reads a baseline file; a missing, corrupt or foreign file is an error
  /// that names the file and the problem.
  static llvm::Expected<Baseline> read(llvm::StringRef Path);
  /// Parses the text of a baseline file (Path is used in messages only).
  static llvm::Expected<Baseline> parse(llvm::StringRef Text,
                                        llvm::StringRef Path);

  bool contains(llvm::StringRef Fingerprint) const {
    return Entries.count(Fingerprint) != 0;
  }
  size_t size() const { return Entries.size(); }

  /// The findings of a sorted list that are not in the baseline.
  std::vector<Diagnostic> newFindings(llvm::ArrayRef<Diagnostic> Diags) const;

private:
  llvm::StringMap<char> Entries;
};

/// The baseline file for the unsuppressed findings of a sorted list.
std::string renderBaseline(llvm::ArrayRef<Diagnostic> Diags);

/// Writes the baseline file atomically (a temporary file renamed over Path),
/// so a failed write never leaves a partial file behind.
llvm::Error writeBaseline(llvm::StringRef Path,
                          llvm::ArrayRef<Diagnostic> Diags);

/// `--baseline` and `--write-baseline` for the command line: assigns the
/// fingerprints, writes every current finding to WritePath (if not empty),
/// then drops the findings recorded in ReadPath (if not empty). The error
/// (exit code 2) names the file and the problem; nothing is filtered then.
llvm::Error applyBaseline(ScanResult &Result, llvm::StringRef ReadPath,
                          llvm::StringRef WritePath);

} // namespace adminlint

#endif
