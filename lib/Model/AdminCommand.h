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

struct FileAnalysis;
struct RepoModel;

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
  /// The package.json script an `npm|yarn|pnpm run NAME` was resolved
  /// through ("db:migrate") and its command line, when package scripts were
  /// known; empty when the call was judged by the script's name.
  std::string PackageScript;
  std::string PackageCommand;
  bool isAdminTask() const { return Category != AdminCategory::BuildStep; }
  /// "migration 'python manage.py migrate'", "data task '...'", for messages;
  /// a call resolved through package.json says which script it runs:
  /// "migration 'npm run db:up' (package.json script 'db:up': knex
  /// migrate:latest)".
  std::string describe() const;
};

/// Host bytes from a command's first word to its last (its Range when it has
/// no words).
SourceRange wordsRange(const shell::Command &C);
/// The words of C from index Begin, joined by single spaces.
std::string wordsText(const shell::Command &C, size_t Begin = 0);

/// Shell code run on other hosts: ssh's remote command or here-document, the
/// `-a` of an ansible shell/command module, fab/pssh/pdsh command strings.
struct RemoteRun {
  std::string Tool;                   ///< "ssh", "ansible", "fab", "pssh", ...
  SourceRange ToolRange;              ///< host bytes of the tool's word
  std::vector<shell::Script> Scripts; ///< the remote shell code
  /// Local script files fed to the remote shell (`ssh host bash -s < fix.sh`,
  /// `cat fix.sh | ssh host bash`): host ranges and the paths as written.
  std::vector<std::pair<SourceRange, std::string>> FedScripts;
};

/// The remote run C starts; PipedFrom is the command piped into C, if any.
/// None for tunnels (-L/-R/-D/-N/-W), `ssh -T git@...`, ssh-keyscan and
/// ssh-keygen.
llvm::Optional<RemoteRun>
parseRemote(const shell::Command &C, const shell::Command *PipedFrom = nullptr);

/// The script file C runs (`./scripts/build.sh`, `sh entrypoint.sh`,
/// `/docker-entrypoint.sh`), or an empty string.
llvm::StringRef scriptRunBy(const shell::Command &C);
/// The shell script among the repository's files that Script (a path in an
/// image or a checkout) names: the same file name, preferring one in the
/// directory of FromPath (the Dockerfile) or below it; null if none.
const FileAnalysis *findScriptFile(const RepoModel &M, llvm::StringRef FromPath,
                                   llvm::StringRef Script);

/// Whether C installs dependencies (pip install, npm install, gem install,
/// bundle install, apt-get install, apk add, composer install, ...).
bool isDependencyInstall(const shell::Command &C);

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

/// The first one-off run among C's words (after wrappers such as sudo).
llvm::Optional<OneOffRun> findOneOff(const shell::Command &C);
/// The shell code a one-off runs: a single command string is parsed, several
/// words are one command; empty when it runs the image's default command.
shell::Script oneOffScript(const shell::Command &C, const OneOffRun &Run);

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
  /// A matcher that also resolves `npm|yarn|pnpm run NAME` through Packages
  /// (the repository root's package.json scripts) wherever a caller passes
  /// no scripts of its own; a NAME Packages does not define is judged by its
  /// name.
  AdminMatcher(std::vector<AdminVocabularyEntry> Entries,
               PackageScripts Packages);

  /// The admin command that C runs, directly or through wrappers.
  llvm::Optional<AdminMatch> match(const shell::Command &C) const;
  /// The same, resolving `npm|yarn|pnpm run NAME` through package.json scripts.
  llvm::Optional<AdminMatch> match(const shell::Command &C,
                                   const PackageScripts *Scripts) const;
  /// Every admin command in a script, nested sh -c bodies included.
  std::vector<AdminMatch> matchAll(const shell::Script &S) const;
  std::vector<AdminMatch> matchAll(const shell::Script &S,
                                   const PackageScripts *Scripts) const;
  /// What a process start runs, in order: for every significant simple
  /// command (`sh -c` bodies flattened; echo, set, export, cd, sleep, test,
  /// waits and build steps left out) the admin task it runs, or None for
  /// any other command (the process itself, `exec "$@"`).
  std::vector<llvm::Optional<AdminMatch>>
  startSequence(const shell::Script &S) const;
  /// True for script paths whose file name says admin (migrate*, fix_*, ...).
  static bool isAdminScriptName(llvm::StringRef Path);
  /// The category of a script path whose file name says admin.
  llvm::Optional<AdminCategory> scriptCategory(llvm::StringRef Path) const;

  llvm::ArrayRef<AdminVocabularyEntry> entries() const { return Entries; }
  const PackageScripts &packageScripts() const { return Packages; }

private:
  friend class CommandMatcher;
  std::vector<AdminVocabularyEntry> Entries;
  /// Entry indices by program name, in file order.
  llvm::StringMap<std::vector<unsigned>> ByProgram;
  std::vector<unsigned> AnyProgram;  ///< entries whose program is `*`
  std::vector<unsigned> ScriptNames; ///< `script-names` entries
  PackageScripts Packages;           ///< the root package.json's scripts
};

} // namespace adminlint

#endif
