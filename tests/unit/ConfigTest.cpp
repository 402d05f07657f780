#include "lib/Driver/Config.h"
#include "gtest/gtest.h"

using namespace adminlint;

static std::string errorOf(llvm::StringRef Text) {
  llvm::Expected<Config> C = parseConfig(Text, ".adminlint.yaml");
  if (C)
    return "";
  return llvm::toString(C.takeError());
}

static bool has(const RuleSet &S, RuleId Id) {
  return S.test(static_cast<unsigned>(Id));
}

TEST(Config, EmptyIsDefaults) {
  llvm::Expected<Config> C = parseConfig("", "c.yaml");
  ASSERT_TRUE(bool(C));
  EXPECT_FALSE(C->HasSelect);
  EXPECT_TRUE(C->Ignore.none());
}

TEST(Config, AllKeys) {
  llvm::Expected<Config> C = parseConfig(R"(
select: [ADM3, admin-in-app-start]
ignore: ADM303
levels: {ADM403: error}
exclude: ["legacy/**", "*.bak.sh"]
per-path:
  "tests/**": {ignore: [ADM3], levels: {ADM201: note}}
app:
  image: registry.example.com/shop/web
  framework: django
  processes: {web: "gunicorn shop.wsgi"}
registry-aliases:
  mirror.example.com/shop: registry.example.com/shop
contexts:
  "deploy/dev/**": local
)",
                                         "c.yaml");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  EXPECT_TRUE(C->HasSelect);
  EXPECT_TRUE(has(C->Select, RuleId::SshAdminCommand));
  EXPECT_TRUE(has(C->Select, RuleId::AdminInAppStart));
  EXPECT_FALSE(has(C->Select, RuleId::AdhocEnvSource));
  EXPECT_TRUE(has(C->Ignore, RuleId::DeployPathAdmin));
  ASSERT_EQ(C->Levels.size(), 1u);
  EXPECT_EQ(C->Levels[0].first, RuleId::MutableAdminImage);
  EXPECT_EQ(C->Levels[0].second, Level::Error);
  EXPECT_EQ(C->Exclude.size(), 2u);
  ASSERT_EQ(C->PerPath.size(), 1u);
  EXPECT_TRUE(has(C->PerPath[0].Ignore, RuleId::CopyCodeIntoContainer));
  EXPECT_EQ(C->PerPath[0].Levels.size(), 1u);
  EXPECT_EQ(C->AppImage, "registry.example.com/shop/web");
  EXPECT_EQ(C->Framework, "django");
  EXPECT_EQ(C->AppProcesses.size(), 1u);
  ASSERT_EQ(C->RegistryAliases.size(), 1u);
  EXPECT_EQ(C->RegistryAliases[0].first, "mirror.example.com/shop");
  ASSERT_EQ(C->Contexts.size(), 1u);
  EXPECT_EQ(C->Contexts[0].second, Context::Local);
}

TEST(Config, UnknownKeyWithPositionAndSuggestion) {
  EXPECT_EQ(errorOf("select: [ADM301]\nignroe: [ADM303]\n"),
            ".adminlint.yaml:2:1: error: unknown key 'ignroe'; did you mean "
            "'ignore'?");
  EXPECT_EQ(errorOf("app:\n  imgae: x\n"),
            ".adminlint.yaml:2:3: error: unknown key 'imgae'; did you mean "
            "'image'?");
  EXPECT_EQ(errorOf("zzzzzzzzzz: 1\n"),
            ".adminlint.yaml:1:1: error: unknown key 'zzzzzzzzzz'");
}

TEST(Config, WrongTypes) {
  EXPECT_EQ(errorOf("select: {a: 1}\n"),
            ".adminlint.yaml:1:9: error: 'select' must be a list of strings");
  EXPECT_EQ(errorOf("levels: {ADM301: loud}\n"),
            ".adminlint.yaml:1:18: error: level must be error, warning or "
            "note");
  EXPECT_EQ(errorOf("- a\n"),
            ".adminlint.yaml:1:1: error: the config must be a map of "
            "settings");
  EXPECT_EQ(errorOf("contexts: {\"a/**\": staging}\n"),
            ".adminlint.yaml:1:20: error: context must be local, test or "
            "production");
}

TEST(Config, UnknownRules) {
  EXPECT_EQ(errorOf("ignore:\n  - ADM301\n  - ssh-admin-comand\n"),
            ".adminlint.yaml:3:5: error: unknown rule 'ssh-admin-comand'; did "
            "you mean 'ssh-admin-command'?");
}

TEST(Config, YamlSyntaxErrorHasPosition) {
  std::string E = errorOf("select: [ADM301\nignore: x\n");
  EXPECT_EQ(E.rfind(".adminlint.yaml:", 0), 0u) << E;
  EXPECT_NE(E.find(": error: "), std::string::npos) << E;
}

TEST(Config, ResolveRules) {
  std::string Unknown;
  RuleSet S = resolveRules({"ADM30", "parse-error"}, Unknown);
  EXPECT_TRUE(Unknown.empty());
  EXPECT_EQ(S.count(), 5u);
  resolveRules({"ADM301", "nope"}, Unknown);
  EXPECT_EQ(Unknown, "nope");
}

TEST(Config, AdminCommandsExtendTheVocabulary) {
  llvm::Expected<Config> C = parseConfig("select: [ADM301]\n"
                                         "admin-commands:\n"
                                         "  commands:\n"
                                         "    - framework: shop\n"
                                         "      category: data-task\n"
                                         "      match: [\"shopctl reindex\"]\n"
                                         "ignore: [ADM303]\n",
                                         "c.yaml");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  ASSERT_EQ(C->AdminCommands.size(), 1u);
  EXPECT_EQ(C->AdminCommands[0].Framework, "shop");
  EXPECT_EQ(C->AdminCommands[0].Category, AdminCategory::DataTask);
}

TEST(Config, AdminCommandErrorsPointIntoTheConfig) {
  std::string E = errorOf("admin-commands:\n"
                          "  commands:\n"
                          "    - framework: shop\n"
                          "      category: sometimes\n"
                          "      match: [\"shopctl reindex\"]\n");
  EXPECT_EQ(E.rfind(".adminlint.yaml:4:", 0), 0u) << E;
  EXPECT_NE(E.find("error: in 'admin-commands': "), std::string::npos) << E;
}

TEST(Config, NullValuesAreUnsetAndContextListsWork) {
  llvm::Expected<Config> C = parseConfig("app:\n  # image: x\nselect:\n"
                                         "contexts:\n  local: [\"dev/**\"]\n"
                                         "  \"ci/**\": test\n",
                                         "c.yaml");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  EXPECT_FALSE(C->HasSelect);
  ASSERT_EQ(C->Contexts.size(), 2u);
  EXPECT_EQ(C->Contexts[0].second, Context::Local);
  EXPECT_EQ(C->Contexts[1].second, Context::Test);
}
