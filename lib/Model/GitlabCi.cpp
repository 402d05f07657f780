//===- GitlabCi.cpp - GitLab CI pipelines ---------------------------------===//
#include "lib/Model/GitlabCi.h"
#include "lib/Parse/Yaml.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"
#include <memory>

using namespace llvm;

namespace adminlint {

namespace {

/// Builds the CiPipelineModel and shell units of one GitLab CI document.
class PipelineReader {
public:
  PipelineReader(FileAnalysis &A, const FrontendLimits &Limits)
      : A(A), Limits(Limits) {}
  void read(const yaml::Node &Root);
  std::shared_ptr<CiPipelineModel> takeModel() { return std::move(Model); }

private:
  void job(StringRef Id, SourceRange IdRange, const yaml::Node &N);
  void scripts(CiJob &Job, const yaml::Node &N, unsigned Depth);
  void error(SourceRange R, const Twine &Message) {
    A.addDiag(RuleId::ParseError, R, Message.str());
  }

  FileAnalysis &A;
  const FrontendLimits &Limits;
  std::shared_ptr<CiPipelineModel> Model = std::make_shared<CiPipelineModel>();
};

} // namespace

/// Top-level keys that configure the pipeline rather than name a job.
static bool isReservedKey(StringRef Key) {
  return StringSwitch<bool>(Key)
      .Cases("stages", "variables", "default", "include", "workflow", true)
      .Cases("image", "services", "before_script", "after_script", true)
      .Cases("cache", "types", true)
      .Default(false);
}

static void readVariables(const yaml::Node *Vars,
                          std::vector<CiVariable> &Out) {
  if (!Vars || !Vars->isMapping())
    return;
  for (const yaml::MapEntry &E : Vars->entries()) {
    if (!E.Key->isScalar())
      continue;
    const yaml::Node *Value = E.Value;
    if (Value->isMapping() && Value->get("value"))
      Value = Value->get("value");
    CiVariable V;
    V.Name = E.Key->value().str();
    V.NameRange = E.Key->range();
    V.ValueRange = Value->range();
    if (Value->isScalar())
      V.Value = Value->value().str();
    Out.push_back(std::move(V));
  }
}

static std::string nameOf(const yaml::Node *N) {
  if (!N)
    return "";
  if (N->isScalar())
    return N->value().str();
  return N->isMapping() ? N->getString("name").str() : "";
}

void PipelineReader::scripts(CiJob &Job, const yaml::Node &N, unsigned Depth) {
  if (N.isNull())
    return;
  if (N.isSequence() && Depth < 8) {
    for (const yaml::Node *I : N.items())
      scripts(Job, *I, Depth + 1);
    return;
  }
  if (!N.isScalar()) {
    error(N.range(),
          "gitlab-ci: a script line of job '" + Job.Id + "' is not a string");
    return;
  }
  collectDeployedVariableRefs(N.value(), Job.SecretRefs);
  shell::ParseOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  ShellUnit U;
  U.Script = shell::parse(N.text(), Opts);
  A.addShellErrors(U.Script);
  U.Host = ShellHost::GitlabScript;
  U.Label = Job.Id;
  Job.ShellUnits.push_back(A.Shell.size());
  A.Shell.push_back(std::move(U));
}

void PipelineReader::job(StringRef Id, SourceRange IdRange,
                         const yaml::Node &N) {
  CiJob Job;
  Job.Id = Id.str();
  Job.IdRange = IdRange;
  Job.Name = Id.str();
  Job.Stage = N.getString("stage").str();
  if (const yaml::Node *Env = N.get("environment")) {
    Job.Environment = nameOf(Env);
    Job.EnvironmentRange = Env->range();
  }
  Job.Image = nameOf(N.get("image"));
  if (const yaml::Node *Services = N.get("services"))
    for (const yaml::Node *S : Services->items())
      Job.Services.push_back(nameOf(S));
  readVariables(N.get("variables"), Job.Variables);
  for (const CiVariable &V : Job.Variables)
    collectSecretRefs(V.Value, Job.SecretRefs);
  for (StringRef Key : {"before_script", "script", "after_script"})
    if (const yaml::Node *S = N.get(Key))
      scripts(Job, *S, 0);
  classifyCiJob(Job);
  for (unsigned I : Job.ShellUnits)
    A.Shell[I].AgainstDeployed = Job.AgainstDeployed;
  Model->Jobs.push_back(std::move(Job));
}

void PipelineReader::read(const yaml::Node &Root) {
  if (!Root.isMapping()) {
    if (!Root.isNull())
      error(Root.range(), "gitlab-ci: the document is not a mapping");
    return;
  }
  readVariables(Root.get("variables"), Model->Variables);
  for (const yaml::MapEntry &E : Root.entries()) {
    if (!E.Key->isScalar() || !E.Value->isMapping())
      continue;
    StringRef Key = E.Key->value();
    if (isReservedKey(Key) || Key.startswith("."))
      continue;
    job(Key, E.Key->range(), *E.Value);
  }
}

void analyzeGitlabCi(FileAnalysis &A, const FrontendLimits &Limits) {
  yaml::YamlOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  Opts.MaxNodes = Limits.MaxYamlNodes;
  yaml::Stream S = yaml::Stream::parse(A.File->text(), Opts);
  for (const yaml::Problem &P : S.problems())
    A.addDiag(P.Rule, P.Range, P.Message);
  PipelineReader Reader(A, Limits);
  if (!S.documents().empty())
    Reader.read(*S.documents().front().Root);
  A.Model = Reader.takeModel();
}

} // namespace adminlint
