//===- AppJsonFrontend.cpp - Heroku app.json scripts as workloads ---------===//
//
// JSON is read with the positioned YAML layer (JSON is flow YAML), so the
// shell code of `scripts` keeps exact host ranges.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/Frontends.h"
#include "lib/Parse/Yaml.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace adminlint {

/// The app.json scripts Heroku runs (each a one-off process).
static bool isKnownScript(StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases("postdeploy", "pr-predestroy", "release", true)
      .Default(false);
}

static void addScript(const yaml::MapEntry &E, FileAnalysis &A) {
  if (!E.Value->isScalar() || !isKnownScript(E.Key->value()))
    return;
  ShellUnit U;
  U.Script = shell::parse(E.Value->text());
  U.Host = ShellHost::ProcfileEntry;
  U.Label = "app.json/" + E.Key->value().str();
  U.OneOff = true;
  Workload W;
  W.Origin = "app.json";
  W.Name = E.Key->value().str();
  W.Lifetime = WorkloadLifetime::OneOff;
  W.Image.Written = "heroku-slug";
  W.Image.File = A.File;
  W.Script = U.Script;
  W.Command = E.Value->value().str();
  W.File = A.File;
  W.Range = E.Value->range();
  A.Shell.push_back(std::move(U));
  A.Workloads.push_back(std::move(W));
}

void analyzeAppJson(FileAnalysis &A, const FrontendLimits &Limits) {
  yaml::YamlOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  Opts.MaxNodes = Limits.MaxYamlNodes;
  yaml::Stream S = yaml::Stream::parse(A.File->text(), Opts);
  for (const yaml::Problem &P : S.problems())
    A.addDiag(P.Rule, P.Range, P.Message);
  for (const yaml::Document &D : S.documents()) {
    const yaml::Node *Scripts = D.Root->get("scripts");
    if (!Scripts)
      continue;
    for (const yaml::MapEntry &E : Scripts->entries())
      addScript(E, A);
  }
}

} // namespace adminlint
