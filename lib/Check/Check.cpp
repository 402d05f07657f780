//===- Check.cpp - The base of every rule's check -------------------------===//
#include "lib/Check/Check.h"

namespace adminlint {

#define CHECK(Enum)                                                            \
  std::unique_ptr<Check> create##Enum##Check(const CheckSettings &Settings);
#include "checks/Checks.def"

Diagnostic &Reporter::report(RuleId Rule, const SourceFileRef &File,
                             SourceRange Range, std::string Message) {
  Diagnostic D;
  D.Rule = Rule;
  D.Severity = ruleInfo(Rule).DefaultLevel;
  D.Message = std::move(Message);
  D.Primary.File = File;
  D.Primary.Range = Range;
  Out.push_back(std::move(D));
  return Out.back();
}

void Check::checkFile(const FileAnalysis &F, Reporter &R) const {
  for (const ShellUnit &U : F.Shell)
    checkShell(U, F, R);
}

bool hasCheck(RuleId Id) {
#define CHECK(Enum)                                                            \
  if (Id == RuleId::Enum)                                                      \
    return true;
#include "checks/Checks.def"
  return false;
}

std::vector<std::unique_ptr<Check>>
createChecks(llvm::ArrayRef<RuleId> Rules, const CheckSettings &Settings) {
  std::vector<std::unique_ptr<Check>> Out;
  for ([[maybe_unused]] RuleId Id : Rules) {
#define CHECK(Enum)                                                            \
  if (Id == RuleId::Enum)                                                      \
    Out.push_back(create##Enum##Check(Settings));
#include "checks/Checks.def"
  }
  return Out;
}

} // namespace adminlint
