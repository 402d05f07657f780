//===- Version.h - The adminlint version ------------------------*- C++ -*-===//
#ifndef ADMINLINT_DRIVER_VERSION_H
#define ADMINLINT_DRIVER_VERSION_H

namespace adminlint {

/// The semantic version of adminlint (SARIF tool.driver.semanticVersion).
constexpr const char *AdminlintVersion = "0.1.0";
/// Where users read about the tool (SARIF tool.driver.informationUri).
constexpr const char *AdminlintUri = "https://adminlint.dev";

} // namespace adminlint

#endif
