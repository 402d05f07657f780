//===- Rules.cpp - Rule identifiers and catalog lookup --------------------===//
#include "lib/Check/Rules.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace adminlint {

static const RuleInfo Catalog[] = {
#define RULE(Code, Enum, Name, Lvl, Tags, Summary)                             \
  {RuleId::Enum, #Code, Name, Level::Lvl, Tags, Summary},
#include "rules/Rules.def"
};

StringRef levelName(Level L) {
  switch (L) {
  case Level::Note:
    return "note";
  case Level::Warning:
    return "warning";
  case Level::Error:
    return "error";
  }
  return "error";
}

Optional<Level> parseLevel(StringRef S) {
  return StringSwitch<Optional<Level>>(S.lower())
      .Case("note", Level::Note)
      .Case("warning", Level::Warning)
      .Case("error", Level::Error)
      .Default(None);
}

ArrayRef<RuleInfo> allRules() { return Catalog; }

const RuleInfo &ruleInfo(RuleId Id) {
  return Catalog[static_cast<unsigned>(Id)];
}

Optional<RuleId> findRule(StringRef CodeOrName) {
  for (const RuleInfo &R : Catalog)
    if (R.Code.equals_insensitive(CodeOrName) ||
        R.Name.equals_insensitive(CodeOrName))
      return R.Id;
  return None;
}

std::vector<RuleId> matchRules(StringRef Selector) {
  if (Optional<RuleId> Exact = findRule(Selector))
    return {*Exact};
  std::vector<RuleId> Out;
  if (Selector.size() < 4 || !Selector.startswith_insensitive("ADM"))
    return Out;
  for (const RuleInfo &R : Catalog)
    if (R.Code.startswith_insensitive(Selector))
      Out.push_back(R.Id);
  return Out;
}

StringRef suggestRule(StringRef Typo) {
  StringRef Best;
  unsigned BestDistance = 4;
  for (const RuleInfo &R : Catalog)
    for (StringRef Candidate : {R.Code, R.Name}) {
      unsigned D =
          Typo.lower() == Candidate.lower()
              ? 0
              : StringRef(Typo.lower()).edit_distance(Candidate.lower());
      if (D < BestDistance) {
        BestDistance = D;
        Best = Candidate;
      }
    }
  return Best;
}

} // namespace adminlint
