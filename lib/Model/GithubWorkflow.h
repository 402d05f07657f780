//===- GithubWorkflow.h - GitHub Actions workflows --------------*- C++ -*-===//
#ifndef ADMINLINT_MODEL_GITHUBWORKFLOW_H
#define ADMINLINT_MODEL_GITHUBWORKFLOW_H

#include "lib/Model/CiJob.h"
#include "lib/Model/FileAnalysis.h"
#include "lib/Model/Frontends.h"

namespace adminlint {

/// The frontend of FileKind::GithubWorkflow (workflows and composite
/// `action.yml`): a CiPipelineModel in FileAnalysis::Model, and each `run:`
/// body as a ShellUnit (Host GithubRun, Label the job id) whose `${{ }}`
/// expressions are opaque words.
void analyzeGithubWorkflow(FileAnalysis &A, const FrontendLimits &Limits);

} // namespace adminlint

#endif
