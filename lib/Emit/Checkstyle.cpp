//===- Checkstyle.cpp - Checkstyle XML for Jenkins and reviewdog ----------===//
#include "lib/Emit/Checkstyle.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace adminlint {

static constexpr const char *Replacement = "\xEF\xBF\xBD";

/// The length of the valid UTF-8 sequence at Text[I], or 0 if it is invalid.
static unsigned validSequence(StringRef Text, size_t I) {
  unsigned Len = getNumBytesForUTF8(Text[I]);
  if (I + Len > Text.size())
    return 0;
  const UTF8 *Begin = reinterpret_cast<const UTF8 *>(Text.data() + I);
  return isLegalUTF8Sequence(Begin, Begin + Len) ? Len : 0;
}

/// The escape of one ASCII character, or null when it is kept as is.
static const char *asciiEscape(char C) {
  switch (C) {
  case '&':
    return "&amp;";
  case '<':
    return "&lt;";
  case '>':
    return "&gt;";
  case '"':
    return "&quot;";
  case '\'':
    return "&apos;";
  case '\n':
    return "&#10;";
  case '\r':
    return "&#13;";
  case '\t':
    return "&#9;";
  default:
    return static_cast<unsigned char>(C) < 0x20 || C == 0x7F ? Replacement
                                                             : nullptr;
  }
}

std::string escapeXmlAttribute(StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  for (size_t I = 0; I < Text.size();) {
    char C = Text[I];
    if (static_cast<unsigned char>(C) < 0x80) {
      const char *Esc = asciiEscape(C);
      Out += Esc ? Esc : std::string(1, C);
      ++I;
      continue;
    }
    unsigned Len = validSequence(Text, I);
    if (Len == 0) {
      Out += Replacement;
      ++I;
      continue;
    }
    Out.append(Text.data() + I, Len);
    I += Len;
  }
  return Out;
}

static StringRef severity(Level L) {
  switch (L) {
  case Level::Error:
    return "error";
  case Level::Warning:
    return "warning";
  case Level::Note:
    return "info";
  }
  return "warning";
}

static void writeError(const Diagnostic &D, raw_ostream &OS) {
  const RuleInfo &R = ruleInfo(D.Rule);
  LineColumn LC = D.Primary.File->lineColumn(D.Primary.Range.Begin);
  std::string Message = (D.Message + " [" + R.Code + " " + R.Name + "]").str();
  OS << "    <error line=\"" << LC.Line << "\" column=\"" << LC.Char
     << "\" severity=\"" << severity(D.Severity) << "\" message=\""
     << escapeXmlAttribute(Message) << "\" source=\"adminlint." << R.Code
     << "\"/>\n";
}

std::string renderCheckstyle(const ScanResult &Result) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
     << "<checkstyle version=\"4.3\">\n";
  StringRef OpenPath;
  bool Open = false;
  for (const Diagnostic &D : Result.Diagnostics) {
    if ((D.Suppressed && !Result.ShowSuppressed) || !D.Primary.File)
      continue;
    StringRef Path = D.Primary.File->path();
    if (!Open || Path != OpenPath) {
      if (Open)
        OS << "  </file>\n";
      OS << "  <file name=\"" << escapeXmlAttribute(Path) << "\">\n";
      OpenPath = Path;
      Open = true;
    }
    writeError(D, OS);
  }
  if (Open)
    OS << "  </file>\n";
  OS << "</checkstyle>\n";
  return OS.str();
}

namespace {
/// Writes a Checkstyle XML report.
class CheckstyleEmitter : public Emitter {
public:
  void emit(const ScanResult &Result, raw_ostream &OS) override {
    OS << renderCheckstyle(Result);
  }
};
} // namespace

std::unique_ptr<Emitter> createCheckstyleEmitter(const EmitOptions &Options) {
  return std::make_unique<CheckstyleEmitter>();
}

} // namespace adminlint
