#include "lib/Parse/Ruby.h"
#include "FrontendTestSupport.h"
#include "lib/Model/PythonScript.h"
#include "gtest/gtest.h"

using namespace adminlint;
using script::Call;
using script::LiteralKind;
using script::Script;
using script::TokenKind;

static const Call *findCall(const Script &S, llvm::StringRef Method) {
  for (const Call &C : S.Calls)
    if (C.Method == Method)
      return &C;
  return nullptr;
}

TEST(RubyReader, StringsAndCommentsAreSkippedWithExactRanges) {
  std::string Text = "# require 'config/environment'\n"
                     "x = 'it\\'s' + \"a #{y.save!} b\" # c\n"
                     "=begin\nrequire 'nope'\n=end\n"
                     "z = %q(one (two) three)\n";
  Script S = ruby::parse(Text);
  ASSERT_TRUE(S.Errors.empty()) << S.Errors.front().Message;
  ASSERT_EQ(S.Strings.size(), 3u);
  EXPECT_EQ(hostText(Text, S.Strings[0].Range), "'it\\'s'");
  EXPECT_EQ(S.Strings[0].Value.text(), "it's");
  EXPECT_EQ(hostOf(Text, S.Strings[0].Value, "'"), "\\'");
  EXPECT_EQ(hostText(Text, S.Strings[1].Range), "\"a #{y.save!} b\"");
  EXPECT_TRUE(S.Strings[1].Interpolated);
  EXPECT_EQ(hostText(Text, S.Strings[2].Range), "%q(one (two) three)");
  EXPECT_EQ(S.Strings[2].Value.text(), "one (two) three");
  EXPECT_EQ(findCall(S, "require"), nullptr);
  const Call *Save = findCall(S, "save!");
  ASSERT_NE(Save, nullptr);
  EXPECT_EQ(hostText(Text, Save->Range), "y.save!");
  EXPECT_EQ(S.Comments.size(), 3u);
}

TEST(RubyReader, HeredocBodiesAreLiteralsAndCodeResumesAfterThem) {
  std::string Text = "conn.execute(<<~SQL, binds)\n"
                     "    UPDATE users\n"
                     "    SET a = 1\n"
                     "  SQL\n"
                     "User.update_all(active: false)\n";
  Script S = ruby::parse(Text);
  ASSERT_TRUE(S.Errors.empty()) << S.Errors.front().Message;
  ASSERT_EQ(S.Strings.size(), 1u);
  EXPECT_EQ(hostText(Text, S.Strings[0].Range), "<<~SQL");
  EXPECT_EQ(S.Strings[0].Value.text(), "UPDATE users\nSET a = 1\n");
  EXPECT_EQ(hostOf(Text, S.Strings[0].Value, "SET"), "SET");
  EXPECT_EQ(S.Strings[0].Value.toHost(0), Text.find("UPDATE"));
  const Call *Execute = findCall(S, "execute");
  ASSERT_NE(Execute, nullptr);
  ASSERT_EQ(Execute->Args.size(), 2u);
  EXPECT_TRUE(Execute->Args[0].Literal.hasValue());
  const Call *Update = findCall(S, "update_all");
  ASSERT_NE(Update, nullptr);
  EXPECT_EQ(hostText(Text, Update->Range), "User.update_all(active: false)");
  EXPECT_EQ(Update->Root, "User");
  EXPECT_TRUE(Update->TopLevel);
}

TEST(RubyReader, CallsWithoutParenthesesAndTheirChains) {
  std::string Text = "require_relative \"../config/environment\"\n"
                     "Order.where(total: nil).find_each do |o|\n"
                     "  o.save!\n"
                     "end\n"
                     "def helper\n  puts 'x'\nend\n";
  Script S = ruby::parse(Text);
  const Call *Require = findCall(S, "require_relative");
  ASSERT_NE(Require, nullptr);
  ASSERT_EQ(Require->Args.size(), 1u);
  EXPECT_EQ(hostText(Text, Require->Range),
            "require_relative \"../config/environment\"");
  const Call *Each = findCall(S, "find_each");
  ASSERT_NE(Each, nullptr);
  EXPECT_EQ(Each->Callee, "Order.where().find_each");
  EXPECT_EQ(Each->Root, "Order");
  EXPECT_FALSE(Each->RootIsCall);
  const Call *Save = findCall(S, "save!");
  ASSERT_NE(Save, nullptr);
  EXPECT_EQ(hostText(Text, Save->Range), "o.save!");
  const Call *Puts = findCall(S, "puts");
  ASSERT_NE(Puts, nullptr);
  EXPECT_FALSE(Puts->TopLevel);
}

TEST(RubyReader, RegexpsPercentLiteralsAndDivision) {
  std::string Text = "a = b / c / d\n"
                     "s.split /,/\n"
                     "w = %w[x y]\n"
                     "r = 10 % 3\n"
                     "k = `ls #{dir}`\n";
  Script S = ruby::parse(Text);
  ASSERT_TRUE(S.Errors.empty()) << S.Errors.front().Message;
  ASSERT_EQ(S.Strings.size(), 3u);
  EXPECT_EQ(S.Strings[0].Kind, LiteralKind::Regex);
  EXPECT_EQ(hostText(Text, S.Strings[0].Range), "/,/");
  EXPECT_EQ(S.Strings[1].Kind, LiteralKind::Words);
  EXPECT_EQ(S.Strings[2].Kind, LiteralKind::Command);
  EXPECT_EQ(S.Strings[2].Value.text(), "ls #{dir}");
}

TEST(RubyReader, UnterminatedLiteralIsAnErrorAndDepthIsBounded) {
  Script S = ruby::parse("x = \"open\n");
  ASSERT_FALSE(S.Errors.empty());
  EXPECT_EQ(S.Errors.front().Message, "unterminated literal");
  Script Deep = ruby::parse(std::string(5000, '('));
  ASSERT_FALSE(Deep.Errors.empty());
  EXPECT_TRUE(Deep.Errors.back().LimitExceeded);
  Script Heredoc = ruby::parse("x = <<~EOS\nbody\n");
  ASSERT_FALSE(Heredoc.Errors.empty());
  EXPECT_NE(Heredoc.Errors.front().Message.find("heredoc"), std::string::npos);
}

TEST(RubyFrontend, BootstrapAdminWorkAndShell) {
  std::string Text = "#!/usr/bin/env ruby\n"
                     "require File.expand_path('../config/environment', "
                     "__dir__)\n"
                     "User.where(admin: nil).update_all(admin: false)\n"
                     "system(\"bin/rails db:migrate\")\n"
                     "out = `rake db:seed`\n";
  FileAnalysis A = analyzeAs(FileKind::Ruby, "script/fix.rb", Text);
  const auto *M = A.model<PythonScriptModel>();
  ASSERT_NE(M, nullptr);
  EXPECT_TRUE(M->Standalone);
  EXPECT_EQ(hostText(Text, M->StandaloneRange), "#!/usr/bin/env ruby");
  EXPECT_EQ(M->Framework, "rails");
  ASSERT_EQ(M->Bootstrap.size(), 1u);
  EXPECT_EQ(M->Bootstrap[0].What, "requires config/environment");
  EXPECT_EQ(hostText(Text, M->Bootstrap[0].Range),
            "require File.expand_path('../config/environment', __dir__)");
  ASSERT_EQ(M->AdminWork.size(), 1u);
  EXPECT_EQ(M->AdminWork[0].What, "calls User.where().update_all");
  ASSERT_EQ(A.Shell.size(), 2u);
  EXPECT_EQ(A.Shell[0].Host, ShellHost::RubyString);
  ASSERT_EQ(A.Shell[0].Script.Commands.size(), 1u);
  EXPECT_EQ(hostText(Text, A.Shell[0].Script.Commands[0].Words[1].Range),
            "db:migrate");
  EXPECT_EQ(hostText(Text, A.Shell[1].Script.Commands[0].Words[0].Range),
            "rake");
}

TEST(RubyFrontend, RakeTasksMigrationsAndModulesAreNotKeptAsScripts) {
  FileAnalysis Task = analyzeAs(FileKind::Ruby, "lib/tasks/x.rb",
                                "require_relative '../../config/environment'\n"
                                "task :fix do\n  User.delete_all\nend\n");
  ASSERT_NE(Task.model<PythonScriptModel>(), nullptr);
  EXPECT_TRUE(Task.model<PythonScriptModel>()->FrameworkCommand);
  FileAnalysis Lib = analyzeAs(FileKind::Ruby, "script/lib/helpers.rb",
                               "module Helpers\n  def self.x\n    1\n  end\n"
                               "end\n");
  EXPECT_EQ(Lib.model<PythonScriptModel>(), nullptr);
  FileAnalysis Rakefile =
      analyzeAs(FileKind::Ruby, "Rakefile", "Rails.application.load_tasks\n");
  ASSERT_NE(Rakefile.model<PythonScriptModel>(), nullptr);
  EXPECT_TRUE(Rakefile.model<PythonScriptModel>()->FrameworkCommand);
}

TEST(RubyFrontend, ReaderErrorsAreParseErrors) {
  FileAnalysis A = analyzeAs(FileKind::Ruby, "script/x.rb", "x = 'open\n");
  ASSERT_EQ(A.Diags.size(), 1u);
  EXPECT_EQ(A.Diags[0].Rule, RuleId::ParseError);
  EXPECT_EQ(A.Diags[0].Message, "ruby: unterminated literal");
}
