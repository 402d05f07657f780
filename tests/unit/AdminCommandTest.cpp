//===- AdminCommandTest.cpp - The admin-command vocabulary and matcher ----===//
#include "lib/Model/AdminCommand.h"
#include "lib/Model/DependencyManifest.h"
#include "gtest/gtest.h"

using namespace adminlint;
using llvm::StringRef;

namespace {

/// Parses Code as host text starting at offset 0 and matches its commands.
std::vector<AdminMatch> matchCode(StringRef Code,
                                  const PackageScripts *Scripts = nullptr) {
  shell::Script S = shell::parse(EmbeddedText::verbatim(Code, 0));
  return AdminMatcher::builtin().matchAll(S, Scripts);
}

/// The single match of Code, or a default one with an empty Text.
AdminMatch only(StringRef Code) {
  std::vector<AdminMatch> All = matchCode(Code);
  EXPECT_EQ(All.size(), 1u) << Code.str();
  return All.empty() ? AdminMatch() : All.front();
}

StringRef slice(StringRef Code, SourceRange R) {
  return Code.slice(R.Begin, R.End);
}

TEST(AdminCommandTest, BuiltinVocabularyLoads) {
  const AdminMatcher &M = AdminMatcher::builtin();
  EXPECT_GT(M.entries().size(), 100u);
  EXPECT_EQ(&M, &AdminMatcher::builtin());
}

TEST(AdminCommandTest, DjangoThroughInterpreter) {
  StringRef Code = "python manage.py migrate --noinput";
  AdminMatch A = only(Code);
  EXPECT_EQ(A.Category, AdminCategory::Migration);
  EXPECT_EQ(A.Framework, "django");
  EXPECT_EQ(A.Runner, "python");
  EXPECT_EQ(slice(Code, A.Range), "python manage.py migrate");
  EXPECT_EQ(A.Text, "python manage.py migrate");
}

TEST(AdminCommandTest, BuildStepIsNotAnAdminTask) {
  AdminMatch A = only("python manage.py collectstatic --noinput");
  EXPECT_EQ(A.Category, AdminCategory::BuildStep);
  EXPECT_FALSE(A.isAdminTask());
  EXPECT_FALSE(only("bundle exec rake assets:precompile").isAdminTask());
}

TEST(AdminCommandTest, AdminTaskWinsOverBuildStep) {
  AdminMatch A = only("bundle exec rake assets:precompile db:migrate");
  EXPECT_EQ(A.Category, AdminCategory::Migration);
  EXPECT_EQ(A.Runner, "bundle exec");
}

TEST(AdminCommandTest, Wrappers) {
  StringRef Code = "env DJANGO_DEBUG=0 sudo -u app /app/.venv/bin/python "
                   "./manage.py migrate";
  AdminMatch A = only(Code);
  EXPECT_EQ(A.Runner, "/app/.venv/bin/python");
  EXPECT_EQ(slice(Code, A.Range), "/app/.venv/bin/python ./manage.py migrate");
  ASSERT_EQ(A.Wrappers.size(), 2u);
  EXPECT_EQ(A.Wrappers[0], "env");
  EXPECT_EQ(A.Wrappers[1], "sudo");
  EXPECT_EQ(only("poetry run python manage.py migrate").Runner, "poetry run");
  EXPECT_EQ(only("pipenv run flask db upgrade").Framework, "flask");
  EXPECT_EQ(only("uv run alembic upgrade head").Framework, "alembic");
  EXPECT_EQ(only("npx prisma migrate deploy").Runner, "npx");
  EXPECT_EQ(only("nice -n 10 time exec bin/rails db:migrate").Framework,
            "rails");
}

TEST(AdminCommandTest, ShellCBodyKeepsHostRanges) {
  StringRef Code = "bash -lc \"cd /app && python manage.py migrate\"";
  AdminMatch A = only(Code);
  EXPECT_EQ(slice(Code, A.Range), "python manage.py migrate");
  ASSERT_FALSE(A.Wrappers.empty());
  EXPECT_EQ(A.Wrappers.back(), "sh -c");
}

TEST(AdminCommandTest, SwitchUser) {
  StringRef Code = "su - app -c 'cd /srv/app && bin/rails db:migrate'";
  AdminMatch A = only(Code);
  EXPECT_EQ(slice(Code, A.Range), "bin/rails db:migrate");
  EXPECT_EQ(A.Wrappers.front(), "su");
  EXPECT_EQ(only("runuser -u app -- python manage.py migrate").Framework,
            "django");
  EXPECT_TRUE(matchCode("su - app").empty());
  EXPECT_EQ(only("flock -n /tmp/m.lock python manage.py migrate").Framework,
            "django");
  EXPECT_EQ(only("flock /tmp/m.lock -c 'rake db:migrate'").Framework, "rails");
  EXPECT_EQ(only("node -r dotenv/config node_modules/.bin/knex migrate:latest")
                .Framework,
            "knex");
  EXPECT_TRUE(matchCode("php -r 'migrate();'").empty());
}

TEST(AdminCommandTest, OneOffRuns) {
  StringRef Code = "docker compose run --rm web python manage.py migrate";
  AdminMatch A = only(Code);
  EXPECT_EQ(slice(Code, A.Range), "python manage.py migrate");
  EXPECT_EQ(A.Wrappers.front(), "docker compose run");
  EXPECT_EQ(only("docker-compose run web rake db:migrate").Framework, "rails");
  EXPECT_EQ(only("kubectl exec -it deploy/web -- php artisan migrate --force")
                .Framework,
            "laravel");
  StringRef Heroku = "heroku run -a app 'python manage.py migrate && echo ok'";
  EXPECT_EQ(slice(Heroku, only(Heroku).Range), "python manage.py migrate");
}

TEST(AdminCommandTest, Frameworks) {
  EXPECT_EQ(only("php artisan db:seed").Category, AdminCategory::DataTask);
  EXPECT_EQ(only("php artisan tinker").Category, AdminCategory::Console);
  EXPECT_EQ(only("knex migrate:latest").Framework, "knex");
  EXPECT_EQ(only("npx sequelize db:migrate").Framework, "sequelize");
  EXPECT_EQ(only("typeorm migration:run").Framework, "typeorm");
  EXPECT_EQ(only("migrate -path db -database \"$DB\" up").Framework,
            "golang-migrate");
  EXPECT_EQ(only("goose -dir db postgres \"$DSN\" up").Framework, "goose");
  EXPECT_EQ(only("atlas migrate apply --url x").Framework, "atlas");
  EXPECT_EQ(only("flyway -url=x migrate").Framework, "flyway");
  EXPECT_EQ(only("./mvnw -B flyway:migrate").Framework, "flyway");
  EXPECT_EQ(only("liquibase --changelog-file=c.xml update").Framework,
            "liquibase");
  EXPECT_EQ(only("dotnet ef database update").Framework, "dotnet");
  EXPECT_EQ(only("mix ecto.migrate").Framework, "elixir");
  EXPECT_EQ(only("bin/app eval \"App.Release.migrate\"").Framework, "elixir");
  EXPECT_EQ(only("python -m django migrate").Framework, "django");
  EXPECT_EQ(only("rails runner 'User.fix!'").Category, AdminCategory::DataTask);
}

TEST(AdminCommandTest, DatabaseClients) {
  EXPECT_EQ(only("psql \"$DATABASE_URL\" -f fix.sql").Framework, "postgres");
  EXPECT_EQ(only("psql -c 'DELETE FROM x'").Framework, "postgres");
  EXPECT_EQ(only("mysql app < dump.sql").Framework, "mysql");
  EXPECT_EQ(only("mongosh --eval 'db.x.drop()'").Framework, "mongodb");
  EXPECT_TRUE(matchCode("psql -l").empty());
  EXPECT_TRUE(matchCode("pg_dump app > dump.sql").empty());
}

TEST(AdminCommandTest, AdminScriptNames) {
  EXPECT_TRUE(AdminMatcher::isAdminScriptName("scripts/fix_users.py"));
  EXPECT_TRUE(AdminMatcher::isAdminScriptName("Backfill-Orders.sh"));
  EXPECT_TRUE(AdminMatcher::isAdminScriptName("/srv/app/migrate_db"));
  EXPECT_FALSE(AdminMatcher::isAdminScriptName("scripts/fixtures.py"));
  EXPECT_FALSE(AdminMatcher::isAdminScriptName("deploy.sh"));
  EXPECT_EQ(only("python scripts/backfill_orders.py").Category,
            AdminCategory::DataTask);
  EXPECT_EQ(only("./scripts/migrate.sh").Category, AdminCategory::Migration);
  EXPECT_TRUE(matchCode("seed --help").empty());
}

TEST(AdminCommandTest, NotAdmin) {
  for (StringRef Code :
       {"gunicorn app.wsgi", "python manage.py runserver", "flask run",
        "bundle exec puma", "npm install", "rails server", "echo migrate",
        "git commit -m 'migrate'", "python -c 'import migrate'"})
    EXPECT_TRUE(matchCode(Code).empty()) << Code.str();
}

TEST(AdminCommandTest, PackageScripts) {
  PackageScripts Scripts;
  Scripts["db:up"] = "knex migrate:latest";
  Scripts["start"] = "node server.js";
  std::vector<AdminMatch> All = matchCode("npm run db:up", &Scripts);
  ASSERT_EQ(All.size(), 1u);
  EXPECT_EQ(All[0].Framework, "knex");
  EXPECT_EQ(All[0].Text, "npm run db:up");
  EXPECT_TRUE(matchCode("npm run start", &Scripts).empty());
  EXPECT_EQ(only("yarn run migrate").Category, AdminCategory::Migration);
  EXPECT_EQ(only("pnpm seed").Category, AdminCategory::DataTask);
  EXPECT_TRUE(matchCode("npm run build").empty());
}

TEST(AdminCommandTest, PackageScriptTextIsJudged) {
  PackageScripts Scripts;
  Scripts["db:fix"] = "node scripts/fix.js";
  Scripts["migrate"] = "echo migrations run at deploy";
  Scripts["release"] = "npm run db:up && node server.js";
  Scripts["db:up"] = "knex migrate:latest";
  Scripts["loop"] = "npm run loop";
  // Defined scripts are judged by what they run, not by their name.
  EXPECT_TRUE(matchCode("npm run migrate", &Scripts).empty());
  EXPECT_TRUE(matchCode("npm run db:fix", &Scripts).empty());
  std::vector<AdminMatch> All = matchCode("yarn release", &Scripts);
  ASSERT_EQ(All.size(), 1u);
  EXPECT_EQ(All[0].Category, AdminCategory::Migration);
  EXPECT_EQ(All[0].Text, "yarn release");
  EXPECT_EQ(All[0].Range.Begin, 0u);
  EXPECT_EQ(All[0].Range.End, 12u);
  EXPECT_EQ(All[0].PackageScript, "release");
  EXPECT_EQ(All[0].describe(),
            "migration 'yarn release' (package.json script 'release': npm run "
            "db:up && node server.js)");
  EXPECT_TRUE(matchCode("npm run loop", &Scripts).empty());
  // A name the package.json does not define is judged by its name.
  ASSERT_EQ(matchCode("pnpm run seed", &Scripts).size(), 1u);
  EXPECT_TRUE(matchCode("pnpm run seed", &Scripts)[0].PackageScript.empty());
}

TEST(AdminCommandTest, MatcherWithRootPackageScripts) {
  PackageScripts Scripts;
  Scripts["db:fix"] = "node scripts/fix_orders.js";
  Scripts["migrate"] = "echo skipped";
  AdminMatcher M(std::vector<AdminVocabularyEntry>(
                     AdminMatcher::builtin().entries().begin(),
                     AdminMatcher::builtin().entries().end()),
                 Scripts);
  shell::Script S = shell::parse(
      EmbeddedText::verbatim("npm run db:fix; npm run migrate", 0));
  std::vector<AdminMatch> All = M.matchAll(S);
  ASSERT_EQ(All.size(), 1u);
  EXPECT_EQ(All[0].Text, "npm run db:fix");
  EXPECT_EQ(All[0].Category, AdminCategory::DataTask);
  EXPECT_EQ(All[0].PackageCommand, "node scripts/fix_orders.js");
  EXPECT_EQ(AdminMatcher::builtin().matchAll(S).size(), 1u);
  EXPECT_EQ(AdminMatcher::builtin().matchAll(S)[0].Text, "npm run migrate");
}

TEST(AdminCommandTest, PackageJsonScriptsAreRead) {
  PackageScripts S = parsePackageScripts(
      "{\n\t\"name\": \"shop\",\n\t\"scripts\": {\n\t\t\"migrate\": "
      "\"knex migrate:latest\",\n\t\t\"odd\": [1],\n\t\t\"q\": "
      "\"echo \\\"hi\\\"\"\n\t}\n}\n");
  ASSERT_EQ(S.size(), 2u);
  EXPECT_EQ(S["migrate"], "knex migrate:latest");
  EXPECT_EQ(S["q"], "echo \"hi\"");
  EXPECT_TRUE(parsePackageScripts("[1, 2]").empty());
  EXPECT_TRUE(parsePackageScripts("{\"scripts\": ").empty());
  EXPECT_TRUE(parsePackageScripts(std::string(100000, '[')).empty());
}

TEST(AdminCommandTest, StartSequence) {
  shell::Script S = shell::parse(EmbeddedText::verbatim(
      "echo start; python manage.py migrate && exec gunicorn app", 0));
  auto Steps = AdminMatcher::builtin().startSequence(S);
  ASSERT_EQ(Steps.size(), 2u);
  EXPECT_TRUE(Steps[0].hasValue());
  EXPECT_FALSE(Steps[1].hasValue());
}

TEST(AdminCommandTest, ParseOneOff) {
  shell::Script S = shell::parse(EmbeddedText::verbatim(
      "docker run --rm -v \"$PWD\":/app -w /app python:3.12 python fix.py", 0));
  ASSERT_EQ(S.Commands.size(), 1u);
  llvm::Optional<OneOffRun> R = findOneOff(S.Commands[0]);
  ASSERT_TRUE(R.hasValue());
  EXPECT_EQ(R->Kind, "docker run");
  EXPECT_EQ(R->Image, "python:3.12");
  EXPECT_TRUE(R->MountsWorkdir);
  EXPECT_TRUE(isGenericBaseImage(R->Image));
  EXPECT_FALSE(isGenericBaseImage("ghcr.io/acme/app:1.2"));
  EXPECT_TRUE(isGenericBaseImage("docker.io/library/node:20"));
}

TEST(AdminCommandTest, HostileNestingIsBounded) {
  std::string Code = "python manage.py migrate";
  for (int I = 0; I < 40; ++I) {
    std::string Escaped;
    for (char C : Code) {
      if (C == '\'')
        Escaped += "'\\''";
      else
        Escaped += C;
    }
    Code = "sh -c '" + Escaped + "'";
    if (Code.size() > 100000)
      break;
  }
  matchCode(Code);
  SUCCEED();
}

TEST(AdminCommandTest, ExtraVocabularyFromConfig) {
  auto Extra = AdminMatcher::parseVocabulary(
      "- framework: shop\n  category: data-task\n  match: [\"shopctl "
      "reprice\"]\n");
  ASSERT_TRUE(static_cast<bool>(Extra)) << llvm::toString(Extra.takeError());
  std::vector<AdminVocabularyEntry> Entries(
      AdminMatcher::builtin().entries().begin(),
      AdminMatcher::builtin().entries().end());
  Entries.insert(Entries.end(), Extra->begin(), Extra->end());
  AdminMatcher M(std::move(Entries));
  shell::Script S = shell::parse(
      EmbeddedText::verbatim("sudo -u shop bin/shopctl --all reprice", 0));
  std::vector<AdminMatch> All = M.matchAll(S);
  ASSERT_EQ(All.size(), 1u);
  EXPECT_EQ(All[0].Framework, "shop");
  EXPECT_EQ(All[0].Text, "bin/shopctl --all reprice");
}

TEST(AdminCommandTest, VocabularyErrors) {
  auto Bad = AdminMatcher::parseVocabulary(
      "commands:\n  - framework: x\n    category: nope\n    match: [a]\n");
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError()).find("unknown category"),
            std::string::npos);
  auto Broken = AdminMatcher::parseVocabulary("commands: [");
  ASSERT_FALSE(static_cast<bool>(Broken));
  llvm::consumeError(Broken.takeError());
}

} // namespace
