//===- Frontends.cpp - The frontend of each file kind ---------------------===//
#include "lib/Model/Frontends.h"

namespace adminlint {

// One declaration and one case per frontend; keep in FileKind order.
void analyzeShellFile(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeDockerfile(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeProcfile(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeMakefile(FileAnalysis &A, const FrontendLimits &Limits);
void analyzePython(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeYaml(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeCompose(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeHelmChart(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeHelmValues(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeHelmTemplate(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeKustomization(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeGithubWorkflow(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeGitlabCi(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeAppJson(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeDependencyManifest(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeRuby(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeJavaScript(FileAnalysis &A, const FrontendLimits &Limits);
void analyzeArtisan(FileAnalysis &A, const FrontendLimits &Limits);

FrontendFn frontendFor(FileKind Kind) {
  switch (Kind) {
  case FileKind::ShellScript:
    return analyzeShellFile;
  case FileKind::Dockerfile:
    return analyzeDockerfile;
  case FileKind::Procfile:
    return analyzeProcfile;
  case FileKind::Makefile:
    return analyzeMakefile;
  case FileKind::Python:
    return analyzePython;
  case FileKind::Yaml:
    return analyzeYaml;
  case FileKind::Compose:
    return analyzeCompose;
  case FileKind::HelmChart:
    return analyzeHelmChart;
  case FileKind::HelmValues:
    return analyzeHelmValues;
  case FileKind::HelmTemplate:
    return analyzeHelmTemplate;
  case FileKind::Kustomization:
    return analyzeKustomization;
  case FileKind::GithubWorkflow:
    return analyzeGithubWorkflow;
  case FileKind::GitlabCi:
    return analyzeGitlabCi;
  case FileKind::AppJson:
    return analyzeAppJson;
  case FileKind::DependencyManifest:
    return analyzeDependencyManifest;
  case FileKind::Ruby:
    return analyzeRuby;
  case FileKind::JavaScript:
    return analyzeJavaScript;
  case FileKind::Artisan:
    return analyzeArtisan;
  default:
    return nullptr;
  }
}

} // namespace adminlint
