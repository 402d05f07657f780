//===- Sarif.cpp - SARIF 2.1.0 output for code scanning -------------------===//
#include "lib/Emit/Sarif.h"
#include "lib/Check/RuleDocs.h"
#include "lib/Driver/Baseline.h"
#include "lib/Driver/Version.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

using namespace llvm;
using json = nlohmann::ordered_json;

namespace adminlint {

static constexpr const char *SchemaUri =
    "https://json.schemastore.org/sarif-2.1.0.json";
static constexpr const char *SrcRoot = "%SRCROOT%";
/// GitHub limits descriptions to 1,024 characters.
static constexpr size_t MaxDescription = 1000;
/// A snippet longer than this is cut (a finding over a whole file).
static constexpr size_t MaxSnippet = 4096;
/// What GitHub reads as the severity of a rule tagged `security`.
static constexpr const char *SecuritySeverity = "7.5";

static bool isUnreserved(char C) {
  return isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' || C == '/';
}

std::string sarifUri(StringRef Path) {
  std::string Out;
  while (Path.consume_front("./"))
    ;
  for (char C : Path) {
    if (C == '\\')
      C = '/';
    if (isUnreserved(C)) {
      Out += C;
      continue;
    }
    Out += '%';
    Out += hexdigit((static_cast<unsigned char>(C) >> 4) & 0xF);
    Out += hexdigit(static_cast<unsigned char>(C) & 0xF);
  }
  return Out;
}

/// Cuts text to at most Max bytes without splitting a UTF-8 sequence.
static std::string truncateUtf8(StringRef Text, size_t Max) {
  if (Text.size() <= Max)
    return Text.str();
  size_t End = Max;
  while (End > 0 && (static_cast<unsigned char>(Text[End]) & 0xC0) == 0x80)
    --End;
  return Text.take_front(End).str();
}

static json textObject(StringRef Text) { return {{"text", Text.str()}}; }

static StringRef problemSeverity(Level L) {
  switch (L) {
  case Level::Error:
    return "error";
  case Level::Warning:
    return "warning";
  case Level::Note:
    return "recommendation";
  }
  return "warning";
}

/// How sure a rule is: the driver's own rules are certain, rules that infer
/// the app across files are less so.
static StringRef precision(const RuleInfo &R) {
  if (R.Code.startswith("ADM9"))
    return "very-high";
  if (R.Code.startswith("ADM4") || R.Code == "ADM101" || R.Code == "ADM202")
    return "medium";
  return "high";
}

static bool hasTag(const RuleInfo &R, StringRef Tag) {
  SmallVector<StringRef, 4> Tags;
  R.Tags.split(Tags, ',', -1, false);
  return llvm::is_contained(Tags, Tag);
}

static json ruleProperties(const RuleInfo &R) {
  SmallVector<StringRef, 4> Tags;
  R.Tags.split(Tags, ',', -1, false);
  json TagList = json::array();
  for (StringRef T : Tags)
    TagList.push_back(T.trim().str());
  json Props = {{"tags", std::move(TagList)},
                {"precision", precision(R).str()},
                {"problem.severity", problemSeverity(R.DefaultLevel).str()}};
  if (hasTag(R, "security"))
    Props["security-severity"] = SecuritySeverity;
  return Props;
}

static json ruleDescriptor(const RuleInfo &R) {
  StringRef Doc = ruleDoc(R.Id);
  std::string Full = docParagraph(Doc, "What it does");
  if (Full.empty())
    Full = R.Summary.str();
  std::string Help = Doc.empty() ? R.Summary.str() : Doc.str();
  return {
      {"id", R.Code.str()},
      {"name", R.Name.str()},
      {"shortDescription", textObject(R.Summary)},
      {"fullDescription", textObject(truncateUtf8(Full, MaxDescription))},
      {"help", {{"text", Help}, {"markdown", Help}}},
      {"helpUri", (Twine(AdminlintUri) + "/rules/" + R.Code).str()},
      {"defaultConfiguration", {{"level", levelName(R.DefaultLevel).str()}}},
      {"properties", ruleProperties(R)}};
}

static json toolObject() {
  json Rules = json::array();
  for (const RuleInfo &R : allRules())
    Rules.push_back(ruleDescriptor(R));
  return {{"driver",
           {{"name", "adminlint"},
            {"version", AdminlintVersion},
            {"semanticVersion", AdminlintVersion},
            {"informationUri", AdminlintUri},
            {"rules", std::move(Rules)}}}};
}

static json artifactLocation(StringRef Path) {
  return {{"uri", sarifUri(Path)}, {"uriBaseId", SrcRoot}};
}

/// Secrets (host byte ranges of File) are printed as "***" in the snippet.
static json region(const SourceFile &File, SourceRange Range,
                   const std::vector<SourceRange> &Secrets) {
  LineColumn Begin = File.lineColumn(Range.Begin);
  LineColumn End = File.lineColumn(std::max(Range.Begin, Range.End));
  return {{"startLine", Begin.Line},
          {"startColumn", Begin.Utf16},
          {"endLine", End.Line},
          {"endColumn", End.Utf16},
          {"snippet", textObject(truncateUtf8(
                          redactedSlice(File, Range, Secrets), MaxSnippet))}};
}

static json physicalLocation(const Location &L, const Diagnostic &D) {
  static const std::vector<SourceRange> NoSecrets;
  const auto &Secrets = L.File == D.Primary.File ? D.Secrets : NoSecrets;
  return {{"artifactLocation", artifactLocation(L.File->path())},
          {"region", region(*L.File, L.Range, Secrets)}};
}

static json relatedLocations(const Diagnostic &D) {
  json Out = json::array();
  for (const Location &L : D.Related) {
    if (!L.File)
      continue;
    json Loc = {{"id", Out.size() + 1},
                {"physicalLocation", physicalLocation(L, D)}};
    if (!L.Message.empty())
      Loc["message"] = textObject(L.Message);
    Out.push_back(std::move(Loc));
  }
  return Out;
}

static json resultObject(const Diagnostic &D, StringRef Fingerprint) {
  const RuleInfo &R = ruleInfo(D.Rule);
  json Res = {{"ruleId", R.Code.str()},
              {"ruleIndex", static_cast<unsigned>(D.Rule)},
              {"level", levelName(D.Severity).str()},
              {"message", textObject(D.Message)}};
  if (D.Primary.File)
    Res["locations"] =
        json::array({{{"physicalLocation", physicalLocation(D.Primary, D)}}});
  json Related = relatedLocations(D);
  if (!Related.empty())
    Res["relatedLocations"] = std::move(Related);
  Res["partialFingerprints"] = {{"adminlint/v1", Fingerprint.str()},
                                {"primaryLocationLineHash", Fingerprint.str()}};
  if (D.Suppressed) {
    json S = {{"kind", "inSource"}, {"status", "accepted"}};
    if (!D.Justification.empty())
      S["justification"] = D.Justification;
    Res["suppressions"] = json::array({std::move(S)});
  }
  if (!D.Notes.empty())
    Res["properties"] = {{"notes", D.Notes}};
  return Res;
}

/// The indices of the findings to report: all of them, or the MaxResults of
/// the highest levels (unsuppressed first), in their original order.
static std::vector<size_t> keptResults(ArrayRef<Diagnostic> Diags,
                                       size_t MaxResults) {
  std::vector<size_t> Index(Diags.size());
  std::iota(Index.begin(), Index.end(), 0);
  if (Diags.size() <= MaxResults)
    return Index;
  auto Rank = [&Diags](size_t I) {
    return std::make_pair(!Diags[I].Suppressed,
                          static_cast<int>(Diags[I].Severity));
  };
  std::stable_sort(Index.begin(), Index.end(),
                   [&Rank](size_t A, size_t B) { return Rank(A) > Rank(B); });
  Index.resize(MaxResults);
  std::sort(Index.begin(), Index.end());
  return Index;
}

static json notification(Level L, StringRef Message, StringRef Path) {
  json N = {{"level", levelName(L).str()}, {"message", textObject(Message)}};
  if (!Path.empty())
    N["locations"] =
        json::array({{{"physicalLocation",
                       {{"artifactLocation", artifactLocation(Path)}}}}});
  return N;
}

static json invocation(const ScanResult &Result, const EmitOptions &Options,
                       size_t Dropped) {
  json Notes = json::array();
  bool Success = true;
  for (const Notification &N : Result.Notifications) {
    Notes.push_back(notification(N.Severity, N.Message, N.Path));
    Success = Success && !N.Internal;
  }
  if (Dropped != 0)
    Notes.push_back(notification(
        Level::Warning,
        (Twine(Dropped) + " results were left out: GitHub keeps " +
         Twine(SarifResultCap) +
         " results of a run; split the scan into runs with --sarif-category")
            .str(),
        ""));
  json Inv = {{"executionSuccessful", Success}};
  if (!Options.CommandLine.empty())
    Inv["arguments"] = Options.CommandLine;
  if (!Notes.empty())
    Inv["toolExecutionNotifications"] = std::move(Notes);
  return Inv;
}

/// GitHub reads the category as automationDetails.id up to its last '/'.
static std::string automationId(StringRef Category) {
  if (Category.contains('/'))
    return Category.str();
  return (Category + "/").str();
}

static json runObject(const ScanResult &Result, const EmitOptions &Options,
                      size_t MaxResults) {
  std::vector<std::string> Prints = fingerprints(Result.Diagnostics);
  std::vector<size_t> Kept = keptResults(Result.Diagnostics, MaxResults);
  json Results = json::array();
  for (size_t I : Kept)
    Results.push_back(resultObject(Result.Diagnostics[I], Prints[I]));
  json Run = {{"tool", toolObject()}};
  Run["invocations"] = json::array(
      {invocation(Result, Options, Result.Diagnostics.size() - Kept.size())});
  Run["originalUriBaseIds"] = {
      {SrcRoot,
       {{"description", textObject("The root of the scanned repository.")}}}};
  if (!Options.SarifCategory.empty())
    Run["automationDetails"] = {{"id", automationId(Options.SarifCategory)}};
  Run["columnKind"] = "utf16CodeUnits";
  Run["results"] = std::move(Results);
  return Run;
}

std::string renderSarif(const ScanResult &Result, const EmitOptions &Options,
                        size_t MaxResults) {
  json Log = {{"$schema", SchemaUri},
              {"version", "2.1.0"},
              {"runs", json::array({runObject(Result, Options, MaxResults)})}};
  return Log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {
/// Writes the scan as one SARIF 2.1.0 run.
class SarifEmitter : public Emitter {
public:
  explicit SarifEmitter(const EmitOptions &Options) : Options(Options) {}
  void emit(const ScanResult &Result, raw_ostream &OS) override {
    try {
      OS << renderSarif(Result, Options);
    } catch (const json::exception &E) {
      OS << "{\"$schema\": \"" << SchemaUri
         << "\", \"version\": \"2.1.0\", \"runs\": []}\n";
    }
  }

private:
  EmitOptions Options;
};
} // namespace

std::unique_ptr<Emitter> createSarifEmitter(const EmitOptions &Options) {
  return std::make_unique<SarifEmitter>(Options);
}

} // namespace adminlint
