//===- Walk.h - Finding the files of a repository ---------------*- C++ -*-===//
#ifndef ADMINLINT_DRIVER_WALK_H
#define ADMINLINT_DRIVER_WALK_H

#include "lib/Driver/Ignore.h"
#include "lib/Model/FileAnalysis.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {

/// The repository root of a directory: the nearest ancestor (or itself) with
/// `.git`, else the nearest with `.adminlint.yaml`, else the directory.
/// Dir must be absolute.
std::string findRepositoryRoot(llvm::StringRef Dir);

/// A file the walk found that may matter.
struct WalkEntry {
  std::string RelPath;               ///< relative to the root, forward slashes
  FileKind Kind = FileKind::Unknown; ///< Unknown: classify by its shebang
};

/// What shapes a walk.
struct WalkOptions {
  bool NoIgnore = false; ///< .gitignore, .ignore, .adminlintignore not read
  std::vector<GlobPattern> Exclude; ///< config `exclude`, relative to the root
  unsigned MaxDepth = 128;          ///< deeper directories are not entered
  /// WalkResult::Files sorted by path; false: in the order found (callers
  /// that sort what they make of the files save a sort).
  bool SortFiles = true;
};

/// What a walk found.
struct WalkResult {
  std::vector<WalkEntry> Files; ///< sorted by path unless !SortFiles
  unsigned FilesSeen = 0;       ///< regular files not excluded or ignored
};

/// The files under Root that may matter (a known kind by path, or no
/// extension and maybe a shebang), sorted by path. `.git`, `node_modules`,
/// `vendor` and `third_party` are skipped; ignore files are honoured;
/// symbolic links to files inside the root are kept under the link's path,
/// other links are never followed. Root must be absolute and canonical.
WalkResult walkRepository(llvm::StringRef Root, const WalkOptions &Options);

/// Called for each file a parallel walk finds, on the thread that takes it
/// (Worker: that thread's index, below the number of threads). Calls may run
/// at the same time on different threads.
using WalkVisitor =
    llvm::function_ref<void(const WalkEntry &Entry, unsigned Worker)>;

/// walkRepository with the directory tree split across Threads threads (the
/// calling thread is one of them), like ripgrep's walker. Visit runs for each
/// file as soon as its directory was read, on whichever thread is free, so
/// work on files overlaps the rest of the walk. The result is the same for
/// every number of threads.
WalkResult walkRepository(llvm::StringRef Root, const WalkOptions &Options,
                          unsigned Threads, WalkVisitor Visit);

/// Runs Work(Worker) on up to Threads threads, the calling thread being
/// worker 0; fewer when the system refuses to start a thread, so Work must
/// take its tasks from a shared source. The walk and the scan's later passes
/// share it.
void runOnThreads(unsigned Threads,
                  llvm::function_ref<void(unsigned Worker)> Work);

/// Whether a root-relative path is excluded by config globs.
bool isExcluded(llvm::StringRef RelPath,
                const std::vector<GlobPattern> &Exclude);

} // namespace adminlint

#endif
