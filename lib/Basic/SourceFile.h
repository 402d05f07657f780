//===- SourceFile.h - A scanned file and its line index ---------*- C++ -*-===//
#ifndef ADMINLINT_BASIC_SOURCEFILE_H
#define ADMINLINT_BASIC_SOURCEFILE_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace adminlint {

/// A half-open byte range [Begin, End) in one file's buffer.
struct SourceRange {
  uint32_t Begin = 0;
  uint32_t End = 0;
  bool empty() const { return Begin == End; }
  bool contains(uint32_t Offset) const {
    return Begin <= Offset && Offset < End;
  }
  friend bool operator==(SourceRange A, SourceRange B) {
    return A.Begin == B.Begin && A.End == B.End;
  }
};

/// A 1-based line and column. Columns are counted in bytes (Byte), in
/// Unicode code points (Char) and in UTF-16 code units (Utf16, SARIF's
/// default).
struct LineColumn {
  uint32_t Line = 1;
  uint32_t Byte = 1;
  uint32_t Char = 1;
  uint32_t Utf16 = 1;
};

/// One scanned file: its repository-relative path (forward slashes) and its
/// bytes exactly as read (a BOM, CRLF and invalid UTF-8 are kept; positions are
/// byte offsets into this buffer). Lines and columns are computed on demand.
class SourceFile {
public:
  SourceFile(std::string Path, std::string Text);

  llvm::StringRef path() const { return Path; }
  llvm::StringRef text() const { return Text; }
  /// The offset of the first byte after a UTF-8 BOM (0 or 3).
  uint32_t contentStart() const { return HasBom ? 3 : 0; }

  LineColumn lineColumn(uint32_t Offset) const;
  /// The text of a 1-based line without its line terminator (LF or CRLF).
  llvm::StringRef lineText(uint32_t Line) const;
  uint32_t lineCount() const { return LineStarts.size(); }
  uint32_t lineStart(uint32_t Line) const { return LineStarts[Line - 1]; }
  llvm::StringRef slice(SourceRange R) const;

private:
  std::string Path;
  std::string Text;
  std::vector<uint32_t> LineStarts;
  bool HasBom = false;
};

using SourceFileRef = std::shared_ptr<const SourceFile>;

/// Counts the code points and UTF-16 units of possibly invalid UTF-8 text;
/// an invalid byte counts as one code point (U+FFFD).
void countColumns(llvm::StringRef Text, uint32_t &Chars, uint32_t &Utf16);

} // namespace adminlint

#endif
