//===- Gitlab.h - GitLab Code Quality report --------------------*- C++ -*-===//
#ifndef ADMINLINT_EMIT_GITLAB_H
#define ADMINLINT_EMIT_GITLAB_H

#include "lib/Emit/Emitter.h"
#include <string>

namespace adminlint {

/// The GitLab Code Quality severity of a finding: info, minor, major or
/// critical (a security rule is one step more severe than its level).
llvm::StringRef gitlabSeverity(const Diagnostic &D);

/// The Code Quality report (a JSON array) of a scan.
std::string renderGitlab(const ScanResult &Result);

std::unique_ptr<Emitter> createGitlabEmitter(const EmitOptions &Options);

} // namespace adminlint

#endif
