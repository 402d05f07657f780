//===- RuleDocs.cpp - The rule doc pages built into the binary ------------===//
#include "lib/Check/RuleDocs.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace adminlint {

namespace {
/// One embedded doc page, keyed by rule code.
struct DocEntry {
  const char *Code;
  const char *Text;
};
} // namespace

static const DocEntry Docs[] = {
#include "RuleDocs.inc"
    {"", ""}};

StringRef ruleDoc(RuleId Id) {
  StringRef Code = ruleInfo(Id).Code;
  for (const DocEntry &E : Docs)
    if (Code == E.Code)
      return E.Text;
  return {};
}

StringRef docSection(StringRef Doc, StringRef Heading) {
  std::string Marker = (Twine("## ") + Heading).str();
  size_t Pos = 0;
  while (true) {
    Pos = Doc.find(Marker, Pos);
    if (Pos == StringRef::npos)
      return {};
    bool AtLineStart = Pos == 0 || Doc[Pos - 1] == '\n';
    size_t After = Pos + Marker.size();
    bool AtLineEnd =
        After == Doc.size() || Doc[After] == '\n' || Doc[After] == '\r';
    if (AtLineStart && AtLineEnd)
      break;
    Pos = After;
  }
  StringRef Body = Doc.substr(Pos + Marker.size());
  size_t Next = Body.find("\n## ");
  return Body.substr(0, Next).trim();
}

std::string docParagraph(StringRef Doc, StringRef Heading) {
  StringRef Body = docSection(Doc, Heading);
  std::string Out;
  while (!Body.empty()) {
    StringRef Line;
    std::tie(Line, Body) = Body.split('\n');
    Line = Line.trim();
    if (Line.empty())
      break;
    if (!Out.empty())
      Out += ' ';
    Out += Line.str();
  }
  return Out;
}

} // namespace adminlint
