//===- TempTree.h - A throwaway directory tree for tests --------*- C++ -*-===//
#ifndef ADMINLINT_TESTS_UNIT_TEMPTREE_H
#define ADMINLINT_TESTS_UNIT_TEMPTREE_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <unistd.h>

namespace adminlint {

/// A temporary directory (canonical path) removed with its contents when the
/// test ends.
class TempTree {
public:
  TempTree() {
    llvm::SmallString<128> Dir;
    llvm::sys::fs::createUniqueDirectory("adminlint-test", Dir);
    llvm::SmallString<128> Real;
    llvm::sys::fs::real_path(Dir, Real);
    Root = std::string(Real.str());
  }
  ~TempTree() { llvm::sys::fs::remove_directories(Root); }

  /// Writes a file at a root-relative path, creating its directories.
  void write(llvm::StringRef Rel, llvm::StringRef Text) const {
    std::string Path = path(Rel);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Text;
  }
  void mkdir(llvm::StringRef Rel) const {
    llvm::sys::fs::create_directories(path(Rel));
  }
  /// Creates a symbolic link at Rel pointing to Target (as written).
  void link(llvm::StringRef Target, llvm::StringRef Rel) const {
    std::string Path = path(Rel);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
    [[maybe_unused]] int R = ::symlink(Target.str().c_str(), Path.c_str());
  }
  std::string path(llvm::StringRef Rel) const {
    return Rel.empty() ? Root : Root + "/" + Rel.str();
  }

  std::string Root;
};

} // namespace adminlint

#endif
