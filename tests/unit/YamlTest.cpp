//===- YamlTest.cpp - Positioned YAML tree --------------------------------===//
#include "lib/Parse/Yaml.h"
#include "gtest/gtest.h"
#include <string>

using namespace adminlint;
using namespace adminlint::yaml;

namespace {

/// The host bytes of a node's range.
std::string slice(const std::string &Text, const Node *N) {
  return Text.substr(N->range().Begin, N->range().End - N->range().Begin);
}

/// The host bytes a decoded sub-range of a scalar maps to.
std::string hostOf(const std::string &Text, const Node *N, uint32_t Begin,
                   uint32_t End) {
  SourceRange R = N->text().toHost(Begin, End);
  return Text.substr(R.Begin, R.End - R.Begin);
}

const Node *root(const Stream &S, size_t I = 0) {
  EXPECT_GT(S.documents().size(), I);
  return S.documents()[I].Root;
}

TEST(YamlTest, PlainScalarsAndMappings) {
  std::string T = "a: hello world  # c\nb:\n  c: [x, 'y z', {d: e}]\n";
  Stream S = Stream::parse(T);
  ASSERT_TRUE(S.problems().empty());
  const Node *R = root(S);
  ASSERT_TRUE(R->isMapping());
  EXPECT_EQ(R->getString("a"), "hello world");
  EXPECT_EQ(slice(T, R->get("a")), "hello world");
  const Node *C = R->get("b")->get("c");
  ASSERT_TRUE(C && C->isSequence());
  EXPECT_EQ(slice(T, C), "[x, 'y z', {d: e}]");
  EXPECT_EQ(slice(T, C->items()[1]), "'y z'");
  EXPECT_EQ(C->items()[1]->value(), "y z");
  EXPECT_EQ(C->items()[1]->style(), NodeStyle::SingleQuoted);
  EXPECT_EQ(slice(T, C->items()[2]), "{d: e}");
  EXPECT_EQ(slice(T, R->get("b")), "c: [x, 'y z', {d: e}]");
}

TEST(YamlTest, QuotedEscapesMapToHost) {
  std::string T = "k: \"a\\tb\\u00e9 'q' \\\"\"\nl: 'it''s'\n";
  Stream S = Stream::parse(T);
  ASSERT_TRUE(S.problems().empty());
  const Node *K = root(S)->get("k");
  EXPECT_EQ(K->value(), "a\tb\xC3\xA9 'q' \"");
  EXPECT_EQ(slice(T, K), "\"a\\tb\\u00e9 'q' \\\"\"");
  EXPECT_EQ(hostOf(T, K, 1, 2), "\\t");
  EXPECT_EQ(hostOf(T, K, 3, 5), "\\u00e9");
  const Node *L = root(S)->get("l");
  EXPECT_EQ(L->value(), "it's");
  EXPECT_EQ(hostOf(T, L, 2, 4), "''s");
}

TEST(YamlTest, LiteralBlockScalarLinesMapToHost) {
  std::string T = "cmd: |\n  echo one\n    two\n\n  three\nnext: x\n";
  Stream S = Stream::parse(T);
  ASSERT_TRUE(S.problems().empty());
  const Node *C = root(S)->get("cmd");
  EXPECT_EQ(C->value(), "echo one\n  two\n\nthree\n");
  EXPECT_EQ(C->style(), NodeStyle::Literal);
  EXPECT_EQ(slice(T, C), "|\n  echo one\n    two\n\n  three\n");
  size_t Three = C->value().find("three");
  EXPECT_EQ(C->text().toHost(Three), T.find("three"));
  EXPECT_EQ(hostOf(T, C, 9, 14), "  two");
}

TEST(YamlTest, FoldedAndChomping) {
  std::string T = "a: >-\n  one\n  two\n\n  three\n\nb: |+\n  keep\n\nc: x\n";
  Stream S = Stream::parse(T);
  ASSERT_TRUE(S.problems().empty());
  EXPECT_EQ(root(S)->getString("a"), "one two\nthree");
  EXPECT_EQ(root(S)->getString("b"), "keep\n\n");
  const Node *A = root(S)->get("a");
  EXPECT_EQ(A->text().toHost(4), T.find("two"));
}

TEST(YamlTest, MultiLinePlainScalar) {
  std::string T = "a: one\n  two\n\n  three\nb: 1\n";
  Stream S = Stream::parse(T);
  const Node *A = root(S)->get("a");
  EXPECT_EQ(A->value(), "one two\nthree");
  EXPECT_EQ(slice(T, A), "one\n  two\n\n  three");
}

TEST(YamlTest, CrlfAndBom) {
  std::string T = "\xEF\xBB\xBF"
                  "a: \"x y\"\r\nb: |\r\n  l1\r\n  l2\r\nc: [1]\r\n";
  Stream S = Stream::parse(T);
  ASSERT_TRUE(S.problems().empty());
  const Node *R = root(S);
  EXPECT_EQ(slice(T, R->get("a")), "\"x y\"");
  EXPECT_EQ(R->getString("b"), "l1\nl2\n");
  EXPECT_EQ(R->get("b")->text().toHost(3), T.find("l2"));
  EXPECT_EQ(slice(T, R->get("c")), "[1]");
  EXPECT_EQ(R->entries()[0].Key->range().Begin, 3u);
}

TEST(YamlTest, MultipleDocumentsAndAnchors) {
  std::string T = "a: &x {k: v}\nb: *x\n---\nc: &s str\nd: *s\n";
  Stream S = Stream::parse(T);
  ASSERT_EQ(S.documents().size(), 2u);
  EXPECT_EQ(root(S)->get("a"), root(S)->get("b"));
  EXPECT_EQ(root(S, 1)->getString("d"), "str");
}

TEST(YamlTest, MergeKeys) {
  std::string T =
      "base: &b\n  image: app:1\n  env: x\nsvc:\n  <<: *b\n  env: y\n";
  Stream S = Stream::parse(T);
  const Node *Svc = root(S)->get("svc");
  EXPECT_EQ(Svc->getString("image"), "app:1");
  EXPECT_EQ(Svc->getString("env"), "y");
}

TEST(YamlTest, ParseErrorHasPosition) {
  std::string T = "a: 1\nb: [1, 2\nc: 3\n";
  Stream S = Stream::parse(T);
  ASSERT_EQ(S.problems().size(), 1u);
  EXPECT_EQ(S.problems()[0].Rule, RuleId::ParseError);
  EXPECT_TRUE(S.documents().empty());
}

TEST(YamlTest, ErrorKeepsEarlierDocuments) {
  std::string T = "a: 1\n---\nb: : :\n  - x\n";
  Stream S = Stream::parse(T);
  EXPECT_EQ(S.documents().size(), 1u);
  ASSERT_EQ(S.problems().size(), 1u);
  EXPECT_EQ(S.problems()[0].Rule, RuleId::ParseError);
}

TEST(YamlTest, DeepFlowNestingIsALimit) {
  std::string T(20000, '[');
  Stream S = Stream::parse(T);
  ASSERT_EQ(S.problems().size(), 1u);
  EXPECT_EQ(S.problems()[0].Rule, RuleId::ScanLimit);
  EXPECT_EQ(S.problems()[0].Range.Begin, 255u);
}

TEST(YamlTest, DeepBlockNestingIsALimit) {
  std::string T;
  for (int I = 0; I < 20000; ++I)
    T.append(I, ' ').append("k:\n");
  Stream S = Stream::parse(T);
  ASSERT_EQ(S.problems().size(), 1u);
  EXPECT_EQ(S.problems()[0].Rule, RuleId::ScanLimit);
}

TEST(YamlTest, BlockScalarBracketsAreNotNesting) {
  std::string T = "a: |\n  " + std::string(300, '[') + "\nb: 1\n";
  Stream S = Stream::parse(T);
  EXPECT_TRUE(S.problems().empty());
  EXPECT_EQ(root(S)->getString("b"), "1");
}

TEST(YamlTest, BillionLaughsIsALimit) {
  std::string T = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char C = 'b'; C <= 'j'; ++C) {
    std::string Prev(1, C - 1);
    T += std::string(1, C) + ": &" + C + " [";
    for (int I = 0; I < 9; ++I)
      T += (I ? ", *" : "*") + Prev;
    T += "]\n";
  }
  Stream S = Stream::parse(T);
  ASSERT_EQ(S.problems().size(), 1u);
  EXPECT_EQ(S.problems()[0].Rule, RuleId::ScanLimit);
}

TEST(YamlTest, StrayFlowEntryIsAnErrorNotAHang) {
  for (const char *T : {",", " ,x", "#c\n,", "a: 1\n---\n,\n"}) {
    Stream S = Stream::parse(T);
    ASSERT_EQ(S.problems().size(), 1u) << T;
    EXPECT_EQ(S.problems()[0].Rule, RuleId::ParseError);
  }
}

TEST(YamlTest, EmptyAndNullValues) {
  std::string T = "a:\nb: ~\nc: ''\n";
  Stream S = Stream::parse(T);
  ASSERT_TRUE(S.problems().empty());
  EXPECT_TRUE(root(S)->get("a")->isNull());
  EXPECT_EQ(root(S)->getString("c"), "");
  EXPECT_EQ(slice(T, root(S)->get("c")), "''");
}

TEST(YamlTest, EmptyInputHasNoDocuments) {
  Stream S = Stream::parse("");
  EXPECT_TRUE(S.problems().empty());
  EXPECT_TRUE(S.documents().empty());
}

TEST(YamlTest, HostileInputsDoNotThrow) {
  for (const char *T : {"\x00\x00\xFE\xFF", "a: \"x\n", "*x", "&a [*a]",
                        "? [\n", "- !<x", "a: |9\n b\n", "'", "\"\\"})
    Stream::parse(T);
}

} // namespace

namespace {

/// Every byte of each scalar maps to a distinct, increasing host offset, and
/// the decoded text of plain scalars is found verbatim where it points.
void expectExactScalars(const std::string &T) {
  Stream S = Stream::parse(T);
  ASSERT_TRUE(S.problems().empty()) << T;
  std::vector<const Node *> Work;
  for (const Document &D : S.documents())
    Work.push_back(D.Root);
  while (!Work.empty()) {
    const Node *N = Work.back();
    Work.pop_back();
    for (const Node *I : N->items())
      Work.push_back(I);
    for (const MapEntry &E : N->entries()) {
      Work.push_back(E.Key);
      Work.push_back(E.Value);
    }
    if (!N->isScalar() || N->value().empty())
      continue;
    uint32_t Prev = 0;
    for (uint32_t I = 0; I < N->value().size(); ++I) {
      uint32_t H = N->text().toHost(I);
      if (I > 0)
        EXPECT_GE(H, Prev) << "scalar '" << N->value().str() << "' byte " << I;
      Prev = H;
    }
    EXPECT_LE(N->text().toHost(N->value().size()), N->range().End)
        << "scalar '" << N->value().str() << "' in " << T;
    EXPECT_GE(N->text().toHost(0), N->range().Begin);
  }
}

TEST(YamlTest, TrickyScalarsDecodeExactly) {
  expectExactScalars("a: >\n  folded\n    more indented\n  back\n\n  para\n");
  expectExactScalars("a: |2-\n    two extra\n  base\nb: x\n");
  expectExactScalars("- |+\n  keep\n\n- >-\n  x\n  y\n");
  expectExactScalars("a: \"line \\\n    joined\"\nb: 'x\n\n  y'\n");
  expectExactScalars("[a b, 'c', \"d\", {e: f g}, ? h : i]\n");
  expectExactScalars("a: !!str &x tagged\nb: *x\nc: !custom value\n");
  expectExactScalars("key with spaces: value # comment\n\"q key\": 'v'\n");
  expectExactScalars("a:\n- x: 1\n  y: two words\n- z\n");
  expectExactScalars("a: \"\\x41\\u263A\\U0001F600\\N\\_\\e\"\n");
  expectExactScalars("a:\tb\nc: d\t\n");
  expectExactScalars("--- |\n  top level\n...\n--- plain\n");
  expectExactScalars("a: http://x.example:80/p?q=1#frag\nb: a:b\n");
}

} // namespace
