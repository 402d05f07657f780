//===- Text.h - clang-style text output -------------------------*- C++ -*-===//
#ifndef ADMINLINT_EMIT_TEXT_H
#define ADMINLINT_EMIT_TEXT_H

#include "lib/Driver/Scan.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace adminlint {

/// The one-line summary printed on stderr after a scan:
/// "2 errors, 1 warning and 0 notes in 14 files (1 suppressed)".
std::string summaryLine(const ScanResult &Result);

/// The `--statistics` table: one row per rule with findings, then counts and
/// timings.
void printStatistics(const ScanResult &Result, llvm::raw_ostream &OS);

/// The caret line under a source line for the byte columns [Begin, End)
/// (1-based; End past Begin or equal for an empty range): tabs expand to
/// stops of 8 and a UTF-8 sequence takes one column, as the source line
/// printed above it.
std::string caretLine(llvm::StringRef Line, unsigned Begin, unsigned End);

/// Line with tabs expanded to stops of 8, as printed above a caret line.
std::string expandTabs(llvm::StringRef Line);

} // namespace adminlint

#endif
