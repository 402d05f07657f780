//===- CxxFrontend.h - C/C++ command strings via adminlint-cxx --*- C++ -*-===//
#ifndef ADMINLINT_DRIVER_CXXFRONTEND_H
#define ADMINLINT_DRIVER_CXXFRONTEND_H

#include "lib/Model/FileAnalysis.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace adminlint {

/// How to run the C/C++ frontend.
struct CxxFrontendOptions {
  std::string Root; ///< absolute repository root
  /// `--compile-commands`: compile_commands.json or its directory; empty:
  /// findCompileCommands(Root).
  std::string CompileCommands;
  /// The adminlint-cxx executable; empty: beside the running binary, else
  /// on PATH.
  std::string ToolPath;
  /// Only the database's files under these absolute paths (the scan's
  /// PATHs); empty: all of them.
  std::vector<std::string> Under;
  unsigned TimeoutSeconds = 300;
  uint64_t MaxFileSize = 2 * 1024 * 1024;
};

/// What the C/C++ frontend yields.
struct CxxFrontendResult {
  /// One analysis per C/C++ file under Root with command strings or
  /// environment literals: FileKind::Cxx, a ShellUnit (Host CxxString,
  /// Label the function) per command, a CxxSourceModel with the setenv and
  /// putenv literals (ADM103). The caller sets each file's Context.
  std::vector<std::shared_ptr<FileAnalysis>> Files;
  /// Notes for `toolExecutionNotifications` and the text summary: a missing
  /// tool or database, a crash, a timeout, unreadable output, files that did
  /// not compile. The scan never fails because of them.
  std::vector<std::string> Notes;
  double Seconds = 0; ///< wall time of the child (`--statistics`)
  bool Ran = false;   ///< the child ran and its output was read
};

/// Reads a repository file (repository-relative path, forward slashes);
/// null when it cannot be read.
using CxxFileLoader = llvm::function_ref<SourceFileRef(llvm::StringRef)>;

/// Root/compile_commands.json or Root/build/compile_commands.json, or "".
std::string findCompileCommands(llvm::StringRef Root);

/// Runs adminlint-cxx as a child process (with a timeout) and turns its
/// output into analyses. Load reads the files it names; when null, files are
/// read from disk. Never throws and never fails: problems become Notes.
CxxFrontendResult runCxxFrontend(const CxxFrontendOptions &Opts,
                                 CxxFileLoader Load = nullptr);

/// Turns adminlint-cxx's JSON output into analyses (runCxxFrontend's second
/// half, for tests). Calls whose bytes no longer match the file are dropped.
CxxFrontendResult parseCxxFrontendOutput(llvm::StringRef Json,
                                         llvm::StringRef Root,
                                         CxxFileLoader Load);

} // namespace adminlint

#endif
