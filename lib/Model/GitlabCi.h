//===- GitlabCi.h - GitLab CI pipelines -------------------------*- C++ -*-===//
#ifndef ADMINLINT_MODEL_GITLABCI_H
#define ADMINLINT_MODEL_GITLABCI_H

#include "lib/Model/CiJob.h"
#include "lib/Model/FileAnalysis.h"
#include "lib/Model/Frontends.h"

namespace adminlint {

/// The frontend of FileKind::GitlabCi (`.gitlab-ci.yml` and local includes
/// named `*.gitlab-ci.yml`): a CiPipelineModel in FileAnalysis::Model, and
/// each `script`/`before_script`/`after_script` line as a ShellUnit (Host
/// GitlabScript, Label the job name).
void analyzeGitlabCi(FileAnalysis &A, const FrontendLimits &Limits);

} // namespace adminlint

#endif
