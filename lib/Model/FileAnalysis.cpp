//===- FileAnalysis.cpp - What one scanned file yields --------------------===//
#include "lib/Model/FileAnalysis.h"

namespace adminlint {

llvm::StringRef fileKindName(FileKind K) {
  switch (K) {
  case FileKind::Unknown:
    return "unknown";
  case FileKind::ShellScript:
    return "shell";
  case FileKind::Dockerfile:
    return "dockerfile";
  case FileKind::Procfile:
    return "procfile";
  case FileKind::Makefile:
    return "makefile";
  case FileKind::Python:
    return "python";
  case FileKind::Cxx:
    return "cxx";
  case FileKind::Yaml:
    return "yaml";
  case FileKind::Compose:
    return "compose";
  case FileKind::HelmChart:
    return "helm-chart";
  case FileKind::HelmValues:
    return "helm-values";
  case FileKind::HelmTemplate:
    return "helm-template";
  case FileKind::Kustomization:
    return "kustomization";
  case FileKind::GithubWorkflow:
    return "github-workflow";
  case FileKind::GitlabCi:
    return "gitlab-ci";
  case FileKind::AppJson:
    return "app-json";
  case FileKind::PackageJson:
    return "package-json";
  case FileKind::DependencyManifest:
    return "dependency-manifest";
  case FileKind::CompileCommands:
    return "compile-commands";
  case FileKind::Ruby:
    return "ruby";
  case FileKind::JavaScript:
    return "javascript";
  case FileKind::Artisan:
    return "artisan";
  }
  return "unknown";
}

void FileAnalysis::addDiag(RuleId Rule, SourceRange Range,
                           std::string Message) {
  Diagnostic D;
  D.Rule = Rule;
  D.Severity = ruleInfo(Rule).DefaultLevel;
  D.Message = std::move(Message);
  D.Primary.File = File;
  D.Primary.Range = Range;
  Diags.push_back(std::move(D));
}

void FileAnalysis::addShellErrors(const shell::Script &S) {
  for (const shell::ParseError &E : S.Errors)
    addDiag(E.LimitExceeded ? RuleId::ScanLimit : RuleId::ParseError, E.Range,
            E.Message);
}

} // namespace adminlint
