//===- Kubernetes.h - Kubernetes workload objects ---------------*- C++ -*-===//
#ifndef ADMINLINT_MODEL_KUBERNETES_H
#define ADMINLINT_MODEL_KUBERNETES_H

#include "lib/Model/FileAnalysis.h"
#include "lib/Model/Workload.h"
#include "lib/Parse/Shell.h"
#include "lib/Parse/Yaml.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {
namespace k8s {

/// A scalar copied out of the YAML tree: its decoded text mapped to host
/// bytes, and the host range of the whole scalar (quotes included).
struct Scalar {
  EmbeddedText Text;
  SourceRange Range;
  bool Quoted = false;
  llvm::StringRef value() const { return Text.text(); }
};

/// One `env` entry: a literal value or a secretKeyRef/configMapKeyRef.
struct EnvVar {
  Scalar Name;
  Scalar Value; ///< `value:`; empty when it comes from a reference
  std::string
      RefKind;    ///< "", "secretKeyRef", "configMapKeyRef", "fieldRef", ...
  Scalar RefName; ///< the referenced secret / configMap
  Scalar RefKey;
  SourceRange Range; ///< the whole list item
};

/// One `envFrom` entry.
struct EnvFrom {
  std::string Kind; ///< "secret" or "configMap"
  Scalar Name;
  SourceRange Range;
};

/// A container or init container of a pod template.
struct Container {
  Scalar Name;
  Scalar Image;                ///< empty Range when the container has no image
  std::vector<Scalar> Command; ///< exec-form argv of `command:`
  std::vector<Scalar> Args;    ///< `args:`
  std::vector<EnvVar> Env;
  std::vector<EnvFrom> EnvFromSources;
  bool Init = false;
  SourceRange Range;
};

/// A Kubernetes object that runs containers: a workload kind or any kind that
/// carries a pod template (spec.template, spec.jobTemplate).
struct Object {
  std::string ApiVersion;
  std::string Kind;
  Scalar Name; ///< metadata.name (may be empty)
  std::string Namespace;
  SourceRange Range; ///< the document's root mapping
  SourceRange KindRange;
  /// "helm.sh/hook" or "argocd.argoproj.io/hook" value, if any.
  std::string Hook;
  /// `adminlint.dev/ignore` annotation value, if any.
  std::string IgnoreAnnotation;
  WorkloadLifetime Lifetime = WorkloadLifetime::LongRunning;
  std::vector<Container> Containers; ///< init containers first, in source order
};

/// Kubernetes objects in one YAML file, in document order.
struct Manifest {
  std::vector<Object> Objects;
};

/// The lifetime of a kind: Deployment/StatefulSet/DaemonSet/ReplicaSet are
/// long-running, CronJob scheduled, Job/Pod (and any hook) one-off.
WorkloadLifetime lifetimeOf(llvm::StringRef Kind, bool IsHook);

/// Builds the objects of one parsed document (a List's items included).
/// A document that is not a Kubernetes object yields nothing, quietly.
void buildObjects(const yaml::Node &Root, std::vector<Object> &Out);

/// Parses an image reference (registry/repo:tag@digest) into Out's parts;
/// sets Out.Resolved unless it holds a template expression or variable.
void parseImageRef(llvm::StringRef Written, ImageRef &Out);

/// Turns a scalar into a shell word with the same host mapping.
shell::Word toWord(const Scalar &S);

/// Adds the shell units and workloads of Objects to A. ReleaseUnit is the
/// release unit of the file (normally its directory).
void addObjects(const std::vector<Object> &Objects, llvm::StringRef ReleaseUnit,
                FileAnalysis &A);

} // namespace k8s
} // namespace adminlint

#endif
