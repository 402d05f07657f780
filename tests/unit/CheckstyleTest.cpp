#include "lib/Emit/Checkstyle.h"
#include "gtest/gtest.h"

using namespace adminlint;

TEST(Checkstyle, EscapesMarkupControlsAndInvalidUtf8) {
  EXPECT_EQ(escapeXmlAttribute("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  EXPECT_EQ(escapeXmlAttribute("a\nb\tc\rd"), "a&#10;b&#9;c&#13;d");
  EXPECT_EQ(escapeXmlAttribute(llvm::StringRef("\x01\x00z", 3)),
            "\xEF\xBF\xBD\xEF\xBF\xBDz");
  EXPECT_EQ(escapeXmlAttribute("é\xFF"), "é\xEF\xBF\xBD");
}

TEST(Checkstyle, GroupsFindingsByFile) {
  auto A = std::make_shared<SourceFile>("a&b.sh", "ssh h m\n");
  auto B = std::make_shared<SourceFile>("b.sh", "x\nssh h m\n");
  ScanResult R;
  auto Add = [&R](SourceFileRef F, uint32_t Begin, Level L) {
    Diagnostic D;
    D.Rule = RuleId::SshAdminCommand;
    D.Severity = L;
    D.Message = "runs <admin> over ssh";
    D.Primary = {std::move(F), {Begin, Begin + 3}, ""};
    R.Diagnostics.push_back(D);
  };
  Add(A, 0, Level::Error);
  Add(A, 4, Level::Note);
  Add(B, 2, Level::Warning);
  EXPECT_EQ(
      renderCheckstyle(R),
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<checkstyle version=\"4.3\">\n"
      "  <file name=\"a&amp;b.sh\">\n"
      "    <error line=\"1\" column=\"1\" severity=\"error\" "
      "message=\"runs &lt;admin&gt; over ssh [ADM301 ssh-admin-command]\" "
      "source=\"adminlint.ADM301\"/>\n"
      "    <error line=\"1\" column=\"5\" severity=\"info\" "
      "message=\"runs &lt;admin&gt; over ssh [ADM301 ssh-admin-command]\" "
      "source=\"adminlint.ADM301\"/>\n"
      "  </file>\n"
      "  <file name=\"b.sh\">\n"
      "    <error line=\"2\" column=\"1\" severity=\"warning\" "
      "message=\"runs &lt;admin&gt; over ssh [ADM301 ssh-admin-command]\" "
      "source=\"adminlint.ADM301\"/>\n"
      "  </file>\n"
      "</checkstyle>\n");
}
