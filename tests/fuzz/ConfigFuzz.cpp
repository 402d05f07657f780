//===- ConfigFuzz.cpp - libFuzzer target for the .adminlint.yaml reader ---===//
//
// Parses the input as a config file. A config either parses or yields one
// formatted error; nothing throws, and the globs it holds can be rebased and
// matched.
//
//===----------------------------------------------------------------------===//
#include "lib/Driver/Config.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>

using namespace adminlint;

static void useGlobs(Config &C) {
  rebaseGlobs(C, "sub/dir");
  for (const GlobPattern &G : C.Exclude)
    (void)G.matchesPathOrParent("sub/dir/tests/x.sh");
  for (const PerPathConfig &P : C.PerPath)
    (void)P.Glob.matches("sub/dir/k8s/job.yaml", false);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<Config> C = parseConfig(Text, ".adminlint.yaml");
  if (!C) {
    llvm::consumeError(C.takeError());
    return 0;
  }
  useGlobs(*C);
  return 0;
}
