//===- GithubWorkflow.cpp - GitHub Actions workflows ----------------------===//
#include "lib/Model/GithubWorkflow.h"
#include "lib/Parse/Yaml.h"
#include "llvm/ADT/Twine.h"
#include <memory>

using namespace llvm;

namespace adminlint {

namespace {

/// Builds the CiPipelineModel and shell units of one workflow document.
class WorkflowReader {
public:
  WorkflowReader(FileAnalysis &A, const FrontendLimits &Limits)
      : A(A), Limits(Limits) {}
  void read(const yaml::Node &Root);
  std::shared_ptr<CiPipelineModel> takeModel() { return std::move(Model); }

private:
  void job(StringRef Id, SourceRange IdRange, const yaml::Node &N);
  void steps(CiJob &Job, const yaml::Node *Steps, StringRef JobShell);
  void step(CiJob &Job, const yaml::Node &S, StringRef JobShell);
  void run(CiJob &Job, const yaml::Node &Run, StringRef Shell);
  void error(SourceRange R, const Twine &Message) {
    A.addDiag(RuleId::ParseError, R, Message.str());
  }

  FileAnalysis &A;
  const FrontendLimits &Limits;
  std::shared_ptr<CiPipelineModel> Model = std::make_shared<CiPipelineModel>();
  std::string WorkflowShell;
};

} // namespace

static void readVariables(const yaml::Node *Env, std::vector<CiVariable> &Out) {
  if (!Env || !Env->isMapping())
    return;
  for (const yaml::MapEntry &E : Env->entries()) {
    if (!E.Key->isScalar())
      continue;
    CiVariable V;
    V.Name = E.Key->value().str();
    V.NameRange = E.Key->range();
    V.ValueRange = E.Value->range();
    if (E.Value->isScalar())
      V.Value = E.Value->value().str();
    Out.push_back(std::move(V));
  }
}

/// Collects secrets.X references in every scalar under N, visiting at most
/// a bounded number of nodes (aliases can make the tree a large DAG).
static void collectSecrets(const yaml::Node &N, std::vector<std::string> &Out) {
  std::vector<const yaml::Node *> Stack{&N};
  unsigned Budget = 100000;
  while (!Stack.empty() && Budget--) {
    const yaml::Node *Cur = Stack.back();
    Stack.pop_back();
    if (Cur->isScalar())
      collectSecretRefs(Cur->value(), Out);
    for (const yaml::Node *I : Cur->items())
      Stack.push_back(I);
    for (const yaml::MapEntry &E : Cur->entries())
      Stack.push_back(E.Value);
  }
}

static StringRef defaultShell(const yaml::Node &N) {
  const yaml::Node *Defaults = N.get("defaults");
  if (!Defaults || !Defaults->isMapping())
    return "";
  const yaml::Node *Run = Defaults->get("run");
  return Run && Run->isMapping() ? Run->getString("shell") : StringRef();
}

/// Whether a `shell:` value runs the body with a POSIX shell.
static bool isPosixShell(StringRef Shell) {
  Shell = Shell.trim();
  if (Shell.empty())
    return true;
  StringRef Program = Shell.take_until([](char C) { return C == ' '; });
  Program =
      Program.rsplit('/').second.empty() ? Program : Program.rsplit('/').second;
  return Program == "bash" || Program == "sh" || Program == "dash" ||
         Program == "zsh" || Program == "ksh";
}

void WorkflowReader::run(CiJob &Job, const yaml::Node &Run, StringRef Shell) {
  if (!Run.isScalar()) {
    error(Run.range(),
          "workflow: 'run' of job '" + Job.Id + "' is not a string");
    return;
  }
  if (!isPosixShell(Shell))
    return;
  shell::ParseOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  Opts.ExpressionsOpaque = true;
  ShellUnit U;
  U.Script = shell::parse(Run.text(), Opts);
  A.addShellErrors(U.Script);
  U.Host = ShellHost::GithubRun;
  U.Label = Job.Id;
  U.AgainstDeployed = Job.AgainstDeployed;
  Job.ShellUnits.push_back(A.Shell.size());
  A.Shell.push_back(std::move(U));
}

void WorkflowReader::step(CiJob &Job, const yaml::Node &S, StringRef JobShell) {
  if (!S.isMapping()) {
    error(S.range(),
          "workflow: a step of job '" + Job.Id + "' is not a mapping");
    return;
  }
  StringRef Uses = S.getString("uses");
  if (!Uses.empty())
    Job.Uses.push_back(Uses.str());
  readVariables(S.get("env"), Job.Variables);
  const yaml::Node *Run = S.get("run");
  if (!Run)
    return;
  StringRef Shell = S.getString("shell");
  run(Job, *Run, Shell.empty() ? JobShell : Shell);
}

void WorkflowReader::steps(CiJob &Job, const yaml::Node *Steps,
                           StringRef JobShell) {
  if (!Steps || Steps->isNull())
    return;
  if (!Steps->isSequence()) {
    error(Steps->range(),
          "workflow: 'steps' of job '" + Job.Id + "' is not a list");
    return;
  }
  for (const yaml::Node *S : Steps->items())
    step(Job, *S, JobShell);
}

static std::string nameOrImage(const yaml::Node *N) {
  if (!N)
    return "";
  if (N->isScalar())
    return N->value().str();
  if (N->isMapping())
    return N->getString(N->get("image") ? "image" : "name").str();
  return "";
}

void WorkflowReader::job(StringRef Id, SourceRange IdRange,
                         const yaml::Node &N) {
  if (!N.isMapping()) {
    error(N.range(), "workflow: job '" + Id + "' is not a mapping");
    return;
  }
  CiJob Job;
  Job.Id = Id.str();
  Job.IdRange = IdRange;
  Job.Name = N.getString("name").str();
  if (const yaml::Node *Env = N.get("environment")) {
    Job.Environment = nameOrImage(Env);
    Job.EnvironmentRange = Env->range();
  }
  Job.Image = nameOrImage(N.get("container"));
  if (const yaml::Node *Services = N.get("services"))
    for (const yaml::MapEntry &E : Services->entries())
      Job.Services.push_back(E.Key->value().str());
  readVariables(N.get("env"), Job.Variables);
  collectSecrets(N, Job.SecretRefs);
  classifyCiJob(Job);
  StringRef JobShell = defaultShell(N);
  steps(Job, N.get("steps"), JobShell.empty() ? WorkflowShell : JobShell);
  Model->Jobs.push_back(std::move(Job));
}

void WorkflowReader::read(const yaml::Node &Root) {
  if (!Root.isMapping()) {
    if (!Root.isNull())
      error(Root.range(), "workflow: the document is not a mapping");
    return;
  }
  readVariables(Root.get("env"), Model->Variables);
  WorkflowShell = defaultShell(Root).str();
  if (const yaml::Node *Jobs = Root.get("jobs")) {
    if (!Jobs->isMapping() && !Jobs->isNull())
      error(Jobs->range(), "workflow: 'jobs' is not a mapping");
    for (const yaml::MapEntry &E : Jobs->entries())
      if (E.Key->isScalar())
        job(E.Key->value(), E.Key->range(), *E.Value);
  }
  const yaml::Node *Runs = Root.get("runs");
  if (Runs && Runs->isMapping() && Runs->get("steps")) {
    StringRef Name = Root.getString("name");
    job(Name.empty() ? StringRef("action") : Name, Runs->range(), *Runs);
  }
}

void analyzeGithubWorkflow(FileAnalysis &A, const FrontendLimits &Limits) {
  yaml::YamlOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  Opts.MaxNodes = Limits.MaxYamlNodes;
  yaml::Stream S = yaml::Stream::parse(A.File->text(), Opts);
  for (const yaml::Problem &P : S.problems())
    A.addDiag(P.Rule, P.Range, P.Message);
  WorkflowReader Reader(A, Limits);
  if (!S.documents().empty())
    Reader.read(*S.documents().front().Root);
  A.Model = Reader.takeModel();
}

} // namespace adminlint
