//===- Yaml.h - YAML with exact byte ranges ---------------------*- C++ -*-===//
#ifndef ADMINLINT_PARSE_YAML_H
#define ADMINLINT_PARSE_YAML_H

#include "lib/Basic/EmbeddedText.h"
#include "lib/Check/Rules.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace adminlint {
namespace yaml {

enum class NodeKind { Null, Scalar, Sequence, Mapping };

/// How a scalar was written; collections are Block or Flow.
enum class NodeStyle {
  Plain,
  SingleQuoted,
  DoubleQuoted,
  Literal,
  Folded,
  Block,
  Flow
};

class Node;

/// One key/value pair of a mapping.
struct MapEntry {
  const Node *Key;
  const Node *Value;

  /// From the key to the end of the value; a value that is an alias of a
  /// node written earlier is not part of the entry's bytes, so the entry then
  /// ends with its key.
  SourceRange range() const;
  /// Whether this is a merge key (`<<: *defaults`, written plain).
  bool isMerge() const;
};

/// One node of a parsed YAML document. Immutable; owned by its Stream. An
/// alias is the anchored node itself (shared, never copied), so the tree is a
/// DAG whose expanded size is bounded by YamlOptions::MaxNodes.
class Node {
public:
  NodeKind kind() const { return Kind; }
  NodeStyle style() const { return Style; }
  bool isNull() const { return Kind == NodeKind::Null; }
  bool isScalar() const { return Kind == NodeKind::Scalar; }
  bool isSequence() const { return Kind == NodeKind::Sequence; }
  bool isMapping() const { return Kind == NodeKind::Mapping; }

  /// Host bytes of the node: a scalar with its quotes or block header, a flow
  /// collection with its brackets, a block collection from its first to its
  /// last child. Properties (tag, anchor) are not included.
  SourceRange range() const { return Range; }
  llvm::StringRef tag() const { return Tag; }

  /// The decoded value of a scalar (empty for other kinds), mapped to host.
  const EmbeddedText &text() const { return Text; }
  llvm::StringRef value() const { return Text.text(); }

  llvm::ArrayRef<const Node *> items() const { return Items; }
  llvm::ArrayRef<MapEntry> entries() const { return Entries; }

  /// The value of a mapping's scalar key (merge keys `<<` honoured), or null.
  const Node *get(llvm::StringRef Key) const;
  /// The entry of a mapping's scalar key, or null.
  const MapEntry *getEntry(llvm::StringRef Key) const;
  /// The scalar value of get(Key), or "" when absent or not a scalar.
  llvm::StringRef getString(llvm::StringRef Key) const;

private:
  friend class Builder;
  const MapEntry *getEntryBounded(llvm::StringRef Key, unsigned Depth) const;

  NodeKind Kind = NodeKind::Null;
  NodeStyle Style = NodeStyle::Plain;
  SourceRange Range;
  std::string Tag;
  EmbeddedText Text;
  std::vector<const Node *> Items;
  std::vector<MapEntry> Entries;
  uint64_t ExpandedSize = 1; ///< nodes after expanding every alias
};

/// One document of a stream.
struct Document {
  const Node *Root = nullptr; ///< never null: an empty document has a Null root
  SourceRange Range;
};

/// A parse error (ADM900) or a tripped limit (ADM902), at host bytes.
struct Problem {
  RuleId Rule = RuleId::ParseError;
  SourceRange Range;
  std::string Message;
};

struct YamlOptions {
  unsigned MaxDepth =
      256; ///< flow or block nesting (FrontendLimits::MaxNestingDepth)
  uint64_t MaxNodes =
      1000000; ///< nodes after alias expansion (FrontendLimits::MaxYamlNodes)
};

/// A parsed YAML stream: its documents and problems. The documents before a
/// parse error are kept. Offsets index the text given to parse(); a caller
/// that rewrites text (Helm templates) keeps offsets by replacing bytes with
/// the same number of bytes.
class Stream {
public:
  Stream() = default;
  Stream(Stream &&) = default;
  Stream &operator=(Stream &&) = default;
  Stream(const Stream &) = delete;
  Stream &operator=(const Stream &) = delete;

  /// Parses Text (a BOM and CRLF line ends are fine). Never throws.
  static Stream parse(llvm::StringRef Text, const YamlOptions &Opts = {});

  llvm::ArrayRef<Document> documents() const { return Docs; }
  llvm::ArrayRef<Problem> problems() const { return Problems; }

private:
  friend class Builder;
  std::deque<Node> Storage;
  std::vector<Document> Docs;
  std::vector<Problem> Problems;
};

} // namespace yaml
} // namespace adminlint

#endif
