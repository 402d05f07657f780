//===- Suppression.h - Inline suppression comments --------------*- C++ -*-===//
#ifndef ADMINLINT_DRIVER_SUPPRESSION_H
#define ADMINLINT_DRIVER_SUPPRESSION_H

#include "lib/Basic/Diagnostic.h"
#include "lib/Driver/Config.h"
#include "lib/Model/Workload.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {

/// One rule selector of a directive (`ADM301`, `ssh-admin-command`, `ADM3`).
struct SuppressedRule {
  std::string Written;
  RuleSet Rules; ///< empty when the selector names no rule
  bool Used = false;
};

/// One `adminlint ignore=...` or `adminlint ignore-file=...` comment, or an
/// `adminlint.dev/ignore` annotation (docs/suppression.md).
struct SuppressionDirective {
  SourceRange Range; ///< the comment (or the annotated resource)
  SourceRange
      Covers; ///< the bytes it covers: the reported line(s) or a resource
  bool WholeFile = false;
  bool Annotation = false;
  std::vector<SuppressedRule> Rules;
  std::string Until; ///< YYYY-MM-DD, or empty
  bool Expired = false;
  std::string Reason;
  std::vector<std::string> Problems; ///< ADM901 messages found when parsing
};

/// The directives of one file's text, found by looking for the
/// `adminlint ignore` marker after a comment opener (`#`, `//`, `/*`, `<!--`).
/// A directive alone on its line covers the next line that is not itself a
/// directive; one after code covers its own line. Today is YYYY-MM-DD.
std::vector<SuppressionDirective> findDirectives(const SourceFile &File,
                                                 llvm::StringRef Today);

/// The directive of a workload's `adminlint.dev/ignore` annotation
/// ("ADM401,ADM404 -- reason"), covering the workload's range.
SuppressionDirective annotationDirective(const Workload &W,
                                         llvm::StringRef Today);

/// Every directive of a scan, by file, applied to its findings.
class SuppressionIndex {
public:
  void add(const SourceFileRef &File,
           std::vector<SuppressionDirective> Directives);
  /// Marks D suppressed (with the reason) when a live directive covers it.
  /// ADM900 is never suppressed inline.
  void apply(Diagnostic &D);
  /// ADM901 findings: problems, expired directives, and selectors of rules
  /// in Ran that suppressed nothing.
  std::vector<Diagnostic> problems(const RuleSet &Ran) const;

private:
  /// The directives of one file.
  struct FileEntry {
    SourceFileRef File;
    std::vector<SuppressionDirective> Directives;
  };
  llvm::StringMap<FileEntry> Files;
};

/// Today's date (UTC) as YYYY-MM-DD.
std::string todayUtc();

} // namespace adminlint

#endif
