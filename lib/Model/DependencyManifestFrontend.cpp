//===- DependencyManifestFrontend.cpp - requirements.txt, Gemfile, ... ----===//
#include "lib/Model/DependencyManifest.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include <memory>

using namespace llvm;

namespace adminlint {

StringRef manifestEcosystem(StringRef FileName) {
  if (FileName.startswith("requirements") && FileName.endswith(".txt"))
    return "python";
  return StringSwitch<StringRef>(FileName)
      .Cases("requirements.in", "pyproject.toml", "Pipfile", "setup.py",
             "python")
      .Cases("poetry.lock", "Pipfile.lock", "setup.cfg", "python")
      .Cases("Gemfile", "Gemfile.lock", "ruby")
      .Cases("package.json", "package-lock.json", "yarn.lock", "node")
      .Case("pnpm-lock.yaml", "node")
      .Cases("composer.json", "composer.lock", "php")
      .Cases("go.mod", "go.sum", "go")
      .Cases("pom.xml", "build.gradle", "build.gradle.kts", "jvm")
      .Cases("mix.exs", "mix.lock", "elixir")
      .Cases("Cargo.toml", "Cargo.lock", "rust")
      .Default("");
}

void analyzeDependencyManifest(FileAnalysis &A, const FrontendLimits &) {
  auto M = std::make_shared<DependencyManifestModel>();
  M->Ecosystem = manifestEcosystem(sys::path::filename(A.File->path()));
  A.Model = std::move(M);
}

} // namespace adminlint
