//===- YamlFast.h - A fast path for common block YAML -----------*- C++ -*-===//
//
// yaml-cpp is the reference parser and the fallback. The common subset of
// YAML that manifests, compose files and CI files are written in is parsed
// here by hand into the very events yaml-cpp would send to its EventHandler:
// the same kinds, marks, tags and decoded values. Anything outside the subset
// is refused as a whole, before a single event is delivered, and the caller
// falls back to yaml-cpp.
//
//===----------------------------------------------------------------------===//
#ifndef ADMINLINT_PARSE_YAMLFAST_H
#define ADMINLINT_PARSE_YAMLFAST_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <vector>

namespace YAML {
class EventHandler;
} // namespace YAML

namespace adminlint {
namespace yaml {

/// One parser event as yaml-cpp's EventHandler receives it. Pos is yaml-cpp's
/// Mark::pos (a byte offset after a UTF-8 byte order mark).
struct YamlEvent {
  enum Kind : uint8_t {
    DocumentStart,
    DocumentEnd,
    Null,
    Scalar,
    SequenceStart,
    SequenceEnd,
    MapStart,
    MapEnd,
    Alias,
    Anchor
  };
  /// The tag yaml-cpp reports: `?` (plain), `!` (non-plain) or anything else.
  enum TagKind : uint8_t { PlainTag, NonPlainTag, OtherTag };

  Kind K = DocumentStart;
  TagKind Tag = PlainTag;
  bool Flow = false;     ///< collections: EmitterStyle::Flow
  bool Anchored = false; ///< yaml-cpp gave a nonzero anchor
  int64_t Pos = 0;
  std::string Value;

  bool operator==(const YamlEvent &O) const {
    return K == O.K && Tag == O.Tag && Flow == O.Flow &&
           Anchored == O.Anchored && Pos == O.Pos && Value == O.Value;
  }
  bool operator!=(const YamlEvent &O) const { return !(*this == O); }
};

/// Parses Text when it lies in the supported subset: block mappings and
/// sequences, single-line plain and quoted scalars, block scalars, one-line
/// flow collections of scalars, comments, `---`, CRLF and a BOM. Returns false
/// for anything else (Events is then unspecified).
bool parseFastYaml(llvm::StringRef Text, std::vector<YamlEvent> &Events);

/// Delivers Events to H exactly as yaml-cpp would have.
void replayYamlEvents(llvm::ArrayRef<YamlEvent> Events, YAML::EventHandler &H);

/// The reference: yaml-cpp's events for Text. Returns false when yaml-cpp
/// reports an error or stops making progress. For tests and fuzzing.
bool yamlCppEvents(llvm::StringRef Text, std::vector<YamlEvent> &Events);

} // namespace yaml
} // namespace adminlint

#endif
