//===- Gitlab.cpp - GitLab Code Quality report ----------------------------===//
#include "lib/Emit/Gitlab.h"
#include "lib/Driver/Baseline.h"
#include "llvm/ADT/SmallVector.h"
#include <nlohmann/json.hpp>

using namespace llvm;
using json = nlohmann::ordered_json;

namespace adminlint {

static bool hasTag(const RuleInfo &R, StringRef Tag) {
  SmallVector<StringRef, 4> Tags;
  R.Tags.split(Tags, ',', -1, false);
  return llvm::is_contained(Tags, Tag);
}

StringRef gitlabSeverity(const Diagnostic &D) {
  bool Security = hasTag(ruleInfo(D.Rule), "security");
  switch (D.Severity) {
  case Level::Error:
    return Security ? "critical" : "major";
  case Level::Warning:
    return Security ? "major" : "minor";
  case Level::Note:
    return "info";
  }
  return "minor";
}

/// Code Climate categories for the rule's tags.
static json categories(const RuleInfo &R) {
  json Out = json::array();
  if (hasTag(R, "security"))
    Out.push_back("Security");
  if (hasTag(R, "reliability"))
    Out.push_back("Bug Risk");
  if (hasTag(R, "maintainability") || Out.empty())
    Out.push_back("Clarity");
  return Out;
}

static json issue(const Diagnostic &D, StringRef Fingerprint) {
  const RuleInfo &R = ruleInfo(D.Rule);
  json Lines = {{"begin", 1}};
  std::string Path;
  if (D.Primary.File) {
    Path = D.Primary.File->path().str();
    Lines = {{"begin", D.Primary.File->lineColumn(D.Primary.Range.Begin).Line},
             {"end", D.Primary.File->lineColumn(D.Primary.Range.End).Line}};
  }
  return {
      {"type", "issue"},
      {"description", (D.Message + " [" + R.Code + " " + R.Name + "]").str()},
      {"check_name", R.Code.str()},
      {"categories", categories(R)},
      {"fingerprint", Fingerprint.str()},
      {"severity", gitlabSeverity(D).str()},
      {"location", {{"path", Path}, {"lines", std::move(Lines)}}}};
}

std::string renderGitlab(const ScanResult &Result) {
  std::vector<std::string> Prints = fingerprints(Result.Diagnostics);
  json Report = json::array();
  for (size_t I = 0; I != Result.Diagnostics.size(); ++I)
    if (!Result.Diagnostics[I].Suppressed || Result.ShowSuppressed)
      Report.push_back(issue(Result.Diagnostics[I], Prints[I]));
  return Report.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {
/// Writes a GitLab Code Quality report.
class GitlabEmitter : public Emitter {
public:
  void emit(const ScanResult &Result, raw_ostream &OS) override {
    try {
      OS << renderGitlab(Result);
    } catch (const json::exception &) {
      OS << "[]\n";
    }
  }
};
} // namespace

std::unique_ptr<Emitter> createGitlabEmitter(const EmitOptions &Options) {
  return std::make_unique<GitlabEmitter>();
}

} // namespace adminlint
