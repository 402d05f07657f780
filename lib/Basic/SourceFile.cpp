//===- SourceFile.cpp - A scanned file and its line index -----------------===//
#include "lib/Basic/SourceFile.h"
#include <algorithm>

using namespace llvm;

namespace adminlint {

SourceFile::SourceFile(std::string P, std::string T)
    : Path(std::move(P)), Text(std::move(T)) {
  HasBom = StringRef(Text).startswith("\xEF\xBB\xBF");
  LineStarts.push_back(0);
  for (size_t I = 0, E = Text.size(); I != E; ++I)
    if (Text[I] == '\n')
      LineStarts.push_back(I + 1);
}

/// Length of the UTF-8 sequence starting at Lead, or 0 if Lead cannot start
/// one.
static unsigned sequenceLength(unsigned char Lead) {
  if (Lead < 0x80)
    return 1;
  if (Lead >= 0xC2 && Lead <= 0xDF)
    return 2;
  if (Lead >= 0xE0 && Lead <= 0xEF)
    return 3;
  if (Lead >= 0xF0 && Lead <= 0xF4)
    return 4;
  return 0;
}

void countColumns(StringRef Text, uint32_t &Chars, uint32_t &Utf16) {
  Chars = Utf16 = 0;
  for (size_t I = 0, E = Text.size(); I < E;) {
    unsigned Len = sequenceLength(Text[I]);
    bool Valid = Len != 0 && I + Len <= E;
    for (unsigned K = 1; Valid && K < Len; ++K)
      Valid = (static_cast<unsigned char>(Text[I + K]) & 0xC0) == 0x80;
    if (!Valid)
      Len = 1;
    ++Chars;
    Utf16 += Valid && Len == 4 ? 2 : 1;
    I += Len;
  }
}

LineColumn SourceFile::lineColumn(uint32_t Offset) const {
  Offset = std::min<uint32_t>(Offset, Text.size());
  auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  uint32_t Line = It - LineStarts.begin();
  uint32_t Start = LineStarts[Line - 1];
  if (Line == 1)
    Start = std::min<uint32_t>(contentStart(), Offset);
  LineColumn LC;
  LC.Line = Line;
  LC.Byte = Offset - Start + 1;
  countColumns(StringRef(Text).slice(Start, Offset), LC.Char, LC.Utf16);
  ++LC.Char;
  ++LC.Utf16;
  return LC;
}

StringRef SourceFile::lineText(uint32_t Line) const {
  if (Line == 0 || Line > LineStarts.size())
    return {};
  uint32_t Start = LineStarts[Line - 1];
  if (Line == 1)
    Start = contentStart();
  uint32_t End = Line < LineStarts.size() ? LineStarts[Line] - 1 : Text.size();
  StringRef L = StringRef(Text).slice(Start, End);
  if (L.endswith("\r"))
    L = L.drop_back();
  return L;
}

StringRef SourceFile::slice(SourceRange R) const {
  return StringRef(Text).slice(R.Begin, R.End);
}

} // namespace adminlint
