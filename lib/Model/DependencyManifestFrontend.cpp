//===- DependencyManifestFrontend.cpp - requirements.txt, Gemfile, ... ----===//
#include "lib/Model/DependencyManifest.h"
#include "lib/Parse/Yaml.h"
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

PackageScripts parsePackageScripts(StringRef Json,
                                   const FrontendLimits &Limits) {
  yaml::YamlOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  Opts.MaxNodes = Limits.MaxYamlNodes;
  yaml::Stream S = yaml::Stream::parse(Json, Opts);
  PackageScripts Out;
  if (S.documents().empty() || !S.documents().front().Root->isMapping())
    return Out;
  const yaml::Node *Scripts = S.documents().front().Root->get("scripts");
  if (!Scripts || !Scripts->isMapping())
    return Out;
  for (const yaml::MapEntry &E : Scripts->entries())
    if (E.Key->isScalar() && E.Value->isScalar())
      Out[E.Key->value()] = E.Value->value().str();
  return Out;
}

void analyzeDependencyManifest(FileAnalysis &A, const FrontendLimits &) {
  auto M = std::make_shared<DependencyManifestModel>();
  M->Ecosystem = manifestEcosystem(sys::path::filename(A.File->path()));
  A.Model = std::move(M);
}

} // namespace adminlint
