//===- Sarif.h - SARIF 2.1.0 output for code scanning -----------*- C++ -*-===//
#ifndef ADMINLINT_EMIT_SARIF_H
#define ADMINLINT_EMIT_SARIF_H

#include "lib/Emit/Emitter.h"
#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <string>

namespace adminlint {

/// GitHub keeps this many results of one run; the rest are dropped with a
/// toolExecutionNotification.
constexpr size_t SarifResultCap = 5000;

/// The SARIF 2.1.0 log of a scan: one run with every rule of the catalog,
/// results capped at MaxResults (the highest levels are kept).
std::string renderSarif(const ScanResult &Result, const EmitOptions &Options,
                        size_t MaxResults = SarifResultCap);

/// Percent-encodes a repository-relative path as a URI reference (RFC 3986
/// unreserved characters and '/' are kept; backslashes become '/').
std::string sarifUri(llvm::StringRef Path);

std::unique_ptr<Emitter> createSarifEmitter(const EmitOptions &Options);

} // namespace adminlint

#endif
