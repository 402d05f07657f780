//===- AdminCommand.h - Recognising admin commands in shell code -*- C++ -*-===//
#ifndef ADMINLINT_MODEL_ADMINCOMMAND_H
#define ADMINLINT_MODEL_ADMINCOMMAND_H

#include "lib/Parse/Shell.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace adminlint {

/// What an admin-command vocabulary entry does. A build step is not an admin
/// task (collectstatic, assets:precompile) and is recognised so rules can say so.
enum class AdminCategory { Migration, DataTask, Console, BuildStep };

llvm::StringRef categoryName(AdminCategory C);

/// One recognised admin command inside a shell command.
struct AdminMatch {
  AdminCategory Category = AdminCategory::Migration;
  std::string Framework;   ///< "django", "rails", ...
  std::string Entry;       ///< the vocabulary entry, "manage.py migrate"
  SourceRange Range;       ///< host bytes from the tool to its subcommand
  SourceRange CommandRange; ///< host bytes of the whole simple command
  /// The interpreter or wrapper that runs it, normalized: "bundle exec",
  /// "poetry run", "/app/.venv/bin/python", "python", "npx", "" if direct.
  std::string Runner;
  /// Wrappers peeled off on the way (env, sudo -u, sh -c, docker compose run).
  std::vector<std::string> Wrappers;
  bool isAdminTask() const { return Category != AdminCategory::BuildStep; }
};

/// One vocabulary entry of rules/admin-commands.yaml or the config's
/// `admin-commands`.
struct AdminVocabularyEntry {
  std::string Framework;
  AdminCategory Category = AdminCategory::Migration;
  std::vector<std::string> Words; ///< program (basename) and subcommand words
};

/// Recognises admin commands through wrappers (bundle exec, poetry run, env,
/// sudo -u, sh -c "...", docker compose run SERVICE, ...). Immutable after
/// construction and shared by all worker threads.
class AdminMatcher {
public:
  /// The vocabulary compiled into the binary from rules/admin-commands.yaml.
  static const AdminMatcher &builtin();
  /// Parses a vocabulary document (the builtin one's schema).
  static llvm::Expected<std::vector<AdminVocabularyEntry>>
  parseVocabulary(llvm::StringRef Yaml);

  explicit AdminMatcher(std::vector<AdminVocabularyEntry> Entries);

  /// The admin command that C runs, directly or through wrappers.
  llvm::Optional<AdminMatch> match(const shell::Command &C) const;
  /// Every admin command in a script, nested sh -c bodies included.
  std::vector<AdminMatch> matchAll(const shell::Script &S) const;
  /// True for script paths whose file name says admin (migrate*, fix_*, ...).
  static bool isAdminScriptName(llvm::StringRef Path);

  llvm::ArrayRef<AdminVocabularyEntry> entries() const { return Entries; }

private:
  std::vector<AdminVocabularyEntry> Entries;
};

} // namespace adminlint

#endif
