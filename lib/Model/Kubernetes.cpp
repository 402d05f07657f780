//===- Kubernetes.cpp - Kubernetes workload objects -----------------------===//
#include "lib/Model/Kubernetes.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace adminlint {
namespace k8s {

static Scalar toScalar(const yaml::Node *N) {
  Scalar S;
  if (!N || !N->isScalar())
    return S;
  S.Text = N->text();
  S.Range = N->range();
  S.Quoted = N->style() != yaml::NodeStyle::Plain;
  return S;
}

static bool isKubernetesObject(const yaml::Node &Root) {
  return Root.isMapping() && !Root.getString("apiVersion").empty() &&
         !Root.getString("kind").empty();
}

WorkloadLifetime lifetimeOf(StringRef Kind, bool IsHook) {
  if (Kind == "CronJob")
    return WorkloadLifetime::Scheduled;
  if (IsHook)
    return WorkloadLifetime::OneOff;
  return StringSwitch<WorkloadLifetime>(Kind)
      .Cases("Job", "Pod", WorkloadLifetime::OneOff)
      .Default(WorkloadLifetime::LongRunning);
}

/// The pod spec of an object: spec (Pod), spec.jobTemplate.spec.template.spec
/// (CronJob) or spec.template.spec (every kind with a pod template).
static const yaml::Node *podSpec(const yaml::Node &Root) {
  const yaml::Node *Spec = Root.get("spec");
  if (!Spec || !Spec->isMapping())
    return nullptr;
  if (Root.getString("kind") == "Pod")
    return Spec;
  if (const yaml::Node *JobTemplate = Spec->get("jobTemplate"))
    if (const yaml::Node *JobSpec = JobTemplate->get("spec"))
      Spec = JobSpec;
  const yaml::Node *Template = Spec->get("template");
  if (!Template || !Template->isMapping())
    return nullptr;
  const yaml::Node *Pod = Template->get("spec");
  return Pod && Pod->isMapping() ? Pod : nullptr;
}

static std::vector<Scalar> argv(const yaml::Node *N) {
  std::vector<Scalar> Out;
  if (!N)
    return Out;
  if (N->isScalar()) {
    Out.push_back(toScalar(N));
    return Out;
  }
  for (const yaml::Node *I : N->items())
    if (I->isScalar())
      Out.push_back(toScalar(I));
  return Out;
}

static void addEnvRef(const yaml::Node &From, EnvVar &V) {
  for (StringRef Kind :
       {"secretKeyRef", "configMapKeyRef", "fieldRef", "resourceFieldRef"}) {
    const yaml::Node *Ref = From.get(Kind);
    if (!Ref)
      continue;
    V.RefKind = Kind.str();
    V.RefName = toScalar(Ref->get("name"));
    V.RefKey = toScalar(Ref->get("key"));
    return;
  }
}

static std::vector<EnvVar> envVars(const yaml::Node *N) {
  std::vector<EnvVar> Out;
  if (!N)
    return Out;
  for (const yaml::Node *I : N->items()) {
    if (!I->isMapping())
      continue;
    EnvVar V;
    V.Name = toScalar(I->get("name"));
    V.Value = toScalar(I->get("value"));
    V.Range = I->range();
    if (const yaml::Node *From = I->get("valueFrom"))
      addEnvRef(*From, V);
    Out.push_back(std::move(V));
  }
  return Out;
}

static std::vector<EnvFrom> envFrom(const yaml::Node *N) {
  std::vector<EnvFrom> Out;
  if (!N)
    return Out;
  for (const yaml::Node *I : N->items()) {
    for (auto Kind : {std::make_pair("secretRef", "secret"),
                      std::make_pair("configMapRef", "configMap")}) {
      const yaml::Node *Ref = I->get(Kind.first);
      if (!Ref)
        continue;
      Out.push_back({Kind.second, toScalar(Ref->get("name")), I->range()});
    }
  }
  return Out;
}

static void addContainers(const yaml::Node *List, bool Init,
                          std::vector<Container> &Out) {
  if (!List)
    return;
  for (const yaml::Node *I : List->items()) {
    if (!I->isMapping())
      continue;
    Container C;
    C.Name = toScalar(I->get("name"));
    C.Image = toScalar(I->get("image"));
    C.Command = argv(I->get("command"));
    C.Args = argv(I->get("args"));
    C.Env = envVars(I->get("env"));
    C.EnvFromSources = envFrom(I->get("envFrom"));
    C.Init = Init;
    C.Range = I->range();
    Out.push_back(std::move(C));
  }
}

static void readAnnotations(const yaml::Node *Meta, Object &O) {
  const yaml::Node *Ann = Meta ? Meta->get("annotations") : nullptr;
  if (!Ann)
    return;
  O.Hook = Ann->getString("helm.sh/hook").str();
  if (O.Hook.empty())
    O.Hook = Ann->getString("argocd.argoproj.io/hook").str();
  O.IgnoreAnnotation = Ann->getString("adminlint.dev/ignore").str();
}

static void buildObject(const yaml::Node &Root, std::vector<Object> &Out) {
  if (!isKubernetesObject(Root))
    return;
  const yaml::Node *Pod = podSpec(Root);
  if (!Pod)
    return;
  Object O;
  O.ApiVersion = Root.getString("apiVersion").str();
  O.Kind = Root.getString("kind").str();
  O.KindRange = Root.get("kind")->range();
  O.Range = Root.range();
  const yaml::Node *Meta = Root.get("metadata");
  if (Meta) {
    O.Name = toScalar(Meta->get("name"));
    O.Namespace = Meta->getString("namespace").str();
  }
  readAnnotations(Meta, O);
  O.Lifetime = lifetimeOf(O.Kind, !O.Hook.empty());
  addContainers(Pod->get("initContainers"), true, O.Containers);
  addContainers(Pod->get("containers"), false, O.Containers);
  if (!O.Containers.empty())
    Out.push_back(std::move(O));
}

void buildObjects(const yaml::Node &Root, std::vector<Object> &Out) {
  if (!isKubernetesObject(Root))
    return;
  if (Root.getString("kind").endswith("List")) {
    if (const yaml::Node *Items = Root.get("items"))
      for (const yaml::Node *I : Items->items())
        buildObject(*I, Out);
    return;
  }
  buildObject(Root, Out);
}

//===----------------------------------------------------------------------===//
// Image references
//===----------------------------------------------------------------------===//

void parseImageRef(StringRef Written, ImageRef &Out) {
  Out.Written = Written.str();
  Written = Written.trim();
  Out.Resolved = !Written.empty() && !Written.contains("{{") &&
                 !Written.contains('$') && !Written.contains(' ');
  if (!Out.Resolved)
    return;
  StringRef Name = Written;
  size_t At = Name.find('@');
  if (At != StringRef::npos) {
    Out.Digest = Name.substr(At + 1).str();
    Name = Name.take_front(At);
  }
  size_t Slash = Name.rfind('/');
  size_t Colon = Name.rfind(':');
  if (Colon != StringRef::npos && (Slash == StringRef::npos || Colon > Slash)) {
    Out.Tag = Name.substr(Colon + 1).str();
    Name = Name.take_front(Colon);
  }
  Out.Repository = Name.str();
}

shell::Word toWord(const Scalar &S) {
  shell::Word W;
  W.Text = S.Text;
  W.Range = S.Range;
  W.Quoted = S.Quoted;
  W.HasExpansion = S.value().contains('$');
  return W;
}

//===----------------------------------------------------------------------===//
// Shell units and workloads
//===----------------------------------------------------------------------===//

/// The exec-form argv of a container as one shell command.
static shell::Script argvScript(const Container &C) {
  shell::Script S;
  shell::Command Cmd;
  for (const std::vector<Scalar> *Part : {&C.Command, &C.Args})
    for (const Scalar &A : *Part)
      Cmd.Words.push_back(toWord(A));
  if (Cmd.Words.empty())
    return S;
  Cmd.Range = {Cmd.Words.front().Range.Begin, Cmd.Words.back().Range.End};
  if (Cmd.Range.End < Cmd.Range.Begin)
    Cmd.Range.End = Cmd.Range.Begin;
  S.Commands.push_back(std::move(Cmd));
  return S;
}

static std::string joinArgv(const shell::Script &S) {
  std::string Out;
  if (S.Commands.empty())
    return Out;
  for (const shell::Word &W : S.Commands.front().Words) {
    if (!Out.empty())
      Out += ' ';
    Out += W.value().str();
  }
  return Out;
}

static std::vector<ConfigSource> configSources(const Container &C,
                                               const SourceFileRef &File) {
  std::vector<ConfigSource> Out;
  for (const EnvFrom &E : C.EnvFromSources)
    Out.push_back({E.Kind, E.Name.value().str(), File, E.Range});
  for (const EnvVar &V : C.Env)
    if (V.RefKind == "secretKeyRef" || V.RefKind == "configMapKeyRef")
      Out.push_back({V.RefKind, V.RefName.value().str(), File, V.Range});
  return Out;
}

static std::string labelOf(const Object &O, const Container &C) {
  return O.Kind + "/" + O.Name.value().str() + "/" + C.Name.value().str();
}

void addObjects(const std::vector<Object> &Objects, StringRef ReleaseUnit,
                FileAnalysis &A) {
  for (const Object &O : Objects) {
    for (const Container &C : O.Containers) {
      Workload W;
      W.Origin = O.Kind;
      W.Name = O.Name.value().str();
      W.Container = C.Name.value().str();
      W.ReleaseUnit = ReleaseUnit.str();
      W.Lifetime = O.Lifetime;
      W.InitContainer = C.Init;
      parseImageRef(C.Image.value(), W.Image);
      W.Image.File = A.File;
      W.Image.Range = C.Image.Range;
      W.Config = configSources(C, A.File);
      W.Script = argvScript(C);
      W.Command = joinArgv(W.Script);
      W.File = A.File;
      W.Range = C.Range;
      W.IgnoreAnnotation = O.IgnoreAnnotation;
      if (!W.Script.Commands.empty()) {
        ShellUnit U;
        U.Script = W.Script;
        U.Host = ShellHost::K8sCommand;
        U.Label = labelOf(O, C);
        U.LongRunning = O.Lifetime == WorkloadLifetime::LongRunning;
        U.OneOff = !U.LongRunning;
        A.Shell.push_back(std::move(U));
      }
      A.Workloads.push_back(std::move(W));
    }
  }
}

} // namespace k8s
} // namespace adminlint
