//===- Classify.cpp - From a path to a file kind and a context ------------===//
#include "lib/Driver/Classify.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {

static StringRef baseName(StringRef RelPath) {
  size_t Slash = RelPath.rfind('/');
  return Slash == StringRef::npos ? RelPath : RelPath.drop_front(Slash + 1);
}

static bool isYamlName(StringRef Name) {
  return Name.endswith(".yml") || Name.endswith(".yaml");
}

static bool isWorkflowPath(StringRef RelPath) {
  StringRef Name = baseName(RelPath);
  if (!isYamlName(Name))
    return false;
  if (Name == "action.yml" || Name == "action.yaml")
    return true;
  return RelPath.startswith(".github/workflows/") && RelPath.count('/') == 2;
}

static bool isComposeName(StringRef Name) {
  return isYamlName(Name) &&
         (Name.startswith("docker-compose") || Name.startswith("compose"));
}

static bool isDependencyManifest(StringRef Name) {
  if (Name.startswith("requirements") && Name.endswith(".txt"))
    return true;
  return StringSwitch<bool>(Name)
      .Cases("Pipfile", "pyproject.toml", "Gemfile", "composer.json", "go.mod",
             true)
      .Default(false);
}

static bool isDockerfileName(StringRef Name) {
  return Name == "Dockerfile" || Name == "Containerfile" ||
         Name.startswith("Dockerfile.") || Name.startswith("Containerfile.") ||
         Name.endswith(".dockerfile") || Name.endswith(".Dockerfile");
}

/// GitLab CI files: `.gitlab-ci.yml`, `*.gitlab-ci.yml|yaml` (included
/// pipelines) and `.gitlab/ci/*.yml|yaml` (the usual include directory).
static bool isGitlabCiPath(StringRef RelPath, StringRef Name) {
  if (Name.endswith(".gitlab-ci.yml") || Name.endswith(".gitlab-ci.yaml"))
    return true;
  return RelPath.startswith(".gitlab/ci/") &&
         RelPath.size() == StringRef(".gitlab/ci/").size() + Name.size() &&
         isYamlName(Name);
}

/// Kinds decided by the exact file name.
static FileKind classifyName(StringRef Name) {
  return StringSwitch<FileKind>(Name)
      .Case("Procfile", FileKind::Procfile)
      .Cases("Makefile", "makefile", "GNUmakefile", FileKind::Makefile)
      .Case("compile_commands.json", FileKind::CompileCommands)
      .Case(".gitlab-ci.yml", FileKind::GitlabCi)
      .Case("Chart.yaml", FileKind::HelmChart)
      .Cases("kustomization.yaml", "kustomization.yml", "Kustomization",
             FileKind::Kustomization)
      .Case("app.json", FileKind::AppJson)
      .Case("package.json", FileKind::PackageJson)
      .Cases("Rakefile", "rakefile", FileKind::Ruby)
      .Case("artisan", FileKind::Artisan)
      .Default(FileKind::Unknown);
}

/// Kinds decided by the extension.
static FileKind classifyExtension(StringRef Name) {
  StringRef Ext = sys::path::extension(Name);
  return StringSwitch<FileKind>(Ext)
      .Cases(".sh", ".bash", FileKind::ShellScript)
      .Case(".mk", FileKind::Makefile)
      .Case(".py", FileKind::Python)
      .Cases(".c", ".cc", ".cpp", ".cxx", FileKind::Cxx)
      .Cases(".h", ".hpp", ".hh", ".hxx", FileKind::Cxx)
      .Cases(".yml", ".yaml", FileKind::Yaml)
      .Default(FileKind::Unknown);
}

/// Directories where standalone scripts live (at any depth; lib/tasks/ is
/// tasks/). Ruby and JavaScript files elsewhere are the app's own modules and
/// are not read, so a full scan does not parse every source file.
static bool isScriptDir(StringRef Dir) {
  return StringSwitch<bool>(Dir)
      .Cases("script", "scripts", "bin", "tools", "tasks", "db", true)
      .Default(false);
}

static bool inScriptDir(StringRef RelPath) {
  SmallVector<StringRef, 8> Parts;
  RelPath.split(Parts, '/', -1, false);
  if (!Parts.empty())
    Parts.pop_back();
  return llvm::any_of(Parts, isScriptDir);
}

/// Ruby and JavaScript/TypeScript by extension, read only in script
/// directories.
static FileKind classifyScriptLanguage(StringRef RelPath, StringRef Name) {
  FileKind Kind = StringSwitch<FileKind>(sys::path::extension(Name))
                      .Case(".rb", FileKind::Ruby)
                      .Cases(".js", ".mjs", ".cjs", FileKind::JavaScript)
                      .Cases(".ts", ".mts", ".cts", FileKind::JavaScript)
                      .Default(FileKind::Unknown);
  if (Kind == FileKind::Unknown || Name.endswith(".d.ts") ||
      !inScriptDir(RelPath))
    return FileKind::Unknown;
  return Kind;
}

FileKind classifyPath(StringRef RelPath, ChartPlace Place) {
  StringRef Name = baseName(RelPath);
  if (Name == ".adminlint.yaml")
    return FileKind::Unknown;
  if (isDockerfileName(Name))
    return FileKind::Dockerfile;
  FileKind ByName = classifyName(Name);
  if (ByName != FileKind::Unknown)
    return ByName;
  if (isGitlabCiPath(RelPath, Name))
    return FileKind::GitlabCi;
  if (isWorkflowPath(RelPath))
    return FileKind::GithubWorkflow;
  if (isComposeName(Name))
    return FileKind::Compose;
  if (isDependencyManifest(Name))
    return FileKind::DependencyManifest;
  if (Place.InChartTemplates && (isYamlName(Name) || Name.endswith(".tpl")))
    return FileKind::HelmTemplate;
  if (Place.BesideChart && Name.startswith("values") && isYamlName(Name))
    return FileKind::HelmValues;
  FileKind Script = classifyScriptLanguage(RelPath, Name);
  if (Script != FileKind::Unknown)
    return Script;
  return classifyExtension(Name);
}

bool mayHaveShebang(StringRef RelPath) {
  StringRef Name = baseName(RelPath);
  return !Name.startswith(".") && !Name.contains('.');
}

FileKind classifyShebang(StringRef FirstLine) {
  if (!FirstLine.startswith("#!"))
    return FileKind::Unknown;
  SmallVector<StringRef, 4> Words;
  FirstLine.drop_front(2).split(Words, ' ', -1, false);
  size_t I = 0;
  if (I < Words.size() && baseName(Words[I].trim()) == "env") {
    ++I;
    while (I < Words.size() && Words[I].startswith("-"))
      ++I;
  }
  if (I >= Words.size())
    return FileKind::Unknown;
  StringRef Interp = baseName(Words[I].trim());
  if (Interp.startswith("python"))
    return FileKind::Python;
  if (Interp.startswith("ruby"))
    return FileKind::Ruby;
  return StringSwitch<FileKind>(Interp)
      .Cases("sh", "bash", "dash", "zsh", "ksh", FileKind::ShellScript)
      .Cases("ash", "mksh", FileKind::ShellScript)
      .Cases("node", "nodejs", "ts-node", "tsx", "bun", FileKind::JavaScript)
      .Default(FileKind::Unknown);
}

Optional<Context> configuredContext(StringRef RelPath,
                                    ArrayRef<ContextOverride> Overrides) {
  for (auto It = Overrides.rbegin(), E = Overrides.rend(); It != E; ++It)
    if (It->first.matchesPathOrParent(RelPath))
      return It->second;
  return None;
}

Context classifyContext(StringRef RelPath, StringRef ContextPath,
                        ArrayRef<ContextOverride> Overrides) {
  if (Optional<Context> Configured = configuredContext(RelPath, Overrides))
    return *Configured;
  SmallVector<StringRef, 8> Parts;
  ContextPath.split(Parts, '/', -1, false);
  if (!Parts.empty())
    Parts.pop_back();
  for (StringRef Dir : Parts) {
    if (Dir == "test" || Dir == "tests" || Dir == "spec" || Dir == "e2e")
      return Context::Test;
    if (Dir == ".devcontainer" || Dir == "examples")
      return Context::Local;
  }
  return Context::Production;
}

} // namespace adminlint
