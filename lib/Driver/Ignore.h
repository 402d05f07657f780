//===- Ignore.h - gitignore patterns and path globs -------------*- C++ -*-===//
#ifndef ADMINLINT_DRIVER_IGNORE_H
#define ADMINLINT_DRIVER_IGNORE_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace adminlint {

/// Matches one path segment against a glob segment: `*`, `?`, `[a-z]`,
/// `[!a-z]` and `\` escapes; `*` and `?` never match `/`.
bool matchSegment(llvm::StringRef Glob, llvm::StringRef Text);

/// One pattern with gitignore semantics: a pattern without a slash (other than
/// a trailing one) matches a name at any depth; one with a slash is anchored
/// to its base directory; `**` matches any number of directories; a trailing
/// `/` matches directories only; a leading `!` negates.
class GlobPattern {
public:
  /// Parses one line of an ignore file; None for blank lines and comments.
  static llvm::Optional<GlobPattern> parse(llvm::StringRef Line);

  /// Whether the pattern matches a path relative to its base directory.
  bool matches(llvm::StringRef RelPath, bool IsDir) const;
  /// Whether the path or one of its parent directories matches (for config
  /// globs such as `tests/` or `tests/**` applied to files).
  bool matchesPathOrParent(llvm::StringRef RelPath) const;
  /// Makes the pattern relative to a subdirectory ("examples/shop") of the
  /// directory it was relative to.
  void rebase(llvm::StringRef Dir);
  bool negated() const { return Negated; }
  llvm::StringRef text() const { return Text; }

private:
  std::string Text;
  std::vector<std::string> Segments;
  bool Negated = false;
  bool DirOnly = false;
  bool Anchored = false;
};

/// The patterns of the ignore files of one directory (`.gitignore`, then
/// `.ignore`, then `.adminlintignore`: a later pattern wins).
struct IgnoreFile {
  std::string Base; ///< directory relative to the root, "" or "a/b/"
  std::vector<GlobPattern> Patterns;
  void addPatterns(llvm::StringRef Text);
};

/// The ignore files that apply in one directory: its own and its parents'.
/// Immutable and shared by the directories below it.
class IgnoreChain {
public:
  IgnoreChain(std::shared_ptr<const IgnoreChain> Parent, IgnoreFile File)
      : Parent(std::move(Parent)), File(std::move(File)) {}

  /// Whether a root-relative path is ignored: the deepest ignore file with a
  /// matching pattern decides, and in it the last matching pattern.
  static bool isIgnored(const IgnoreChain *Chain, llvm::StringRef RelPath,
                        bool IsDir);

private:
  std::shared_ptr<const IgnoreChain> Parent;
  IgnoreFile File;
};

} // namespace adminlint

#endif
