//===- CiJob.h - CI pipelines: jobs, variables, environments ----*- C++ -*-===//
#ifndef ADMINLINT_MODEL_CIJOB_H
#define ADMINLINT_MODEL_CIJOB_H

#include "lib/Basic/SourceFile.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {

/// A variable a pipeline sets (`env:` in GitHub Actions, `variables:` in
/// GitLab CI) with its literal value, if it is a scalar.
struct CiVariable {
  std::string Name;
  std::string Value;
  SourceRange NameRange;
  SourceRange ValueRange;
};

/// One CI job: what it targets and the shell code it runs.
struct CiJob {
  std::string Id;
  SourceRange IdRange;
  std::string Name;        ///< display name, or the id
  std::string Stage;       ///< GitLab stage
  std::string Environment; ///< deployment environment name, if any
  SourceRange EnvironmentRange;
  std::string Image; ///< GitLab image / GitHub container
  std::vector<std::string> Services;
  std::vector<std::string> Uses;       ///< GitHub actions used by steps
  std::vector<std::string> SecretRefs; ///< secrets.X and $PROD_X references
  std::vector<CiVariable> Variables;   ///< job and step level
  std::vector<unsigned> ShellUnits;    ///< indices into FileAnalysis::Shell
  /// The job runs against a deployed environment, and why ("environment:
  /// production", "uses secrets.PROD_DATABASE_URL", "deploy job").
  bool AgainstDeployed = false;
  std::string DeployedReason;
  bool IsTest =
      false; ///< named like a test job, or migrates a service container
};

/// The typed model of a GitHub workflow or a GitLab CI file.
struct CiPipelineModel {
  std::vector<CiVariable> Variables; ///< workflow / global level
  std::vector<CiJob> Jobs;
};

/// Decides CiJob::AgainstDeployed, DeployedReason and IsTest from the
/// job's names, environment and secret references.
void classifyCiJob(CiJob &Job);

/// Appends to Out the NAME of each `secrets.NAME` in Text.
void collectSecretRefs(llvm::StringRef Text, std::vector<std::string> &Out);

/// Appends to Out each `$NAME` / `${NAME}` in Text whose name says it belongs
/// to a deployed environment (PROD_, PRODUCTION, STAGING, LIVE).
void collectDeployedVariableRefs(llvm::StringRef Text,
                                 std::vector<std::string> &Out);

/// Whether a name (environment, job, secret) says production or staging.
bool namesDeployedTarget(llvm::StringRef Name);

} // namespace adminlint

#endif
