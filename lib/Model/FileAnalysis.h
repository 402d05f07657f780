//===- FileAnalysis.h - What one scanned file yields -------------*- C++
//-*-===//
#ifndef ADMINLINT_MODEL_FILEANALYSIS_H
#define ADMINLINT_MODEL_FILEANALYSIS_H

#include "lib/Basic/Diagnostic.h"
#include "lib/Model/Workload.h"
#include "lib/Parse/Shell.h"
#include <memory>
#include <string>
#include <vector>

namespace adminlint {

/// The kind of a file, decided from its path (and a shebang for files with no
/// extension) without parsing it.
enum class FileKind {
  Unknown,
  ShellScript,
  Dockerfile,
  Procfile,
  Makefile,
  Python,
  Cxx,
  Yaml,           ///< any other YAML: Kubernetes manifests are found by content
  Compose,        ///< docker-compose.yml, compose.yaml, *compose*.yml
  HelmChart,      ///< Chart.yaml
  HelmValues,     ///< values*.yaml beside a Chart.yaml
  HelmTemplate,   ///< templates/*.yaml|tpl of a chart
  Kustomization,  ///< kustomization.yaml
  GithubWorkflow, ///< .github/workflows/*.yml, action.yml
  GitlabCi,       ///< .gitlab-ci.yml and its local includes
  AppJson,        ///< Heroku app.json
  PackageJson,    ///< package.json
  DependencyManifest, ///< requirements*.txt, Gemfile, pyproject.toml, ...
  CompileCommands,    ///< compile_commands.json
  Ruby,               ///< *.rb in a script directory, a ruby shebang, Rakefile
  JavaScript,         ///< *.js|mjs|cjs|ts in a script directory, a node shebang
  Artisan, ///< Laravel's artisan (PHP, not parsed: a framework marker)
};

llvm::StringRef fileKindName(FileKind K);

/// Whether a file is production-facing or clearly local/test (RULES.md).
enum class Context { Production, Local, Test };

/// Where a piece of shell code was found.
enum class ShellHost {
  ShellFile,
  DockerRun,
  DockerCmd,
  DockerEntrypoint,
  K8sCommand,
  ComposeCommand,
  ProcfileEntry,
  MakeRecipe,
  GithubRun,
  GitlabScript,
  CxxString,
  PythonString,
  RubyString,       ///< system/exec/backticks/%x of a Ruby script
  JavaScriptString, ///< child_process exec/execSync, zx, execa
};

/// One piece of shell code with what its host says about it.
struct ShellUnit {
  shell::Script Script;
  ShellHost Host = ShellHost::ShellFile;
  /// The host's name for it: Procfile process type, Dockerfile stage name,
  /// Make target, CI job id, workload "Kind/name/container".
  std::string Label;
  bool LongRunning = false; ///< starts a long-running process (web, CMD of the
                            ///< final stage, Deployment)
  bool OneOff = false;      ///< a one-off process (release:, Job, hook)
  bool FinalStage = false;  ///< Dockerfile: in the last stage
  bool TestStage = false;   ///< Dockerfile: in a stage named test/tests/ci
  bool AgainstDeployed = false; ///< CI: the job targets a deployed environment
};

/// Everything one file yields for the checks: parse diagnostics, shell code,
/// typed models, and the workloads it contributes to the repository model.
/// Built by one frontend on one worker thread; read-only afterwards.
struct FileAnalysis {
  SourceFileRef File;
  FileKind Kind = FileKind::Unknown;
  Context Ctx = Context::Production;
  std::vector<Diagnostic> Diags; ///< ADM900/ADM902 from the frontend
  std::vector<ShellUnit> Shell;
  std::vector<Workload> Workloads;
  /// Frontend-specific typed model (Dockerfile, Procfile, compose file, CI
  /// pipeline, Python script ...), owned here; checks downcast by Kind.
  std::shared_ptr<const void> Model;

  template <typename T> const T *model() const {
    return static_cast<const T *>(Model.get());
  }
  /// Records a parse error (ADM900) or limit (ADM902) at a range of this file.
  void addDiag(RuleId Rule, SourceRange Range, std::string Message);
  /// Records the errors of embedded shell code: ADM900, or ADM902 for a
  /// tripped safety limit.
  void addShellErrors(const shell::Script &S);
};

} // namespace adminlint

#endif
