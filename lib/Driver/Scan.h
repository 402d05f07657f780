//===- Scan.h - Scan a repository and collect its findings ------*- C++ -*-===//
#ifndef ADMINLINT_DRIVER_SCAN_H
#define ADMINLINT_DRIVER_SCAN_H

#include "lib/Basic/Diagnostic.h"
#include "lib/Check/Rules.h"
#include "lib/Model/Frontends.h"
#include "lib/Model/RepoModel.h"
#include "llvm/ADT/Optional.h"
#include "llvm/Support/Error.h"
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace adminlint {

/// One file handed in on stdin (`--stdin-filename`), checked as if it were
/// at Name (relative to the current directory) with Text as its content.
struct StdinFile {
  std::string Name;
  std::string Text;
};

/// Everything that shapes one scan; the command line fills it in.
struct ScanOptions {
  /// The repository root; empty: discovered from the first path (nearest
  /// `.git` upward, else the nearest `.adminlint.yaml`, else that directory).
  std::string Root;
  /// Files and directories to report on; empty: the current directory. The
  /// whole root is always modelled; when every path is a file (pre-commit),
  /// only the files their findings can depend on are read
  /// (docs/architecture.md, "Pre-commit").
  std::vector<std::string> Paths;
  /// `--config`; empty: the nearest `.adminlint.yaml` from the scanned
  /// directory up to the root.
  std::string ConfigPath;
  /// `--select` / `--ignore`: codes, names or code prefixes.
  std::vector<std::string> Select;
  std::vector<std::string> Ignore;
  /// `--fail-on`; None: never.
  llvm::Optional<Level> FailOn = Level::Warning;
  /// Worker threads; 0: all cores.
  unsigned Jobs = 0;
  /// `--no-ignore`: ignore files do not exclude anything.
  bool NoIgnore = false;
  /// `--max-file-size`: bigger files become ADM902 notes.
  uint64_t MaxFileSize = 2 * 1024 * 1024;
  /// `--compile-commands`: compile_commands.json (or its directory) for the
  /// C/C++ frontend; empty: the root's or build/'s, when there is one.
  std::string CompileCommands;
  FrontendLimits Limits;
  /// `--show-suppressed`: emitters other than SARIF print suppressed findings.
  bool ShowSuppressed = false;
  /// `--stdin-filename`: one in-memory file replaces (or adds) that path.
  llvm::Optional<StdinFile> Stdin;
  /// Report only these rules, ignoring select/ignore from the command line
  /// and the config (the fixture harness). Every rule still runs, so ADM901
  /// knows what each suppression comment suppressed.
  llvm::Optional<std::vector<RuleId>> OnlyRules;
  /// Model only the given paths (and Stdin) instead of walking the root: the
  /// fixture harness's one-file repositories.
  bool NoWalk = false;
  /// Keep the repository model in the result (`adminlint init`).
  bool KeepModel = false;
  /// Today as YYYY-MM-DD for `until=` expiry; empty: the system date (UTC).
  std::string Today;
};

/// A file-level event for SARIF `toolExecutionNotifications`: a file that
/// could not be read or parsed, or a frontend or check that failed.
struct Notification {
  Level Severity = Level::Warning;
  std::string Path; ///< repository-relative; empty for the whole scan
  std::string Message;
  bool Internal = false; ///< an internal error (a frontend or check threw)
  bool Mirrored = false; ///< also a finding (ADM900 or ADM902) in the report
};

/// Counts and timings of one scan (`--statistics`).
struct ScanStatistics {
  unsigned FilesWalked = 0;   ///< files seen by the walk after ignore files
  unsigned FilesAnalysed = 0; ///< files classified as a known kind and read
  unsigned FilesKept = 0;     ///< analyses kept in the repository model
  unsigned FilesSkipped = 0;  ///< binary, too large or unreadable
  unsigned Workloads = 0;
  double WalkSeconds = 0; ///< the walk, with the analysis it overlaps (wall)
  /// From the start of the walk to the last file read, parsed and checked
  /// (wall).
  double AnalyseSeconds = 0;
  double RepositorySeconds = 0;
  double CxxSeconds = 0; ///< the adminlint-cxx child (wall)
  double TotalSeconds = 0;
};

/// What a scan found: the repository root, every reported finding (sorted by
/// operator<, suppressed ones included with Suppressed set), notifications,
/// and statistics. Byte-identical for every number of jobs.
struct ScanResult {
  std::string Root; ///< absolute path of the repository root
  /// How to reach the root from the current directory ("", "../", "sub/"):
  /// text output prefixes repository-relative paths with it.
  std::string DisplayPrefix;
  std::vector<Diagnostic> Diagnostics;
  std::vector<Notification> Notifications;
  ScanStatistics Stats;
  bool ShowSuppressed = false;
  llvm::Optional<Level> FailOn = Level::Warning;
  /// The repository model, when ScanOptions::KeepModel was set.
  std::shared_ptr<const RepoModel> Model;

  /// Unsuppressed findings at level L.
  unsigned count(Level L) const;
  /// Unsuppressed findings of each rule, indexed by RuleId.
  std::array<unsigned, NumRules> countByRule() const;
  /// Whether a finding at or above FailOn was reported (exit code 1).
  bool failed() const;
};

/// Scans the repository. Errors are usage or config errors (exit code 2),
/// already formatted (`file:line:col: error: unknown key ...`).
llvm::Expected<ScanResult> scan(const ScanOptions &Options);

} // namespace adminlint

#endif
