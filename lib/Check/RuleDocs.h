//===- RuleDocs.h - The rule doc pages built into the binary ----*- C++ -*-===//
#ifndef ADMINLINT_CHECK_RULEDOCS_H
#define ADMINLINT_CHECK_RULEDOCS_H

#include "lib/Check/Rules.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace adminlint {

/// The markdown doc page of a rule (docs/rules/ADMxxx-name.md, embedded at
/// build time); empty if the rule has no page yet.
llvm::StringRef ruleDoc(RuleId Id);

/// The body of a `## Heading` section of a doc page, without the heading and
/// surrounding blank lines; empty if the page has no such section.
llvm::StringRef docSection(llvm::StringRef Doc, llvm::StringRef Heading);

/// The first paragraph of a `## Heading` section, with its lines joined by
/// single spaces (a plain-text description).
std::string docParagraph(llvm::StringRef Doc, llvm::StringRef Heading);

} // namespace adminlint

#endif
