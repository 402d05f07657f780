//===- YamlFastFuzz.cpp - Differential fuzzing of the YAML fast path ------===//
//
// For every input the hand-written fast path accepts, its events (kind, mark,
// tag, anchor, value, style) must equal yaml-cpp's exactly, and yaml-cpp must
// accept the input too. Inputs the fast path refuses are not compared: they
// go to yaml-cpp anyway.
//
//===----------------------------------------------------------------------===//
#include "lib/Parse/YamlFast.h"
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace adminlint::yaml;

static void dump(const char *Name, const std::vector<YamlEvent> &Events) {
  fprintf(stderr, "%s:\n", Name);
  for (const YamlEvent &E : Events)
    fprintf(stderr,
            "  kind=%d pos=%lld tag=%d flow=%d anchored=%d value=[%s]\n",
            int(E.K), static_cast<long long>(E.Pos), int(E.Tag), int(E.Flow),
            int(E.Anchored), E.Value.c_str());
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  std::vector<YamlEvent> Fast, Reference;
  if (!parseFastYaml(Text, Fast))
    return 0;
  bool ReferenceOk = yamlCppEvents(Text, Reference);
  if (ReferenceOk && Fast == Reference)
    return 0;
  fprintf(stderr, "yaml-cpp %s\n", ReferenceOk ? "accepted" : "refused");
  dump("fast", Fast);
  dump("yaml-cpp", Reference);
  abort();
}
