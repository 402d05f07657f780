//===- Emitter.cpp - The list of output formats ---------------------------===//
#include "lib/Emit/Emitter.h"
#include "lib/Emit/Checkstyle.h"
#include "lib/Emit/Github.h"
#include "lib/Emit/Gitlab.h"
#include "lib/Emit/Sarif.h"

namespace adminlint {

using EmitterFactory = std::unique_ptr<Emitter> (*)(const EmitOptions &);

/// One format name and its factory.
struct FormatEntry {
  llvm::StringRef Name;
  EmitterFactory Create;
};

// One line per format; other emitters declare their factory in Emitter.h.
static const FormatEntry Formats[] = {
    {"text", createTextEmitter},     {"json", createJsonEmitter},
    {"sarif", createSarifEmitter},   {"github", createGithubEmitter},
    {"gitlab", createGitlabEmitter}, {"checkstyle", createCheckstyleEmitter},
};

std::unique_ptr<Emitter> createEmitter(llvm::StringRef Format,
                                       const EmitOptions &Options) {
  for (const FormatEntry &F : Formats)
    if (F.Name == Format)
      return F.Create(Options);
  return nullptr;
}

std::vector<llvm::StringRef> emitterFormats() {
  std::vector<llvm::StringRef> Names;
  for (const FormatEntry &F : Formats)
    Names.push_back(F.Name);
  return Names;
}

} // namespace adminlint
