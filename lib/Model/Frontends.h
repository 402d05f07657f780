//===- Frontends.h - From a file's text to its FileAnalysis -----*- C++ -*-===//
#ifndef ADMINLINT_MODEL_FRONTENDS_H
#define ADMINLINT_MODEL_FRONTENDS_H

#include "lib/Model/FileAnalysis.h"

namespace adminlint {

/// Safety limits a frontend honours; a trip is an ADM902 note on the file
/// that names the flag raising it.
struct FrontendLimits {
  unsigned MaxNestingDepth = 256;  ///< --max-nesting-depth (YAML, shell)
  unsigned MaxYamlNodes = 1000000; ///< --max-yaml-nodes (after alias expansion)
  unsigned MaxMillisecondsPerFile = 5000; ///< --max-file-time
};

/// Parses A.File into A (shell units, workloads, typed model, ADM900/ADM902
/// diagnostics). A frontend never throws and never reads another file.
using FrontendFn = void (*)(FileAnalysis &A, const FrontendLimits &Limits);

/// The frontend of a kind, or null when no frontend reads that kind.
FrontendFn frontendFor(FileKind Kind);

// Each frontend lives in lib/Model/<Name>Frontend.cpp beside the models it
// builds and is listed in frontendFor() (lib/Model/Frontends.cpp).

} // namespace adminlint

#endif
