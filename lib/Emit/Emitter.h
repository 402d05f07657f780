//===- Emitter.h - Writing a scan result in one output format ---*- C++ -*-===//
#ifndef ADMINLINT_EMIT_EMITTER_H
#define ADMINLINT_EMIT_EMITTER_H

#include "lib/Driver/Scan.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <string>
#include <vector>

namespace adminlint {

/// What the command line tells every emitter.
struct EmitOptions {
  bool Color = false;          ///< ANSI colour (text only)
  bool ShowSuppressed = false; ///< print suppressed findings (not SARIF)
  bool Quiet = false;          ///< findings only, no summary
  std::string SarifCategory;   ///< `--sarif-category`: automationDetails.id
  /// The command line, for SARIF invocations.
  std::vector<std::string> CommandLine;
};

/// Writes a whole scan result in one format. Emitters never throw: a JSON
/// library exception is caught inside and the output stays well formed.
class Emitter {
public:
  virtual ~Emitter() = default;
  virtual void emit(const ScanResult &Result, llvm::raw_ostream &OS) = 0;
};

/// The emitter of a format (`text`, `json`, `sarif`, ...), or null for an
/// unknown format.
std::unique_ptr<Emitter> createEmitter(llvm::StringRef Format,
                                       const EmitOptions &Options);
/// Every format name createEmitter knows, for usage messages.
std::vector<llvm::StringRef> emitterFormats();

/// The emitters listed in Emitter.cpp; each lives in lib/Emit/<Name>.cpp.
std::unique_ptr<Emitter> createTextEmitter(const EmitOptions &Options);
std::unique_ptr<Emitter> createJsonEmitter(const EmitOptions &Options);

} // namespace adminlint

#endif
