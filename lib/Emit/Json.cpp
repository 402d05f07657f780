//===- Json.cpp - The versioned JSON report (docs/json-format.md) ---------===//
#include "lib/Driver/Baseline.h"
#include "lib/Driver/Version.h"
#include "lib/Emit/Emitter.h"
#include <nlohmann/json.hpp>

using namespace llvm;
using json = nlohmann::ordered_json;

namespace adminlint {

/// The version of the JSON report format; bumped on incompatible changes.
static constexpr int JsonFormatVersion = 1;

static json position(const SourceFile &F, uint32_t Offset) {
  LineColumn LC = F.lineColumn(Offset);
  return {{"line", LC.Line}, {"column", LC.Byte}, {"offset", Offset}};
}

static json location(const Location &L) {
  json J = json::object();
  J["path"] = L.File ? L.File->path().str() : "";
  if (L.File)
    J["range"] = {{"start", position(*L.File, L.Range.Begin)},
                  {"end", position(*L.File, L.Range.End)}};
  return J;
}

static json finding(const Diagnostic &D, const std::string &Fingerprint) {
  const RuleInfo &R = ruleInfo(D.Rule);
  json J = json::object();
  J["code"] = R.Code.str();
  J["name"] = R.Name.str();
  J["level"] = levelName(D.Severity).str();
  J["message"] = D.Message;
  J.update(location(D.Primary));
  J["related"] = json::array();
  for (const Location &L : D.Related) {
    json Rel = location(L);
    Rel["message"] = L.Message;
    J["related"].push_back(std::move(Rel));
  }
  J["notes"] = D.Notes;
  J["fingerprint"] = Fingerprint;
  J["suppressed"] = D.Suppressed;
  if (D.Suppressed)
    J["justification"] = D.Justification;
  return J;
}

namespace {

/// Writes the whole result as one JSON object.
class JsonEmitter : public Emitter {
public:
  explicit JsonEmitter(const EmitOptions &Options) : Options(Options) {}
  void emit(const ScanResult &Result, raw_ostream &OS) override;

private:
  json report(const ScanResult &Result) const;
  EmitOptions Options;
};

} // namespace

json JsonEmitter::report(const ScanResult &Result) const {
  json Findings = json::array();
  std::vector<std::string> Prints = fingerprints(Result.Diagnostics);
  for (size_t I = 0; I < Result.Diagnostics.size(); ++I) {
    const Diagnostic &D = Result.Diagnostics[I];
    if (D.Suppressed && !Options.ShowSuppressed)
      continue;
    Findings.push_back(
        finding(D, D.Fingerprint.empty() ? Prints[I] : D.Fingerprint));
  }
  json Notes = json::array();
  for (const Notification &N : Result.Notifications)
    Notes.push_back({{"level", levelName(N.Severity).str()},
                     {"path", N.Path},
                     {"message", N.Message},
                     {"internal", N.Internal}});
  return {{"version", JsonFormatVersion},
          {"tool", {{"name", "adminlint"}, {"version", AdminlintVersion}}},
          {"root", Result.Root},
          {"findings", std::move(Findings)},
          {"notifications", std::move(Notes)},
          {"summary",
           {{"errors", Result.count(Level::Error)},
            {"warnings", Result.count(Level::Warning)},
            {"notes", Result.count(Level::Note)},
            {"files", Result.Stats.FilesAnalysed}}}};
}

void JsonEmitter::emit(const ScanResult &Result, raw_ostream &OS) {
  try {
    OS << report(Result).dump(2, ' ', false, json::error_handler_t::replace)
       << "\n";
  } catch (const std::exception &E) {
    json Failed = {
        {"version", JsonFormatVersion},
        {"error", std::string("cannot write the report: ") + E.what()}};
    OS << Failed.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  }
}

std::unique_ptr<Emitter> createJsonEmitter(const EmitOptions &Options) {
  return std::make_unique<JsonEmitter>(Options);
}

} // namespace adminlint
