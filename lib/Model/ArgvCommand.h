//===- ArgvCommand.h - A simple command from an argv list -------*- C++ -*-===//
#ifndef ADMINLINT_MODEL_ARGVCOMMAND_H
#define ADMINLINT_MODEL_ARGVCOMMAND_H

#include "lib/Parse/Shell.h"
#include "llvm/ADT/ArrayRef.h"

namespace adminlint {

/// A script of one simple command whose words are the given argv items
/// (string literals of `subprocess.run([...])`, `execvp(..., argv)`), so the
/// shell rules see commands that were never written as shell code. Whole is
/// the host range of the argv list, used for empty items.
shell::Script argvScript(llvm::ArrayRef<EmbeddedText> Argv, SourceRange Whole);

} // namespace adminlint

#endif
