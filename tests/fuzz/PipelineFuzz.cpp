//===- PipelineFuzz.cpp - libFuzzer target for the whole scan of one file -===//
//
// Runs scan() on one in-memory file in an empty repository: the first input
// byte chooses the file name (and so its kind), the rest is its content. The
// scan never walks, never reads the file from disk, and every finding's
// ranges lie inside the file.
//
//===----------------------------------------------------------------------===//
#include "lib/Driver/Scan.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace adminlint;

static const char *const Names[] = {
    "Dockerfile",
    "Procfile",
    "Makefile",
    "x.sh",
    "k8s.yaml",
    "docker-compose.prod.yml",
    ".github/workflows/ci.yml",
    ".gitlab-ci.yml",
    "chart/templates/job.yaml",
    "kustomization.yaml",
    "x.py",
    "app.json",
};
static constexpr size_t NumNames = sizeof(Names) / sizeof(Names[0]);

/// The empty repository every input is scanned in (created once).
static std::string Root;

static void require(bool Condition) {
  if (!Condition)
    abort();
}

static void checkRange(SourceRange R, size_t Size) {
  require(R.Begin <= R.End && R.End <= Size);
}

static void checkLocation(const Location &L, size_t Size) {
  if (L.File)
    checkRange(L.Range, Size);
}

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  llvm::SmallString<128> Dir;
  if (llvm::sys::fs::createUniqueDirectory("adminlint-fuzz-pipeline", Dir))
    abort();
  llvm::SmallString<128> Real;
  if (llvm::sys::fs::real_path(Dir, Real))
    abort();
  Root = std::string(Real.str());
  for (const char *Sub : {"/.github/workflows", "/chart/templates"})
    if (llvm::sys::fs::create_directories(Root + Sub))
      abort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  ScanOptions Options;
  Options.Root = Root;
  Options.NoWalk = true;
  Options.Jobs = 1;
  Options.Today = "2026-11-26";
  Options.Limits.MaxYamlNodes = 100000;
  Options.Stdin = StdinFile{
      Root + "/" + Names[Data[0] % NumNames],
      std::string(reinterpret_cast<const char *>(Data) + 1, Size - 1)};
  llvm::Expected<ScanResult> Result = scan(Options);
  if (!Result) {
    llvm::consumeError(Result.takeError());
    return 0;
  }
  for (const Diagnostic &D : Result->Diagnostics) {
    checkLocation(D.Primary, Size - 1);
    for (const Location &L : D.Related)
      checkLocation(L, Size - 1);
  }
  return 0;
}
