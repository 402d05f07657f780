//===- CxxSource.h - What adminlint-cxx found in a C/C++ file ---*- C++ -*-===//
#ifndef ADMINLINT_MODEL_CXXSOURCE_H
#define ADMINLINT_MODEL_CXXSOURCE_H

#include "lib/Basic/SourceFile.h"
#include <string>
#include <vector>

namespace adminlint {

/// A literal environment setting: setenv("NAME", "VALUE", 1) or
/// putenv("NAME=VALUE").
struct CxxEnvLiteral {
  std::string Function; ///< "setenv", "putenv"
  std::string Name;
  std::string Value;
  SourceRange Range; ///< the value's bytes inside the string literal
};

/// The typed model of a C/C++ file (FileKind::Cxx), built from the output
/// of the adminlint-cxx child process; its command strings are ShellUnits.
struct CxxSourceModel {
  std::vector<CxxEnvLiteral> Env;
};

} // namespace adminlint

#endif
