#include "lib/Basic/SourceFile.h"
#include "lib/Basic/EmbeddedText.h"
#include "gtest/gtest.h"

using namespace adminlint;

TEST(SourceFile, LineColumnCountsBytesCharsAndUtf16) {
  SourceFile F("a.sh", "ab\ncé𝄞x\r\nz");
  LineColumn LC = F.lineColumn(3 + 1 + 2 + 4); // the x
  EXPECT_EQ(LC.Line, 2u);
  EXPECT_EQ(LC.Byte, 8u);
  EXPECT_EQ(LC.Char, 4u);
  EXPECT_EQ(LC.Utf16, 5u);
  EXPECT_EQ(F.lineText(2), "cé𝄞x");
  EXPECT_EQ(F.lineText(3), "z");
}

TEST(SourceFile, BomIsNotAColumn) {
  SourceFile F("a.sh", "\xEF\xBB\xBFls");
  EXPECT_EQ(F.lineColumn(3).Byte, 1u);
  EXPECT_EQ(F.lineText(1), "ls");
}

TEST(SourceFile, InvalidUtf8CountsOneColumnPerByte) {
  SourceFile F("a.sh", "\xFF\xFEx");
  EXPECT_EQ(F.lineColumn(2).Char, 3u);
}

TEST(EmbeddedText, MapsVerbatimAndEscapedBytes) {
  EmbeddedText T;
  T.appendVerbatim("ab", 10);
  T.appendEscaped('\n', 12, 2);
  T.appendVerbatim("cd", 20);
  EXPECT_EQ(T.text(), "ab\ncd");
  EXPECT_EQ(T.toHost(1), 11u);
  EXPECT_EQ(T.toHost(2), 12u);
  EXPECT_EQ(T.toHost(3), 20u);
  SourceRange R = T.toHost(1, 4);
  EXPECT_EQ(R.Begin, 11u);
  EXPECT_EQ(R.End, 21u);
  EXPECT_EQ(T.toHost(5), 22u);
  EmbeddedText S = T.slice(2, 4);
  EXPECT_EQ(S.text(), "\nc");
  EXPECT_EQ(S.toHost(0, 2).Begin, 12u);
  EXPECT_EQ(S.toHost(0, 2).End, 21u);
}
