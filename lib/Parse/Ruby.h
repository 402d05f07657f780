//===- Ruby.h - A token-level Ruby reader with exact ranges -----*- C++ -*-===//
#ifndef ADMINLINT_PARSE_RUBY_H
#define ADMINLINT_PARSE_RUBY_H

#include "lib/Parse/ScriptTokens.h"

namespace adminlint {
namespace ruby {

/// Reads Ruby source into tokens, literals and calls. Skips comments,
/// `=begin`/`=end` blocks and everything after `__END__`; reads strings,
/// backticks, symbols, `%q(…)`-style literals, regexps and heredocs
/// (`<<~ID`, `<<-ID`, `<<ID`, quoted IDs) with their exact ranges, and
/// interpolated code inside them. Calls without parentheses are found
/// (`require "x"`, `order.save!`). Token depth counts brackets and
/// def/class/module bodies. Never throws, never recurses.
script::Script parse(llvm::StringRef Text,
                     const script::ParseOptions &Opts = {});

/// Whether a name is a Ruby keyword.
bool isKeyword(llvm::StringRef Name);

} // namespace ruby
} // namespace adminlint

#endif
