//===- YamlFastTest.cpp - The YAML fast path against yaml-cpp -------------===//
#include "lib/Parse/YamlFast.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

using namespace adminlint;
using namespace llvm;
using namespace adminlint::yaml;

namespace {

/// Whether the fast path accepts Text; when it does, its events must be
/// yaml-cpp's.
bool acceptsSameAsYamlCpp(const std::string &Text) {
  std::vector<YamlEvent> Fast, Reference;
  if (!parseFastYaml(Text, Fast))
    return false;
  EXPECT_TRUE(yamlCppEvents(Text, Reference)) << Text;
  EXPECT_TRUE(Fast == Reference) << Text;
  return true;
}

TEST(YamlFastTest, AcceptsCommonBlockYaml) {
  const char *Cases[] = {
      "",
      "# only a comment\n",
      "a: 1\n",
      "a: 1",
      "\xEF\xBB\xBF"
      "a: 1\n",
      "a: 1\r\nb:\r\n  - x\r\n  - 'y'\r\n",
      "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate  # c\n"
      "spec:\n  template:\n    spec:\n      containers:\n"
      "        - name: app\n          image: \"app:1.0\"\n"
      "          command: [\"python\", \"manage.py\", \"migrate\"]\n"
      "          args:\n          - --noinput\n          env: []\n"
      "      restartPolicy: Never\n",
      "a:\n- x\n- y\nb: {}\n",
      "- a: 1\n  b:\n- - x\n  - y\n-\n- ~\n",
      "key:\nnext: null\nlast:",
      "---\na: 1\n---\n---\n- b\n",
      "script: |\n  echo one\n\n  echo two\n\nnext: x\n",
      "folded: >-\n  one\n  two\n\n    more\n  three\nkeep: |+\n  x\n\n",
      "indented: |2\n   three spaces\n  two\n",
      "s: 'it''s'\nd: \"tab\\there \\u00e9 \\\"q\\\"\"\n",
      "flow: {a: 1, \"b\": 'c', d: e f}\nseq: [ 1, -2, x ]\n",
      "url: http://example.com:8080/a#b\nratio: 1:2\n",
      "plain\n",
      "\"quoted root\"\n# trailing comment\n",
  };
  for (const char *Case : Cases)
    EXPECT_TRUE(acceptsSameAsYamlCpp(Case)) << Case;
}

TEST(YamlFastTest, RefusesWhatYamlCppReadsItsOwnWay) {
  const char *Cases[] = {
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "? a\n: b\n",
      "%YAML 1.2\n---\na: 1\n",
      "a:\n\tb: 1\n",
      "a: one\n  two\n",
      "a: 'one\n  two'\n",
      "a: [1,\n  2]\n",
      "a: [[1], 2]\n",
      "a: 1\n...\n",
      "a: b: c\n",
      "a: 1\n b: 2\n",
      "a: \"\\q\"\n",
      "a: 1\rb: 2\n",
      "plain\n# folded into the scalar by yaml-cpp\n",
      "\"unterminated\n",
  };
  std::vector<YamlEvent> Events;
  for (const char *Case : Cases)
    EXPECT_FALSE(parseFastYaml(Case, Events)) << Case;
}

/// Every YAML file of the repository's tests and examples: the fast path
/// agrees with yaml-cpp wherever it accepts, and accepts most of them.
TEST(YamlFastTest, RepositoryYamlFiles) {
  unsigned Files = 0, Accepted = 0;
  for (const char *Dir : {"tests", "examples"}) {
    SmallString<256> Root(ADMINLINT_SOURCE_DIR);
    llvm::sys::path::append(Root, Dir);
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator I(Root, EC), E;
         I != E && !EC; I.increment(EC)) {
      StringRef Ext = llvm::sys::path::extension(I->path());
      if (Ext != ".yaml" && Ext != ".yml")
        continue;
      auto Buffer = llvm::MemoryBuffer::getFile(I->path());
      if (!Buffer)
        continue;
      std::string Text = (*Buffer)->getBuffer().str();
      std::vector<YamlEvent> Reference;
      if (!yamlCppEvents(Text, Reference))
        continue;
      ++Files;
      if (acceptsSameAsYamlCpp(Text))
        ++Accepted;
      else
        RecordProperty("refused", I->path());
    }
  }
  ASSERT_GT(Files, 50u);
  EXPECT_GE(Accepted * 10, Files * 8) << Accepted << " of " << Files;
}

} // namespace
