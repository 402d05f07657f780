//===- Compose.cpp - docker-compose files ---------------------------------===//
#include "lib/Model/Compose.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {
namespace compose {

static k8s::Scalar toScalar(const yaml::Node *N) {
  k8s::Scalar S;
  if (!N || !N->isScalar())
    return S;
  S.Text = N->text();
  S.Range = N->range();
  S.Quoted = N->style() != yaml::NodeStyle::Plain;
  return S;
}

/// `command`/`entrypoint`: a string is shell code, a list an exec-form argv.
static shell::Script commandScript(const yaml::Node *N) {
  if (!N)
    return {};
  if (N->isScalar())
    return shell::parse(N->text());
  shell::Script S;
  shell::Command C;
  for (const yaml::Node *I : N->items())
    if (I->isScalar())
      C.Words.push_back(k8s::toWord(toScalar(I)));
  if (C.Words.empty())
    return S;
  C.Range = N->range();
  S.Commands.push_back(std::move(C));
  return S;
}

static std::vector<k8s::Scalar> envFiles(const yaml::Node *N) {
  std::vector<k8s::Scalar> Out;
  if (!N)
    return Out;
  if (N->isScalar()) {
    Out.push_back(toScalar(N));
    return Out;
  }
  for (const yaml::Node *I : N->items()) {
    if (I->isScalar())
      Out.push_back(toScalar(I));
    else if (I->isMapping())
      Out.push_back(toScalar(I->get("path")));
  }
  return Out;
}

static std::vector<EnvEntry> environment(const yaml::Node *N) {
  std::vector<EnvEntry> Out;
  if (!N)
    return Out;
  for (const yaml::MapEntry &E : N->entries())
    Out.push_back({E.Key->value().str(), E.Value->value().str(),
                   !E.Value->isNull(), E.range()});
  for (const yaml::Node *I : N->items()) {
    StringRef Name, Value;
    std::tie(Name, Value) = I->value().split('=');
    Out.push_back(
        {Name.str(), Value.str(), I->value().contains('='), I->range()});
  }
  return Out;
}

/// `build: DIR` or `build: {context: DIR, dockerfile: FILE}` as one key.
static std::string buildKey(const yaml::Node *Build) {
  if (!Build)
    return "";
  if (Build->isScalar())
    return Build->value().str() + "|Dockerfile";
  StringRef Context = Build->getString("context");
  StringRef Dockerfile = Build->getString("dockerfile");
  return (Context.empty() ? StringRef(".") : Context).str() + "|" +
         (Dockerfile.empty() ? StringRef("Dockerfile") : Dockerfile).str();
}

static void readService(const yaml::MapEntry &E, File &F) {
  const yaml::Node &S = *E.Value;
  if (!S.isMapping())
    return;
  Service Svc;
  Svc.Name = toScalar(E.Key);
  Svc.Image = toScalar(S.get("image"));
  Svc.Builds = S.get("build") != nullptr;
  Svc.BuildKey = buildKey(S.get("build"));
  Svc.Command = commandScript(S.get("command"));
  Svc.Entrypoint = commandScript(S.get("entrypoint"));
  Svc.EnvFiles = envFiles(S.get("env_file"));
  Svc.Environment = environment(S.get("environment"));
  if (const yaml::Node *P = S.get("profiles"))
    for (const yaml::Node *I : P->items())
      Svc.Profiles.push_back(I->value().str());
  Svc.HasDeploy = S.get("deploy") != nullptr;
  Svc.Range = E.range();
  F.UsesDeploy |= Svc.HasDeploy;
  F.Services.push_back(std::move(Svc));
}

/// The entries of `services:`, with those a merge key brings in (one level:
/// a mapping or a list of mappings) in place of the merge key itself.
static std::vector<yaml::MapEntry> serviceEntries(const yaml::Node &Services) {
  std::vector<yaml::MapEntry> Out;
  for (const yaml::MapEntry &E : Services.entries()) {
    if (!E.isMerge()) {
      Out.push_back(E);
      continue;
    }
    llvm::SmallVector<const yaml::Node *, 4> Merged;
    if (E.Value->isMapping())
      Merged.push_back(E.Value);
    for (const yaml::Node *I : E.Value->items())
      Merged.push_back(I);
    for (const yaml::Node *M : Merged)
      for (const yaml::MapEntry &Inner : M->entries())
        if (!Inner.isMerge())
          Out.push_back(Inner);
  }
  return Out;
}

/// Names of services that others wait for to complete.
static std::vector<std::string> awaitedServices(const yaml::Node &Services) {
  std::vector<std::string> Out;
  for (const yaml::MapEntry &E : Services.entries()) {
    const yaml::Node *Deps = E.Value->get("depends_on");
    if (!Deps)
      continue;
    for (const yaml::MapEntry &D : Deps->entries())
      if (D.Value->getString("condition") == "service_completed_successfully")
        Out.push_back(D.Key->value().str());
  }
  return Out;
}

bool buildCompose(const yaml::Node &Root, File &Out) {
  const yaml::Node *Services =
      Root.isMapping() ? Root.get("services") : nullptr;
  if (!Services || !Services->isMapping())
    return false;
  std::vector<std::string> Awaited = awaitedServices(*Services);
  for (const yaml::MapEntry &E : serviceEntries(*Services)) {
    readService(E, Out);
    if (Out.Services.empty() ||
        Out.Services.back().Name.value() != E.Key->value())
      continue;
    StringRef Restart = E.Value->getString("restart");
    Out.Services.back().RunsToCompletion =
        Restart == "no" || Restart.startswith("on-failure") ||
        llvm::is_contained(Awaited, E.Key->value().str());
  }
  return true;
}

Context composeContext(StringRef Path, const File &F) {
  std::string Name = sys::path::filename(Path, sys::path::Style::posix).lower();
  StringRef N(Name);
  if (F.UsesDeploy || N.contains("prod") || N.contains("deploy") ||
      N.contains("stack"))
    return Context::Production;
  return Context::Local;
}

} // namespace compose
} // namespace adminlint
