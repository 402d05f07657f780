//===- Config.h - The .adminlint.yaml config file ---------------*- C++ -*-===//
#ifndef ADMINLINT_DRIVER_CONFIG_H
#define ADMINLINT_DRIVER_CONFIG_H

#include "lib/Check/Rules.h"
#include "lib/Driver/Classify.h"
#include "lib/Driver/Ignore.h"
#include "lib/Model/AdminCommand.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <bitset>
#include <string>
#include <utility>
#include <vector>

namespace adminlint {

/// A set of rules.
using RuleSet = std::bitset<NumRules>;

/// The rules a list of selectors (codes, names, code prefixes) names; the
/// first selector that names no rule is returned in Unknown.
RuleSet resolveRules(llvm::ArrayRef<std::string> Selectors,
                     std::string &Unknown);

/// A `per-path` entry: files matching Glob drop the Ignore rules, keep only
/// the Select rules (when any are given) and change Levels.
struct PerPathConfig {
  GlobPattern Glob;
  RuleSet Ignore;
  RuleSet Select;
  bool HasSelect = false;
  std::vector<std::pair<RuleId, Level>> Levels;
};

/// The parsed `.adminlint.yaml` (docs/configuration.md).
struct Config {
  std::string Path; ///< the file it was read from; empty: defaults
  RuleSet Select;
  bool HasSelect = false;
  RuleSet Ignore;
  std::vector<std::pair<RuleId, Level>> Levels;
  std::vector<GlobPattern> Exclude;
  std::vector<PerPathConfig> PerPath;
  std::string AppImage;
  std::string Framework;
  std::vector<std::string> AppProcesses;
  std::vector<AdminVocabularyEntry> AdminCommands;
  std::vector<std::pair<std::string, std::string>> RegistryAliases;
  std::vector<ContextOverride> Contexts;
};

/// Parses config text. An unknown key, a wrong type or an unknown rule is an
/// error `Path:line:col: error: ...` with a did-you-mean where one is close.
llvm::Expected<Config> parseConfig(llvm::StringRef Text, llvm::StringRef Path);
/// Reads and parses a config file.
llvm::Expected<Config> loadConfig(llvm::StringRef Path);

/// Makes the path globs of a config (exclude, per-path, contexts), written
/// relative to the config's directory, relative to the repository root when
/// the config lives in the subdirectory Dir of it.
void rebaseGlobs(Config &C, llvm::StringRef Dir);

} // namespace adminlint

#endif
