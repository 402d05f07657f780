//===- ComposeFrontend.cpp - docker-compose services as workloads ---------===//
#include "lib/Model/Compose.h"
#include "lib/Model/Frontends.h"
#include "llvm/ADT/STLExtras.h"
#include <memory>

using namespace llvm;

namespace adminlint {

static std::string joinWords(const shell::Script &S) {
  std::string Out;
  for (const shell::Command &C : S.Commands)
    for (const shell::Word &W : C.Words) {
      if (!Out.empty())
        Out += ' ';
      Out += W.value().str();
    }
  return Out;
}

/// The image of a service: `image:`, or the build it makes, compared as an
/// expression so two services building the same context are equal.
static ImageRef serviceImage(const compose::Service &S, FileAnalysis &A) {
  ImageRef I;
  if (!S.Image.Range.empty() || !S.Image.value().empty()) {
    k8s::parseImageRef(S.Image.value(), I);
    I.Range = S.Image.Range;
  } else if (S.Builds) {
    I.Written = "build:" + S.BuildKey;
    I.Range = S.Name.Range;
  }
  I.File = A.File;
  return I;
}

static std::vector<ConfigSource> serviceConfig(const compose::Service &S,
                                               const SourceFileRef &File) {
  std::vector<ConfigSource> Out;
  for (const k8s::Scalar &E : S.EnvFiles)
    Out.push_back({"env_file", E.value().str(), File, E.Range});
  return Out;
}

/// The service's process: entrypoint words then command words.
static shell::Script serviceScript(const compose::Service &S) {
  if (S.Entrypoint.Commands.empty())
    return S.Command;
  shell::Script Out = S.Entrypoint;
  if (Out.Commands.size() == 1 && S.Command.Commands.size() == 1) {
    shell::Command &C = Out.Commands.front();
    for (const shell::Word &W : S.Command.Commands.front().Words)
      C.Words.push_back(W);
    C.Range.End = std::max(C.Range.End, C.Words.back().Range.End);
  }
  return Out;
}

static void addService(const compose::Service &S, FileAnalysis &A) {
  Workload W;
  W.Origin = "compose";
  W.Name = S.Name.value().str();
  W.ReleaseUnit = A.File->path().str();
  W.Lifetime = S.RunsToCompletion ? WorkloadLifetime::OneOff
                                  : WorkloadLifetime::LongRunning;
  W.Image = serviceImage(S, A);
  W.Config = serviceConfig(S, A.File);
  W.Script = serviceScript(S);
  W.Command = joinWords(W.Script);
  W.File = A.File;
  W.Range = S.Range;
  for (const shell::Script *Code : {&S.Entrypoint, &S.Command}) {
    if (Code->Commands.empty())
      continue;
    ShellUnit U;
    U.Script = *Code;
    U.Host = ShellHost::ComposeCommand;
    U.Label = "compose/" + W.Name;
    U.LongRunning = !S.RunsToCompletion;
    U.OneOff = S.RunsToCompletion;
    A.Shell.push_back(std::move(U));
  }
  A.Workloads.push_back(std::move(W));
}

void analyzeCompose(FileAnalysis &A, const FrontendLimits &Limits) {
  yaml::YamlOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  Opts.MaxNodes = Limits.MaxYamlNodes;
  yaml::Stream S = yaml::Stream::parse(A.File->text(), Opts);
  for (const yaml::Problem &P : S.problems())
    A.addDiag(P.Rule, P.Range, P.Message);
  auto F = std::make_shared<compose::File>();
  for (const yaml::Document &D : S.documents())
    compose::buildCompose(*D.Root, *F);
  // A path the driver already classified as local or test keeps that.
  if (A.Ctx == Context::Production)
    A.Ctx = compose::composeContext(A.File->path(), *F);
  for (const compose::Service &Svc : F->Services)
    addService(Svc, A);
  A.Model = std::move(F);
}

} // namespace adminlint
