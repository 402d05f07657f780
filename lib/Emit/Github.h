//===- Github.h - GitHub Actions workflow commands --------------*- C++ -*-===//
#ifndef ADMINLINT_EMIT_GITHUB_H
#define ADMINLINT_EMIT_GITHUB_H

#include "lib/Emit/Emitter.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace adminlint {

/// Escapes the message of a workflow command: % CR LF.
std::string escapeGithubData(llvm::StringRef Text);
/// Escapes a property value of a workflow command: % CR LF : ,
std::string escapeGithubProperty(llvm::StringRef Text);

/// One `::error file=...,line=...::message` line per finding, so GitHub
/// annotates the changed files of a pull request.
std::unique_ptr<Emitter> createGithubEmitter(const EmitOptions &Options);

} // namespace adminlint

#endif
