//===- CiJob.cpp - CI pipelines: jobs, variables, environments ------------===//
#include "lib/Model/CiJob.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace adminlint {

static SmallVector<std::string, 8> nameTokens(StringRef Name) {
  SmallVector<std::string, 8> Out;
  std::string Cur;
  for (char C : Name) {
    if (isAlnum(C)) {
      Cur += toLower(C);
      continue;
    }
    if (!Cur.empty())
      Out.push_back(std::move(Cur));
    Cur.clear();
  }
  if (!Cur.empty())
    Out.push_back(std::move(Cur));
  return Out;
}

bool namesDeployedTarget(StringRef Name) {
  for (const std::string &T : nameTokens(Name))
    if (StringSwitch<bool>(T)
            .Cases("prod", "production", "prd", "staging", "stage", "stg", true)
            .Case("live", true)
            .Default(false))
      return true;
  return false;
}

static bool namesDeployJob(StringRef Name) {
  for (const std::string &T : nameTokens(Name))
    if (StringRef(T).startswith("deploy") || T == "release" || T == "rollout")
      return true;
  return false;
}

static bool namesTestJob(StringRef Name) {
  for (const std::string &T : nameTokens(Name))
    if (StringSwitch<bool>(T)
            .Cases("test", "tests", "unit", "lint", "check", "checks", true)
            .Cases("e2e", "integration", "spec", "specs", "pytest", true)
            .Default(false))
      return true;
  return false;
}

void classifyCiJob(CiJob &Job) {
  Job.IsTest =
      namesTestJob(Job.Id) || namesTestJob(Job.Name) || namesTestJob(Job.Stage);
  if (!Job.Environment.empty() && namesDeployedTarget(Job.Environment)) {
    Job.AgainstDeployed = true;
    Job.DeployedReason = "environment: " + Job.Environment;
    return;
  }
  for (const std::string &S : Job.SecretRefs)
    if (namesDeployedTarget(S)) {
      Job.AgainstDeployed = true;
      Job.DeployedReason = "uses " + S;
      return;
    }
  if (Job.IsTest)
    return;
  for (StringRef N :
       {StringRef(Job.Id), StringRef(Job.Name), StringRef(Job.Stage)})
    if (namesDeployJob(N) || namesDeployedTarget(N)) {
      Job.AgainstDeployed = true;
      Job.DeployedReason = "deploy job '" + N.str() + "'";
      return;
    }
}

static bool isIdentChar(char C) { return isAlnum(C) || C == '_'; }

void collectSecretRefs(StringRef Text, std::vector<std::string> &Out) {
  for (size_t P = Text.find("secrets."); P != StringRef::npos;
       P = Text.find("secrets.", P + 1)) {
    if (P > 0 && isIdentChar(Text[P - 1]))
      continue;
    StringRef Name = Text.substr(P + 8).take_while(isIdentChar);
    if (!Name.empty() && Out.size() < 256)
      Out.push_back(("secrets." + Name).str());
  }
}

void collectDeployedVariableRefs(StringRef Text,
                                 std::vector<std::string> &Out) {
  for (size_t P = Text.find('$'); P != StringRef::npos;
       P = Text.find('$', P + 1)) {
    StringRef Rest = Text.substr(P + 1);
    if (Rest.startswith("{"))
      Rest = Rest.drop_front();
    StringRef Name = Rest.take_while(isIdentChar);
    if (!Name.empty() && namesDeployedTarget(Name) && Out.size() < 256)
      Out.push_back(("$" + Name).str());
  }
}

} // namespace adminlint
