//===- ShellFuzz.cpp - libFuzzer target for the shell parser --------------===//
//
// Parses the input as a shell script placed at a host offset, then checks the
// invariants consumers rely on: every range lies inside the host text, every
// decoded byte maps inside it, and words and here-document bodies parse again
// (the way checks reparse `sh -c` bodies and heredocs fed to ssh).
//
//===----------------------------------------------------------------------===//
#include "lib/Parse/Shell.h"
#include <cstdint>
#include <cstdlib>

using namespace adminlint;
using namespace adminlint::shell;

static constexpr uint32_t HostOffset = 7;

static void require(bool Condition) {
  if (!Condition)
    abort();
}

static void checkRange(SourceRange R, size_t Size) {
  require(R.Begin <= R.End);
  require(R.Begin >= HostOffset && R.End <= HostOffset + Size);
}

static void checkText(const EmbeddedText &T, size_t Size) {
  if (!T.empty())
    checkRange(T.toHost(0, T.size()), Size);
}

static void checkScript(const Script &S, size_t Size, bool Reparse);

static void checkWord(const Word &W, size_t Size, const ParseOptions &Opts,
                      bool Reparse) {
  checkRange(W.Range, Size);
  checkText(W.Text, Size);
  if (Reparse)
    checkScript(parseWord(W, Opts), Size, false);
}

static void checkScript(const Script &S, size_t Size, bool Reparse) {
  ParseOptions Opts;
  for (const Command &C : S.Commands) {
    checkRange(C.Range, Size);
    for (const Word &W : C.Assignments)
      checkWord(W, Size, Opts, false);
    for (const Word &W : C.Words)
      checkWord(W, Size, Opts, Reparse);
    for (const Redirect &R : C.Redirects) {
      checkWord(R.Target, Size, Opts, false);
      checkText(R.Body, Size);
      if (Reparse && R.IsHereDoc)
        checkScript(parse(R.Body, Opts), Size, false);
    }
  }
  for (const ParseError &E : S.Errors) {
    checkRange(E.Range, Size);
    require(!E.Message.empty());
  }
  for (const Comment &C : S.Comments)
    checkRange(C.Range, Size);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  EmbeddedText Source = EmbeddedText::verbatim(Text, HostOffset);
  ParseOptions Opts;
  Opts.ExpressionsOpaque = Size % 2 == 1;
  checkScript(parse(Source, Opts), Size, true);
  return 0;
}
