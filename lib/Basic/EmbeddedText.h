//===- EmbeddedText.h - Decoded text mapped back to host bytes --*- C++ -*-===//
#ifndef ADMINLINT_BASIC_EMBEDDEDTEXT_H
#define ADMINLINT_BASIC_EMBEDDEDTEXT_H

#include "lib/Basic/SourceFile.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace adminlint {

/// Text decoded out of a host file (a YAML block scalar without its
/// indentation, a Dockerfile RUN with its continuations joined, a C string
/// literal with its escapes resolved, a shell word without its quotes) and the
/// map from each decoded byte back to a byte offset in the host file.
///
/// The map is a list of segments: decoded bytes from Segment.Decoded up to the
/// next segment's start are host bytes Segment.Host, Segment.Host+1, ... A
/// decoded byte that stands for several host bytes (an escape such as \n)
/// gets its own segment, and its range in the host covers the whole escape.
class EmbeddedText {
public:
  struct Segment {
    uint32_t Decoded;
    uint32_t Host;
    uint32_t HostLen; ///< host bytes of one decoded byte; 0 = contiguous run
  };

  EmbeddedText() = default;
  /// Text that is a verbatim copy of host bytes starting at HostBegin.
  static EmbeddedText verbatim(llvm::StringRef Text, uint32_t HostBegin);

  /// Appends host bytes copied as they are.
  void appendVerbatim(llvm::StringRef Bytes, uint32_t HostBegin);
  /// Appends one decoded byte that stands for HostLen host bytes (an escape).
  void appendEscaped(char Decoded, uint32_t HostBegin, uint32_t HostLen);
  /// Appends the decoded bytes [Begin, End) of Other with their host mapping.
  void append(const EmbeddedText &Other, uint32_t Begin, uint32_t End);

  const std::string &text() const { return Text; }
  bool empty() const { return Text.empty(); }
  size_t size() const { return Text.size(); }

  /// The host offset of a decoded offset; the end of the text maps to just
  /// after the last decoded byte's host bytes.
  uint32_t toHost(uint32_t Decoded) const;
  /// The host range covering the decoded range [Begin, End).
  SourceRange toHost(uint32_t Begin, uint32_t End) const;
  /// The sub-text [Begin, End), mapped to the same host bytes.
  EmbeddedText slice(uint32_t Begin, uint32_t End) const;

private:
  const Segment *segmentFor(uint32_t Decoded) const;
  std::string Text;
  std::vector<Segment> Segments;
};

} // namespace adminlint

#endif
