//===- Workload.h - Things that run a process from an image -----*- C++ -*-===//
#ifndef ADMINLINT_MODEL_WORKLOAD_H
#define ADMINLINT_MODEL_WORKLOAD_H

#include "lib/Basic/SourceFile.h"
#include "lib/Parse/Shell.h"
#include <string>
#include <vector>

namespace adminlint {

/// An image reference as written and, where it resolved, its parts.
struct ImageRef {
  std::string Written; ///< as in the source ("{{ .Values.image.repository }}:{{
                       ///< .Values.image.tag }}")
  std::string Repository; ///< registry/name, empty if unresolved
  std::string Tag;
  std::string Digest;
  bool Resolved = false; ///< false: compare Written as an expression
  SourceFileRef File;
  SourceRange Range;
};

/// A config source of a workload: envFrom secret/configMap, env_file, a
/// secret-backed variable.
struct ConfigSource {
  std::string Kind; ///< "secret", "configMap", "env_file", "secretKeyRef"
  std::string Name;
  SourceFileRef File;
  SourceRange Range;
};

/// How long a workload's process lives.
enum class WorkloadLifetime { LongRunning, OneOff, Scheduled };

/// Something that runs a process from an image or a checkout (RULES.md: the
/// model every rule shares).
struct Workload {
  std::string Origin;      ///< "Deployment", "Job", "compose", "Procfile",
                           ///< "Dockerfile", "docker run", ...
  std::string Name;        ///< resource/service/process name
  std::string Container;   ///< container name within the resource, if any
  std::string ReleaseUnit; ///< chart dir, kustomization dir, compose file,
                           ///< manifest dir, or ""
  WorkloadLifetime Lifetime = WorkloadLifetime::LongRunning;
  bool InitContainer = false;
  ImageRef Image;
  std::vector<ConfigSource> Config;
  /// The command as one string (argv joined) and where it is.
  std::string Command;
  /// The command as shell code (an exec-form argv is one command whose words
  /// are the argv elements), for the admin matcher; empty if none.
  shell::Script Script;
  SourceFileRef File;
  SourceRange Range;
  /// Rules suppressed by an `adminlint.dev/ignore` annotation, with reason.
  std::string IgnoreAnnotation;
};

} // namespace adminlint

#endif
