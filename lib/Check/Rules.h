//===- Rules.h - Rule identifiers and catalog lookup -------------*- C++
//-*-===//
#ifndef ADMINLINT_CHECK_RULES_H
#define ADMINLINT_CHECK_RULES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace adminlint {

/// SARIF's levels, ordered by severity.
enum class Level { Note, Warning, Error };

llvm::StringRef levelName(Level L);
llvm::Optional<Level> parseLevel(llvm::StringRef S);

/// Every rule of rules/Rules.def, in catalog order.
enum class RuleId : unsigned {
#define RULE(Code, Enum, Name, Level, Tags, Summary) Enum,
#include "rules/Rules.def"
};
constexpr unsigned NumRules = 0
#define RULE(Code, Enum, Name, Level, Tags, Summary) +1
#include "rules/Rules.def"
    ;

/// The catalog entry of one rule.
struct RuleInfo {
  RuleId Id;
  llvm::StringRef Code;
  llvm::StringRef Name;
  Level DefaultLevel;
  llvm::StringRef Tags;
  llvm::StringRef Summary;
};

llvm::ArrayRef<RuleInfo> allRules();
const RuleInfo &ruleInfo(RuleId Id);
/// A code (ADM301) or a name (ssh-admin-command), case-insensitive.
llvm::Optional<RuleId> findRule(llvm::StringRef CodeOrName);
/// Rules named by a code, a name or a code prefix (ADM3, ADM30); empty if none.
std::vector<RuleId> matchRules(llvm::StringRef Selector);
/// The nearest code or name, for did-you-mean messages; empty if none is close.
llvm::StringRef suggestRule(llvm::StringRef Typo);

} // namespace adminlint

#endif
