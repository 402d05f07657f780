//===- Github.cpp - GitHub Actions workflow commands ----------------------===//
#include "lib/Emit/Github.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace adminlint {

static std::string escape(StringRef Text, bool Property) {
  std::string Out;
  Out.reserve(Text.size());
  for (char C : Text) {
    switch (C) {
    case '%':
      Out += "%25";
      break;
    case '\r':
      Out += "%0D";
      break;
    case '\n':
      Out += "%0A";
      break;
    case ':':
      Out += Property ? "%3A" : ":";
      break;
    case ',':
      Out += Property ? "%2C" : ",";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

std::string escapeGithubData(StringRef Text) { return escape(Text, false); }

std::string escapeGithubProperty(StringRef Text) { return escape(Text, true); }

static StringRef commandName(Level L) {
  switch (L) {
  case Level::Error:
    return "error";
  case Level::Warning:
    return "warning";
  case Level::Note:
    return "notice";
  }
  return "warning";
}

/// The message with notes and related locations on further lines (GitHub
/// shows the escaped line breaks inside the annotation).
static std::string annotationText(const Diagnostic &D) {
  std::string Text = D.Message;
  if (D.Suppressed)
    Text += " (suppressed)";
  for (const Location &L : D.Related) {
    if (!L.File)
      continue;
    LineColumn LC = L.File->lineColumn(L.Range.Begin);
    Text += ("\n" + L.File->path() + ":" + Twine(LC.Line) + ":" +
             Twine(LC.Char) + ": " + L.Message)
                .str();
  }
  for (const std::string &N : D.Notes)
    Text += "\nnote: " + N;
  return Text;
}

static void emitCommand(const Diagnostic &D, raw_ostream &OS) {
  const RuleInfo &R = ruleInfo(D.Rule);
  OS << "::" << commandName(D.Severity) << ' ';
  if (D.Primary.File) {
    const SourceFile &F = *D.Primary.File;
    LineColumn Begin = F.lineColumn(D.Primary.Range.Begin);
    LineColumn End = F.lineColumn(D.Primary.Range.End);
    OS << "file=" << escapeGithubProperty(F.path()) << ",line=" << Begin.Line
       << ",endLine=" << End.Line << ",col=" << Begin.Char;
    if (Begin.Line == End.Line)
      OS << ",endColumn=" << End.Char;
    OS << ',';
  }
  OS << "title=" << escapeGithubProperty((R.Code + " " + R.Name).str())
     << "::" << escapeGithubData(annotationText(D)) << '\n';
}

namespace {
/// Writes GitHub Actions workflow commands, one line per finding.
class GithubEmitter : public Emitter {
public:
  void emit(const ScanResult &Result, raw_ostream &OS) override {
    for (const Diagnostic &D : Result.Diagnostics)
      if (!D.Suppressed || Result.ShowSuppressed)
        emitCommand(D, OS);
  }
};
} // namespace

std::unique_ptr<Emitter> createGithubEmitter(const EmitOptions &Options) {
  return std::make_unique<GithubEmitter>();
}

} // namespace adminlint
