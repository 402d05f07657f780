//===- PythonScript.h - What a Python file does, for the checks -*- C++ -*-===//
#ifndef ADMINLINT_MODEL_PYTHONSCRIPT_H
#define ADMINLINT_MODEL_PYTHONSCRIPT_H

#include "lib/Basic/SourceFile.h"
#include "lib/Model/FileAnalysis.h"
#include "lib/Model/Frontends.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {

/// Something a Python file does, described for a message, and where.
struct PythonFact {
  std::string What; ///< "calls django.setup()", "edits sys.path"
  SourceRange Range;
};

/// A literal NAME=VALUE (assignment, os.environ, keyword argument, dict
/// entry) or a bare literal that is config by its shape (a database URL).
struct PythonConfigLiteral {
  std::string Name; ///< empty for a bare literal
  std::string Value;
  SourceRange Range; ///< the value's literal
};

/// The typed model of a Python file (FileAnalysis::Model for FileKind::Python).
struct PythonScriptModel {
  /// A shebang, a `__main__` guard or top-level code: the file runs as a
  /// program rather than being imported.
  bool Standalone = false;
  SourceRange StandaloneRange;
  std::string Framework; ///< what it bootstraps: "django", "flask" or ""
  std::vector<PythonFact> Bootstrap;
  std::vector<PythonFact> AdminWork; ///< ORM writes, call_command, SQL
  /// Literal config, collected only where ADM103 reads it: a file that
  /// bootstraps the app, does admin work or is named like an admin script.
  std::vector<PythonConfigLiteral> Config;
  bool DefinesFlaskApp = false;  ///< Flask(__name__) or def create_app
  bool DefinesDjangoApp = false; ///< an AppConfig subclass or models.Model
  /// A management command, a Flask/click CLI command, an Alembic or Django
  /// migration: it already runs through the framework.
  bool FrameworkCommand = false;
};

/// The frontend of FileKind::Python: skimPython(), else
/// analyzePythonFully().
void analyzePython(FileAnalysis &A, const FrontendLimits &Limits);

/// The frontend reading every file fully (python::parse).
void analyzePythonFully(FileAnalysis &A, const FrontendLimits &Limits);

/// The model of the Python file at Path when a skim of Text proves it has no
/// parse error, bootstrap, admin work, shell code, config literal, app
/// definition or framework base class or decorator: then analyzePythonFully()
/// would give no diagnostic, no shell unit and this same model. None when the
/// file needs the full read.
llvm::Optional<PythonScriptModel> skimPython(llvm::StringRef Path,
                                             llvm::StringRef Text);

} // namespace adminlint

#endif
