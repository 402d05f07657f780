//===- Procfile.cpp - Procfile parser with exact ranges -------------------===//
#include "lib/Parse/Procfile.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace adminlint {
namespace procfile {

const Process *Procfile::find(StringRef Type) const {
  const Process *Found = nullptr;
  for (const Process &P : Processes)
    if (P.Type == Type)
      Found = &P;
  return Found;
}

static bool isTypeChar(char C) { return isAlnum(C) || C == '_' || C == '-'; }

/// Parses one non-blank, non-comment line [Begin, End) of Text.
static void parseLine(StringRef Text, uint32_t Begin, uint32_t End,
                      Procfile &P) {
  uint32_t TypeBegin = Begin;
  while (TypeBegin < End && (Text[TypeBegin] == ' ' || Text[TypeBegin] == '\t'))
    ++TypeBegin;
  uint32_t TypeEnd = TypeBegin;
  while (TypeEnd < End && isTypeChar(Text[TypeEnd]))
    ++TypeEnd;
  if (TypeEnd == TypeBegin || TypeEnd >= End || Text[TypeEnd] != ':') {
    P.Errors.push_back({"expected 'type: command'", {TypeBegin, End}});
    return;
  }
  StringRef Rest = Text.slice(TypeEnd + 1, End);
  StringRef Cmd = Rest.trim(" \t");
  if (Cmd.empty()) {
    P.Errors.push_back({"process type has no command", {TypeBegin, End}});
    return;
  }
  uint32_t CmdBegin = TypeEnd + 1 + (Cmd.data() - Rest.data());
  Process Proc;
  Proc.Type = Text.slice(TypeBegin, TypeEnd).str();
  Proc.TypeRange = {TypeBegin, TypeEnd};
  Proc.Command = EmbeddedText::verbatim(Cmd, CmdBegin);
  Proc.Range = {TypeBegin, End};
  P.Processes.push_back(std::move(Proc));
}

Procfile parse(StringRef Text, uint32_t Start) {
  Procfile P;
  uint32_t Pos = std::min<uint32_t>(Start, Text.size());
  while (Pos < Text.size()) {
    size_t NL = Text.find('\n', Pos);
    uint32_t End = NL == StringRef::npos ? Text.size() : NL;
    uint32_t Next = NL == StringRef::npos ? Text.size() : NL + 1;
    if (End > Pos && Text[End - 1] == '\r')
      --End;
    StringRef Line = Text.slice(Pos, End);
    StringRef Content = Line.ltrim(" \t");
    if (Content.startswith("#"))
      P.Comments.push_back({static_cast<uint32_t>(End - Content.size()), End});
    else if (!Content.rtrim(" \t\r").empty())
      parseLine(Text, Pos, End, P);
    Pos = Next;
  }
  return P;
}

} // namespace procfile
} // namespace adminlint
