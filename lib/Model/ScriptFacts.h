//===- ScriptFacts.h - What Ruby and Node frontends share ------*- C++ -*-===//
//
// The Ruby and JavaScript/TypeScript frontends describe a script with the
// same PythonScriptModel the Python frontend fills (standalone, bootstrap,
// admin work), so ADM101 reads every language the same way. These helpers
// are the parts both frontends use.
//
//===----------------------------------------------------------------------===//
#ifndef ADMINLINT_MODEL_SCRIPTFACTS_H
#define ADMINLINT_MODEL_SCRIPTFACTS_H

#include "lib/Model/PythonScript.h"
#include "lib/Parse/ScriptTokens.h"

namespace adminlint {

/// Records the first error of a reader as ADM900 (ADM902 for a tripped
/// limit), prefixed with the language; later errors are mostly cascades.
void addReaderError(FileAnalysis &A, const script::Script &S,
                    llvm::StringRef Language);

/// The string literals of an array argument `["a", "b"]`, or empty when an
/// item is not a literal.
std::vector<EmbeddedText> literalItems(const script::Script &S,
                                       const script::Argument &Arg);

/// Adds a command string (a `system("…")` literal) as a shell unit.
void addShellString(FileAnalysis &A, const EmbeddedText &Command,
                    llvm::StringRef Label, ShellHost Host,
                    const FrontendLimits &Limits);

/// Adds an argv list (`system("rake", "db:migrate")`) as a shell unit.
void addShellArgv(FileAnalysis &A, const std::vector<EmbeddedText> &Argv,
                  SourceRange Whole, llvm::StringRef Label, ShellHost Host);

/// Admin work of any language: a call whose first argument is a literal SQL
/// statement that writes (`conn.query("UPDATE users SET …")`).
void findSqlWrites(const script::Script &S, PythonScriptModel &M);

/// Sorts bootstrap and admin facts by position, for stable messages.
void sortFacts(PythonScriptModel &M);

} // namespace adminlint

#endif
