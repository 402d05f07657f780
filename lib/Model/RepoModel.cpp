//===- RepoModel.cpp - The whole repository's release model ---------------===//
#include "lib/Model/RepoModel.h"

namespace adminlint {

const FileAnalysis *RepoModel::findFile(llvm::StringRef Path) const {
  for (const auto &F : Files)
    if (F->File->path() == Path)
      return F.get();
  return nullptr;
}

} // namespace adminlint
