//===- AdminCommand.h - Recognising admin commands in shell code -*- C++
//-*-===//
#ifndef ADMINLINT_MODEL_ADMINCOMMAND_H
#define ADMINLINT_MODEL_ADMINCOMMAND_H

#include "lib/Parse/Shell.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace adminlint {

/// What an admin-command vocabulary entry does. A build step is not an admin
/// task (collectstatic, assets:precompile) and is recognised so rules can say
/// so.
enum class AdminCategory { Migration, DataTask, Console, BuildStep };

llvm::StringRef categoryName(AdminCategory C);

/// One recognised admin command inside a shell command.
struct AdminMatch {
  AdminCategory Category = AdminCategory::Migration;
  std::string Framework;    ///< "django", "rails", ...
  std::string Entry;        ///< the vocabulary entry, "manage.py migrate"
  SourceRange Range;        ///< host bytes from the tool to its subcommand
  SourceRange CommandRange; ///< host bytes of the whole simple command
  /// The interpreter or wrapper that runs it, normalized: "bundle exec",
  /// "poetry run", "/app/.venv/bin/python", "python", "npx", "" if direct.
  std::string Runner;
  /// Wrappers peeled off on the way (env, sudo -u, sh -c, docker compose run).
  std::vector<std::string> Wrappers;
  /// The words of Range joined by single spaces ("python manage.py migrate"),
  /// for messages and fingerprints.
  std::string Text;
  bool isAdminTask() const { return Category != AdminCategory::BuildStep; }
};

/// One vocabulary entry of rules/admin-commands.yaml or the config's
/// `admin-commands`.
struct AdminVocabularyEntry {
  std::string Framework;
  AdminCategory Category = AdminCategory::Migration;
  std::vector<std::string> Words; ///< program (basename) and subcommand words
  /// A `script-names` pattern: Words[0] is a file-name glob.
  bool ScriptName = false;
};

/// The `scripts` of the repository's package.json: name to command line.
using PackageScripts = llvm::StringMap<std::string>;

/// A one-off process started from shell code: `docker run`, `docker exec`,
/// `docker compose run|exec`, `kubectl run|exec|create job`, `heroku run`,
/// `kamal app exec`, `fly ssh console -C`.
struct OneOffRun {
  std::string Kind;        ///< "docker run", "kubectl exec", ...
  size_t Begin = 0;        ///< index of the tool's word (docker, kubectl, ...)
  size_t CommandBegin = 0; ///< first word of the process's command, or size()
  std::string Image;       ///< docker run IMAGE, kubectl run --image=IMAGE
  SourceRange ImageRange;  ///< host bytes of the image reference
  /// The working directory or repository is mounted (-v $PWD:/app, -v .:/app).
  bool MountsWorkdir = false;
};

/// The one-off run that Words[I...] starts, if it is one.
llvm::Optional<OneOffRun> parseOneOff(llvm::ArrayRef<shell::Word> Words,
                                      size_t I = 0);

/// Whether an image is a generic base image (python, node, alpine, postgres,
/// ...) from Docker Hub's library rather than an app's own image.
bool isGenericBaseImage(llvm::StringRef Image);
/// Whether an image is a database server image (postgres, mysql, mongo, ...).
bool isDatabaseImage(llvm::StringRef Image);

/// Shell code nested in a command's words: the body of `sh -c "..."`, or a
/// one-off's command given as one string (`heroku run "a && b"`). Parsed with
/// exact host ranges; callers bound how deep they descend.
std::vector<shell::Script> nestedScripts(const shell::Command &C);

/// Calls Fn for every simple command of S and of the shell code nested in
/// its commands (nestedScripts), depth-first, at most MaxDepth levels deep.
void forEachCommand(const shell::Script &S,
                    llvm::function_ref<void(const shell::Command &)> Fn,
                    unsigned MaxDepth = 8);

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
  /// The same, resolving `npm|yarn|pnpm run NAME` through package.json scripts.
  llvm::Optional<AdminMatch> match(const shell::Command &C,
                                   const PackageScripts *Scripts) const;
  /// Every admin command in a script, nested sh -c bodies included.
  std::vector<AdminMatch> matchAll(const shell::Script &S) const;
  std::vector<AdminMatch> matchAll(const shell::Script &S,
                                   const PackageScripts *Scripts) const;
  /// True for script paths whose file name says admin (migrate*, fix_*, ...).
  static bool isAdminScriptName(llvm::StringRef Path);
  /// The category of a script path whose file name says admin.
  llvm::Optional<AdminCategory> scriptCategory(llvm::StringRef Path) const;

  llvm::ArrayRef<AdminVocabularyEntry> entries() const { return Entries; }

private:
  friend class CommandMatcher;
  std::vector<AdminVocabularyEntry> Entries;
  /// Entry indices by program name, in file order.
  llvm::StringMap<std::vector<unsigned>> ByProgram;
  std::vector<unsigned> AnyProgram;  ///< entries whose program is `*`
  std::vector<unsigned> ScriptNames; ///< `script-names` entries
};

} // namespace adminlint

#endif
