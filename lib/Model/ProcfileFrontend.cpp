//===- ProcfileFrontend.cpp - Processes of a Procfile ---------------------===//
#include "lib/Model/Frontends.h"
#include "lib/Parse/Procfile.h"

namespace adminlint {

/// The Procfile frontend: a shell unit and a workload per process type;
/// `release` is the one-off release phase, every other type long-running.
void analyzeProcfile(FileAnalysis &A, const FrontendLimits &Limits) {
  auto P = std::make_shared<procfile::Procfile>(
      procfile::parse(A.File->text(), A.File->contentStart()));
  for (const procfile::ParseError &E : P->Errors)
    A.addDiag(RuleId::ParseError, E.Range, E.Message);
  shell::ParseOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  for (const procfile::Process &Proc : P->Processes) {
    bool Release = Proc.Type == "release";
    ShellUnit U;
    U.Script = shell::parse(Proc.Command, Opts);
    A.addShellErrors(U.Script);
    U.Host = ShellHost::ProcfileEntry;
    U.Label = Proc.Type;
    U.OneOff = Release;
    U.LongRunning = !Release;
    Workload W;
    W.Origin = "Procfile";
    W.Name = Proc.Type;
    W.Lifetime =
        Release ? WorkloadLifetime::OneOff : WorkloadLifetime::LongRunning;
    W.Command = Proc.Command.text();
    W.Script = U.Script;
    W.File = A.File;
    W.Range = Proc.Command.toHost(0, Proc.Command.size());
    A.Shell.push_back(std::move(U));
    A.Workloads.push_back(std::move(W));
  }
  A.Model = std::move(P);
}

} // namespace adminlint
