//===- Compose.h - docker-compose files -------------------------*- C++ -*-===//
#ifndef ADMINLINT_MODEL_COMPOSE_H
#define ADMINLINT_MODEL_COMPOSE_H

#include "lib/Model/FileAnalysis.h"
#include "lib/Model/Kubernetes.h"
#include "lib/Parse/Yaml.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {
namespace compose {

/// One `environment` entry (list `K=V` or mapping form).
struct EnvEntry {
  std::string Name;
  std::string Value;
  bool HasValue = false;
  SourceRange Range;
};

/// One service of a compose file.
struct Service {
  k8s::Scalar Name;
  k8s::Scalar Image; ///< empty Range when the service only builds
  bool Builds = false;
  /// The build's context and Dockerfile ("./api|Dockerfile.prod"), so that
  /// services building the same image compare equal.
  std::string BuildKey;
  /// `command` / `entrypoint` as shell code: a string is parsed as shell, a
  /// list is one command whose words are the elements.
  shell::Script Command;
  shell::Script Entrypoint;
  std::vector<k8s::Scalar> EnvFiles;
  std::vector<EnvEntry> Environment;
  std::vector<std::string> Profiles;
  bool HasDeploy = false; ///< swarm `deploy:` keys
  /// `restart: "no"`/`on-failure`, or another service waits for it with
  /// `condition: service_completed_successfully`: a one-off task.
  bool RunsToCompletion = false;
  SourceRange Range;
};

/// The services of one compose file.
struct File {
  std::vector<Service> Services;
  bool UsesDeploy = false;
};

/// Builds the compose model of a parsed document; false if it has no
/// `services` mapping (not a compose file).
bool buildCompose(const yaml::Node &Root, File &Out);

/// A compose file's context from its path and content (RULES.md): Local
/// unless named *prod*/*production*/*deploy*/*stack* or using `deploy:`.
Context composeContext(llvm::StringRef Path, const File &F);

} // namespace compose
} // namespace adminlint

#endif
