//===- Checkstyle.h - Checkstyle XML for Jenkins and reviewdog --*- C++ -*-===//
#ifndef ADMINLINT_EMIT_CHECKSTYLE_H
#define ADMINLINT_EMIT_CHECKSTYLE_H

#include "lib/Emit/Emitter.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace adminlint {

/// Escapes text for an XML 1.0 attribute value: markup characters become
/// entities, line breaks and tabs character references, other control
/// characters and invalid UTF-8 become U+FFFD.
std::string escapeXmlAttribute(llvm::StringRef Text);

/// The Checkstyle report (`<checkstyle><file><error .../></file>`) of a scan.
std::string renderCheckstyle(const ScanResult &Result);

std::unique_ptr<Emitter> createCheckstyleEmitter(const EmitOptions &Options);

} // namespace adminlint

#endif
