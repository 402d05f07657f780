//===- ShellFrontend.cpp - Shell scripts into one ShellUnit ---------------===//
#include "lib/Model/Frontends.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {

/// Parses a whole shell script (after a BOM; a `#!` line is a comment) into
/// one ShellUnit; syntax errors become ADM900 and the depth limit ADM902.
void analyzeShellFile(FileAnalysis &A, const FrontendLimits &L) {
  uint32_t Start = A.File->contentStart();
  EmbeddedText Source =
      EmbeddedText::verbatim(A.File->text().drop_front(Start), Start);
  shell::ParseOptions Opts;
  Opts.MaxDepth = L.MaxNestingDepth;
  ShellUnit U;
  U.Script = shell::parse(Source, Opts);
  U.Host = ShellHost::ShellFile;
  U.Label = sys::path::filename(A.File->path()).str();
  for (const shell::ParseError &E : U.Script.Errors) {
    if (E.LimitExceeded)
      A.addDiag(RuleId::ScanLimit, E.Range,
                E.Message + "; raise the limit with --max-nesting-depth");
    else
      A.addDiag(RuleId::ParseError, E.Range, E.Message);
  }
  A.Shell.push_back(std::move(U));
}

} // namespace adminlint
