//===- Text.cpp - clang-style text output ---------------------------------===//
#include "lib/Emit/Text.h"
#include "lib/Emit/Emitter.h"
#include "llvm/Support/Format.h"

using namespace llvm;

namespace adminlint {

static bool isContinuationByte(char C) {
  return (static_cast<unsigned char>(C) & 0xC0) == 0x80;
}

/// The display column after Line[I] given the display column before it.
static unsigned advance(StringRef Line, size_t I, unsigned Col) {
  if (Line[I] == '\t')
    return (Col / 8 + 1) * 8;
  return isContinuationByte(Line[I]) ? Col : Col + 1;
}

std::string expandTabs(StringRef Line) {
  std::string Out;
  unsigned Col = 0;
  for (size_t I = 0; I < Line.size(); ++I) {
    unsigned Next = advance(Line, I, Col);
    if (Line[I] == '\t')
      Out.append(Next - Col, ' ');
    else
      Out += Line[I];
    Col = Next;
  }
  return Out;
}

std::string caretLine(StringRef Line, unsigned Begin, unsigned End) {
  unsigned Col = 0, CaretCol = 0, EndCol = 0;
  for (size_t I = 0; I <= Line.size(); ++I) {
    if (I + 1 == Begin)
      CaretCol = Col;
    if (I + 1 == End)
      EndCol = Col;
    if (I < Line.size())
      Col = advance(Line, I, Col);
  }
  if (Begin > Line.size() + 1)
    CaretCol = Col;
  if (End > Line.size() + 1)
    EndCol = Col;
  std::string Out(CaretCol, ' ');
  Out += '^';
  if (EndCol > CaretCol + 1)
    Out.append(EndCol - CaretCol - 1, '~');
  return Out;
}

namespace {

/// ANSI colours as clang uses them.
struct Palette {
  bool On;
  const char *bold() const { return On ? "\033[1m" : ""; }
  const char *reset() const { return On ? "\033[0m" : ""; }
  const char *green() const { return On ? "\033[1;32m" : ""; }
  const char *level(Level L) const {
    if (!On)
      return "";
    switch (L) {
    case Level::Error:
      return "\033[1;31m";
    case Level::Warning:
      return "\033[1;35m";
    case Level::Note:
      return "\033[1;36m";
    }
    return "";
  }
};

/// Writes findings as `path:line:col: level: message [CODE name]` with the
/// source line and a caret range, and `note:` lines.
class TextEmitter : public Emitter {
public:
  explicit TextEmitter(const EmitOptions &Options)
      : Options(Options), Colors{Options.Color} {}
  void emit(const ScanResult &Result, raw_ostream &OS) override;

private:
  void emitOne(const Diagnostic &D, const ScanResult &Result, raw_ostream &OS);
  void location(const Location &L, const ScanResult &Result, Level Lvl,
                StringRef Label, raw_ostream &OS);
  void snippet(const Location &L, const std::vector<SourceRange> &Secrets,
               raw_ostream &OS);

  EmitOptions Options;
  Palette Colors;
};

} // namespace

void TextEmitter::location(const Location &L, const ScanResult &Result,
                           Level Lvl, StringRef Label, raw_ostream &OS) {
  OS << Colors.bold() << Result.DisplayPrefix;
  if (L.File) {
    LineColumn LC = L.File->lineColumn(L.Range.Begin);
    OS << L.File->path() << ":" << LC.Line << ":" << LC.Byte << ": ";
  }
  OS << Colors.reset() << Colors.level(Lvl) << Label << ":" << Colors.reset()
     << " ";
}

/// Longer source lines are shown as a window around the caret.
static constexpr size_t MaxSnippetBytes = 160;
static constexpr size_t SnippetContext = 60;

/// Cuts a long Line to a window around byte column Begin, marking the cuts
/// with "..." and moving the 1-based byte columns Begin and End into it.
static std::string windowAround(StringRef Line, unsigned &Begin,
                                unsigned &End) {
  if (Line.size() <= MaxSnippetBytes)
    return Line.str();
  size_t From = Begin - 1 > SnippetContext ? Begin - 1 - SnippetContext : 0;
  while (From > 0 && isContinuationByte(Line[From]))
    --From;
  size_t To = std::min(Line.size(), From + MaxSnippetBytes);
  while (To < Line.size() && isContinuationByte(Line[To]))
    ++To;
  std::string Shown = From > 0 ? "..." : "";
  unsigned Shift = Shown.size() - From;
  Shown += Line.slice(From, To).str();
  if (To < Line.size())
    Shown += "...";
  Begin += Shift;
  End = std::min<unsigned>(End, To + 1) + Shift;
  return Shown;
}

/// The 1-based byte column Column of a line starting at Start once the
/// secrets before it are printed as "***".
static unsigned redactedColumn(const SourceFile &File, uint32_t Start,
                               unsigned Column,
                               const std::vector<SourceRange> &Secrets) {
  return redactedSlice(File, {Start, Start + Column - 1}, Secrets).size() + 1;
}

void TextEmitter::snippet(const Location &L,
                          const std::vector<SourceRange> &Secrets,
                          raw_ostream &OS) {
  if (!L.File || L.File->text().empty())
    return;
  LineColumn B = L.File->lineColumn(L.Range.Begin);
  LineColumn E = L.File->lineColumn(L.Range.End);
  StringRef RawLine = L.File->lineText(B.Line);
  unsigned Begin = B.Byte;
  unsigned End = E.Line == B.Line ? E.Byte : RawLine.size() + 1;
  uint32_t Start = L.File->lineStart(B.Line);
  std::string Line = redactedSlice(
      *L.File, {Start, Start + static_cast<uint32_t>(RawLine.size())}, Secrets);
  Begin = redactedColumn(*L.File, Start, Begin, Secrets);
  End = redactedColumn(*L.File, Start, End, Secrets);
  std::string Shown = windowAround(Line, Begin, End);
  OS << expandTabs(Shown) << "\n"
     << Colors.green() << caretLine(Shown, Begin, End) << Colors.reset()
     << "\n";
}

void TextEmitter::emitOne(const Diagnostic &D, const ScanResult &Result,
                          raw_ostream &OS) {
  const RuleInfo &R = ruleInfo(D.Rule);
  location(D.Primary, Result, D.Severity, levelName(D.Severity), OS);
  OS << Colors.bold() << D.Message << " [" << R.Code << " " << R.Name << "]";
  if (D.Suppressed) {
    OS << " (suppressed";
    if (!D.Justification.empty())
      OS << ": " << D.Justification;
    OS << ")";
  }
  OS << Colors.reset() << "\n";
  snippet(D.Primary, D.Secrets, OS);
  const std::vector<SourceRange> NoSecrets;
  for (const Location &L : D.Related) {
    location(L, Result, Level::Note, "note", OS);
    OS << L.Message << "\n";
    snippet(L, L.File == D.Primary.File ? D.Secrets : NoSecrets, OS);
  }
  for (const std::string &N : D.Notes)
    OS << Colors.level(Level::Note) << "note:" << Colors.reset() << " " << N
       << "\n";
}

void TextEmitter::emit(const ScanResult &Result, raw_ostream &OS) {
  for (const Diagnostic &D : Result.Diagnostics)
    if (!D.Suppressed || Options.ShowSuppressed)
      emitOne(D, Result, OS);
}

static std::string plural(unsigned N, StringRef Word) {
  return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
}

std::string summaryLine(const ScanResult &Result) {
  unsigned Suppressed = 0;
  for (const Diagnostic &D : Result.Diagnostics)
    Suppressed += D.Suppressed;
  std::string S = plural(Result.count(Level::Error), "error") + ", " +
                  plural(Result.count(Level::Warning), "warning") + " and " +
                  plural(Result.count(Level::Note), "note") + " in " +
                  plural(Result.Stats.FilesAnalysed, "file");
  if (Suppressed)
    S += " (" + std::to_string(Suppressed) + " suppressed)";
  return S;
}

void printStatistics(const ScanResult &Result, raw_ostream &OS) {
  std::array<unsigned, NumRules> Counts = Result.countByRule();
  for (const RuleInfo &R : allRules())
    if (unsigned N = Counts[static_cast<unsigned>(R.Id)])
      OS << format("%6u  ", N) << R.Code << "  " << R.Name << "\n";
  const ScanStatistics &S = Result.Stats;
  OS << format("files: %u walked, %u analysed, %u kept, %u skipped; "
               "%u workloads\n",
               S.FilesWalked, S.FilesAnalysed, S.FilesKept, S.FilesSkipped,
               S.Workloads)
     << format("time: %.3fs walk, %.3fs files, %.3fs C/C++ frontend, "
               "%.3fs repository, %.3fs total\n",
               S.WalkSeconds, S.AnalyseSeconds, S.CxxSeconds,
               S.RepositorySeconds, S.TotalSeconds);
}

std::unique_ptr<Emitter> createTextEmitter(const EmitOptions &Options) {
  return std::make_unique<TextEmitter>(Options);
}

} // namespace adminlint
