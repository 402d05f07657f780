//===- Check.h - The base of every rule's check ------------------*- C++
//-*-===//
#ifndef ADMINLINT_CHECK_CHECK_H
#define ADMINLINT_CHECK_CHECK_H

#include "lib/Basic/Diagnostic.h"
#include "lib/Model/AdminCommand.h"
#include "lib/Model/FileAnalysis.h"
#include "lib/Model/RepoModel.h"
#include <memory>
#include <string>
#include <vector>

namespace adminlint {

/// What the project's config tells every check (read once, immutable).
struct CheckSettings {
  const AdminMatcher *Admin = &AdminMatcher::builtin();
  std::string AppImage;  ///< `app.image`, overrides inference when set
  std::string Framework; ///< `app.framework`
  /// Registry mirrors counted as the same repository: each pair maps an alias
  /// prefix to the canonical prefix.
  std::vector<std::pair<std::string, std::string>> RegistryAliases;
};

/// Collects the findings of one check run. Thread-compatible: each worker
/// thread has its own.
class Reporter {
public:
  explicit Reporter(std::vector<Diagnostic> &Out) : Out(Out) {}
  /// Adds a finding at its rule's default level and returns it so the check
  /// can add related locations, notes, a fingerprint key or another level.
  Diagnostic &report(RuleId Rule, const SourceFileRef &File, SourceRange Range,
                     std::string Message);

private:
  std::vector<Diagnostic> &Out;
};

/// One rule's check. Pure: model in, diagnostics out; no I/O and no state
/// across calls. The driver calls checkFile for each file on worker threads
/// and checkRepository once, after every file was analysed.
class Check {
public:
  Check(RuleId Id, const CheckSettings &Settings)
      : Id(Id), Settings(Settings) {}
  virtual ~Check() = default;

  RuleId rule() const { return Id; }

  /// Default: checkShell for every piece of shell code in the file.
  virtual void checkFile(const FileAnalysis &F, Reporter &R) const;
  virtual void checkShell(const ShellUnit &U, const FileAnalysis &F,
                          Reporter &R) const {}
  virtual void checkRepository(const RepoModel &M, Reporter &R) const {}

protected:
  const AdminMatcher &admin() const { return *Settings.Admin; }
  Diagnostic &report(Reporter &R, const SourceFileRef &File, SourceRange Range,
                     std::string Message) const {
    return R.report(Id, File, Range, std::move(Message));
  }

  const RuleId Id;
  const CheckSettings &Settings;
};

/// Creates the checks for the given rules (all rules that have a check class
/// in checks/Checks.def).
std::vector<std::unique_ptr<Check>> createChecks(llvm::ArrayRef<RuleId> Rules,
                                                 const CheckSettings &Settings);

/// Whether a rule has a check class (ADM900-ADM902 are the driver's own).
bool hasCheck(RuleId Id);

} // namespace adminlint

#endif
