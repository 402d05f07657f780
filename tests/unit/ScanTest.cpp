#include "lib/Driver/Scan.h"
#include "lib/Emit/Emitter.h"
#include "tests/unit/TempTree.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace adminlint;

static const char *SshMigrate = "#!/bin/sh\nssh deploy@web 'python manage.py "
                                "migrate'\n";

static ScanResult scanTree(const TempTree &T, ScanOptions O = {}) {
  O.Root = T.Root;
  if (O.Paths.empty())
    O.Paths.push_back(T.Root);
  llvm::Expected<ScanResult> R = scan(O);
  EXPECT_TRUE(bool(R));
  if (!R) {
    ADD_FAILURE() << llvm::toString(R.takeError());
    return {};
  }
  return std::move(*R);
}

static std::string render(const ScanResult &R) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  EmitOptions E;
  E.ShowSuppressed = true;
  createEmitter("json", E)->emit(R, OS);
  OS.flush();
  return Out;
}

static std::vector<std::string> codes(const ScanResult &R) {
  std::vector<std::string> Out;
  for (const Diagnostic &D : R.Diagnostics)
    Out.push_back((ruleInfo(D.Rule).Code + " " + D.Primary.File->path()).str() +
                  (D.Suppressed ? " suppressed" : ""));
  return Out;
}

TEST(Scan, SameOutputForEveryJobCount) {
  TempTree T;
  for (int I = 0; I < 60; ++I) {
    T.write("d" + std::to_string(I % 7) + "/s" + std::to_string(I) + ".sh",
            SshMigrate);
    T.write("d" + std::to_string(I % 5) + "/bad" + std::to_string(I) + ".sh",
            "echo 'unterminated\n");
  }
  ScanOptions One;
  One.Jobs = 1;
  ScanOptions Eight;
  Eight.Jobs = 8;
  ScanResult A = scanTree(T, One);
  ScanResult B = scanTree(T, Eight);
  EXPECT_FALSE(A.Diagnostics.empty());
  EXPECT_EQ(render(A), render(B));
  for (size_t I = 1; I < A.Diagnostics.size(); ++I)
    EXPECT_FALSE(A.Diagnostics[I] < A.Diagnostics[I - 1]);
}

TEST(Scan, ReportsOnlyGivenPaths) {
  TempTree T;
  T.write("a/x.sh", SshMigrate);
  T.write("b/y.sh", SshMigrate);
  ScanOptions O;
  O.Paths = {T.path("a")};
  O.Select = {"ADM301"};
  EXPECT_EQ(codes(scanTree(T, O)), std::vector<std::string>{"ADM301 a/x.sh"});
}

TEST(Scan, SelectIgnoreAndPrefixes) {
  TempTree T;
  T.write("x.sh", "#!/bin/sh\nssh web 'cd /srv/app && python manage.py "
                  "migrate'\n");
  ScanOptions O;
  O.Select = {"ADM3"};
  O.Ignore = {"deploy-path-admin"};
  EXPECT_EQ(codes(scanTree(T, O)), std::vector<std::string>{"ADM301 x.sh"});
  ScanOptions Bad;
  Bad.Root = T.Root;
  Bad.Paths = {T.Root};
  Bad.Select = {"ADM3O1"};
  llvm::Expected<ScanResult> R = scan(Bad);
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            "error: unknown rule 'ADM3O1' in --select; did you mean "
            "'ADM301'?");
}

TEST(Scan, ConfigLevelsPerPathAndExclude) {
  TempTree T;
  T.write(".adminlint.yaml", "levels: {ADM301: warning}\n"
                             "per-path: {\"ops/**\": {ignore: [ADM301]}}\n"
                             "exclude: [\"legacy/\"]\nselect: [ADM301]\n");
  T.write("x.sh", SshMigrate);
  T.write("ops/y.sh", SshMigrate);
  T.write("legacy/z.sh", SshMigrate);
  ScanResult R = scanTree(T);
  ASSERT_EQ(codes(R), std::vector<std::string>{"ADM301 x.sh"});
  EXPECT_EQ(R.Diagnostics[0].Severity, Level::Warning);
}

TEST(Scan, ConfigErrorIsAnError) {
  TempTree T;
  T.write(".adminlint.yaml", "ignroe: [ADM301]\n");
  ScanOptions O;
  O.Root = T.Root;
  O.Paths = {T.Root};
  llvm::Expected<ScanResult> R = scan(O);
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(llvm::toString(R.takeError()),
            T.path(".adminlint.yaml") +
                ":1:1: error: unknown key 'ignroe'; did you mean 'ignore'?");
}

TEST(Scan, SuppressedFindingsAreKept) {
  TempTree T;
  T.write("x.sh", "#!/bin/sh\n# adminlint ignore=ADM301 -- approved\n"
                  "ssh web 'python manage.py migrate'\n"
                  "# adminlint ignore=ADM301\necho hi\n");
  ScanOptions O;
  O.Select = {"ADM301", "ADM901"};
  ScanResult R = scanTree(T, O);
  std::vector<std::string> Expected = {"ADM301 x.sh suppressed", "ADM901 x.sh"};
  EXPECT_EQ(codes(R), Expected);
  EXPECT_EQ(R.Diagnostics[0].Justification, "approved");
  EXPECT_FALSE(R.failed());
}

TEST(Scan, LimitsBecomeScanLimitNotes) {
  TempTree T;
  T.write("big.sh", std::string(2000, '#'));
  T.write("bin.sh", std::string("ab\0cd", 5));
  T.write("ok.sh", "echo\n");
  ScanOptions O;
  O.MaxFileSize = 1000;
  ScanResult R = scanTree(T, O);
  std::vector<std::string> Expected = {"ADM902 big.sh", "ADM902 bin.sh"};
  EXPECT_EQ(codes(R), Expected);
  EXPECT_NE(R.Diagnostics[0].Message.find("--max-file-size"),
            std::string::npos);
  EXPECT_EQ(R.Notifications.size(), 2u);
  EXPECT_EQ(R.Stats.FilesSkipped, 2u);
}

TEST(Scan, ParseErrorsAreReportedAndTheScanGoesOn) {
  TempTree T;
  T.write("bad.sh", "echo 'unterminated\n");
  T.write("good.sh", SshMigrate);
  ScanOptions O;
  O.Select = {"ADM900", "ADM301"};
  std::vector<std::string> Expected = {"ADM900 bad.sh", "ADM301 good.sh"};
  EXPECT_EQ(codes(scanTree(T, O)), Expected);
}

TEST(Scan, StdinReplacesTheFile) {
  TempTree T;
  T.write("x.sh", "echo\n");
  ScanOptions O;
  O.Root = T.Root;
  O.Stdin = StdinFile{T.path("x.sh"), SshMigrate};
  O.Select = {"ADM301"};
  llvm::Expected<ScanResult> R = scan(O);
  ASSERT_TRUE(bool(R));
  EXPECT_EQ(codes(*R), std::vector<std::string>{"ADM301 x.sh"});
}

TEST(Scan, OnlyRulesReportsOneRule) {
  TempTree T;
  T.write("x.sh", "#!/bin/sh\nssh web 'cd /srv/app && python manage.py "
                  "migrate'\n# adminlint ignore=ADM303\necho\n");
  ScanOptions O;
  O.OnlyRules = std::vector<RuleId>{RuleId::UnusedSuppression};
  O.NoWalk = true;
  O.Paths = {T.path("x.sh")};
  EXPECT_EQ(codes(scanTree(T, O)), std::vector<std::string>{"ADM901 x.sh"});
}

TEST(Scan, ConfigLinkedFromOutsideIsNotRead) {
  TempTree Outside;
  Outside.write("config.yaml", "root:x:0:0: leaked\n");
  TempTree T;
  T.mkdir(".git");
  T.link(Outside.path("config.yaml"), ".adminlint.yaml");
  T.write("x.sh", SshMigrate);
  ScanOptions O;
  O.Select = {"ADM301"};
  EXPECT_EQ(codes(scanTree(T, O)), std::vector<std::string>{"ADM301 x.sh"});
}

TEST(Scan, ConfigGlobsAreRelativeToTheConfig) {
  TempTree T;
  T.mkdir(".git");
  T.write("examples/shop/.adminlint.yaml",
          "exclude: [legacy/]\nper-path: {\"ops/**\": {ignore: [ADM301]}}\n");
  T.write("examples/shop/x.sh", SshMigrate);
  T.write("examples/shop/ops/y.sh", SshMigrate);
  T.write("examples/shop/legacy/z.sh", SshMigrate);
  ScanOptions O;
  O.Select = {"ADM301"};
  O.Paths = {T.path("examples/shop")};
  EXPECT_EQ(codes(scanTree(T, O)),
            std::vector<std::string>{"ADM301 examples/shop/x.sh"});
}

//===----------------------------------------------------------------------===//
// Pre-commit: only files named, the whole repository modelled
//===----------------------------------------------------------------------===//

/// Everything a finding shows, one line each.
static std::vector<std::string> findings(const ScanResult &R) {
  std::vector<std::string> Out;
  for (const Diagnostic &D : R.Diagnostics) {
    std::string S =
        (ruleInfo(D.Rule).Code + " " + D.Primary.File->path() + " " +
         levelName(D.Severity) + " " + D.Message + " " + D.Fingerprint)
            .str();
    S += " @" + std::to_string(D.Primary.Range.Begin) + "-" +
         std::to_string(D.Primary.Range.End);
    for (const Location &L : D.Related)
      S += " related " + L.File->path().str() + "@" +
           std::to_string(L.Range.Begin) + " " + L.Message;
    Out.push_back(S + (D.Suppressed ? " suppressed" : ""));
  }
  return Out;
}

/// The findings of a full scan that are in one of Paths.
static std::vector<std::string>
findingsIn(const ScanResult &Full, const std::vector<std::string> &Paths) {
  ScanResult Kept;
  for (const Diagnostic &D : Full.Diagnostics)
    if (std::find(Paths.begin(), Paths.end(), D.Primary.File->path().str()) !=
        Paths.end())
      Kept.Diagnostics.push_back(D);
  return findings(Kept);
}

/// A scan of the given root-relative files only.
static ScanResult scanFiles(const TempTree &T,
                            const std::vector<std::string> &Rel,
                            unsigned Jobs = 2) {
  ScanOptions O;
  O.Jobs = Jobs;
  for (const std::string &P : Rel)
    O.Paths.push_back(T.path(P));
  return scanTree(T, O);
}

static const char *Deployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: registry.example.com/shop:1.4.2
          command: ["bundle", "exec", "puma"]
          envFrom:
            - secretRef:
                name: shop-secrets
)";

static const char *MigrateJob = R"(apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: registry.example.com/shop-tools:latest
          command: ["bundle", "exec", "rake", "db:migrate"]
)";

static const char *FixOrders = R"(#!/usr/bin/env python
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
import django
django.setup()
from shop.models import Order
for order in Order.objects.filter(total=None):
    order.save()
)";

/// A repository where every repository check reports in a file whose finding
/// depends on other files: ADM401-404 (a Job against a Deployment), ADM101
/// (a script, manage.py, an AppConfig), ADM102 (two requirements files),
/// ADM501 (a build script a Dockerfile runs, beside one of the same name),
/// ADM405 (an admin Dockerfile against the app's), a suppression, an unused
/// one, a parse error, files no repository check reads, and noise.
static void writeRepository(const TempTree &T) {
  T.mkdir(".git");
  T.write("deploy/deployment.yaml", Deployment);
  T.write("deploy/migrate-job.yaml", MigrateJob);
  T.write("deploy/broken.yaml", "a: [\n");
  T.write("manage.py", "#!/usr/bin/env python\nimport os\nif __name__ == "
                       "\"__main__\":\n    os.environ.setdefault("
                       "\"DJANGO_SETTINGS_MODULE\", \"shop.settings\")\n");
  T.write("shop/apps.py", "from django.apps import AppConfig\n\n\nclass "
                          "ShopConfig(AppConfig):\n    name = \"shop\"\n");
  T.write("shop/views.py", "def index(request):\n    return 1\n");
  T.write("scripts/fix_orders.py", FixOrders);
  T.write("requirements.txt", "django==5.0\n");
  T.write("scripts/requirements.txt", "sqlalchemy==2.0.30\n");
  T.write("Dockerfile", "FROM ruby:3.3\nWORKDIR /app\nCOPY . .\n"
                        "RUN ./scripts/build.sh\nCMD [\"bundle\", \"exec\", "
                        "\"puma\"]\n");
  T.write("migrations/Dockerfile", "FROM ruby:3.2\nRUN bundle exec rake "
                                   "db:migrate\n");
  T.write("scripts/build.sh", "#!/bin/sh\nbundle exec rake db:migrate\n");
  T.write("other/build.sh", "#!/bin/sh\nbundle exec rake db:migrate\n");
  T.write("ops/deploy.sh",
          "#!/bin/sh\n# adminlint ignore=ADM301 -- reviewed\n" +
              std::string(SshMigrate + 10) +
              "# adminlint ignore=ADM303 -- nothing here\necho done\n");
  T.write("ops/run", SshMigrate);
  T.write("Makefile", "migrate:\n\tssh web 'python manage.py migrate'\n");
  T.write(".github/workflows/ci.yml",
          "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
          "      - run: ssh web 'python manage.py migrate'\n");
  T.write("README.md", "# shop\n");
}

/// Every candidate file of the repository, root-relative.
static std::vector<std::string> repositoryFiles() {
  return {"deploy/deployment.yaml",
          "deploy/migrate-job.yaml",
          "deploy/broken.yaml",
          "manage.py",
          "shop/apps.py",
          "shop/views.py",
          "scripts/fix_orders.py",
          "requirements.txt",
          "scripts/requirements.txt",
          "Dockerfile",
          "migrations/Dockerfile",
          "scripts/build.sh",
          "other/build.sh",
          "ops/deploy.sh",
          "ops/run",
          "Makefile",
          ".github/workflows/ci.yml"};
}

TEST(PreCommit, EachFileAloneFindsWhatTheFullScanFindsThere) {
  TempTree T;
  writeRepository(T);
  ScanResult Full = scanTree(T);
  std::vector<std::string> All = findings(Full);
  for (const char *Code : {"ADM101", "ADM102", "ADM401", "ADM403", "ADM405",
                           "ADM501", "ADM301", "ADM901", "ADM900"})
    EXPECT_TRUE(std::any_of(All.begin(), All.end(),
                            [&](const std::string &S) {
                              return llvm::StringRef(S).startswith(Code);
                            }))
        << Code << " is not in the repository";
  for (const std::string &File : repositoryFiles())
    EXPECT_EQ(findings(scanFiles(T, {File})), findingsIn(Full, {File})) << File;
}

TEST(PreCommit, ChangedJobIsComparedWithUnchangedDeployment) {
  TempTree T;
  writeRepository(T);
  ScanResult R = scanFiles(T, {"deploy/migrate-job.yaml"});
  EXPECT_EQ(codes(R),
            (std::vector<std::string>{"ADM404 deploy/migrate-job.yaml",
                                      "ADM401 deploy/migrate-job.yaml",
                                      "ADM403 deploy/migrate-job.yaml"}));
  // The Deployment and the Dockerfiles are read; scripts, Python files,
  // manifests, the Makefile and the workflow are not.
  EXPECT_EQ(R.Stats.FilesAnalysed, 5u);
}

TEST(PreCommit, ReadsWhatTheGivenFilesNeed) {
  TempTree T;
  writeRepository(T);
  // A Python script that bootstraps the app: manage.py and apps.py (not
  // views.py) tell ADM101 the framework.
  ScanResult Py = scanFiles(T, {"scripts/fix_orders.py"});
  EXPECT_EQ(codes(Py),
            std::vector<std::string>{"ADM101 scripts/fix_orders.py"});
  EXPECT_EQ(Py.Stats.FilesAnalysed, 8u);
  // A shell script: the Dockerfile that runs `./scripts/build.sh` and the
  // scripts of that name (findScriptFile takes other/build.sh, the first).
  ScanResult Named = scanFiles(T, {"other/build.sh"});
  EXPECT_EQ(codes(Named), std::vector<std::string>{"ADM501 other/build.sh"});
  EXPECT_EQ(Named.Stats.FilesAnalysed, 7u);
  EXPECT_TRUE(codes(scanFiles(T, {"scripts/build.sh"})).empty());
}

TEST(PreCommit, SetsOfFilesAndJobCounts) {
  TempTree T;
  writeRepository(T);
  ScanResult Full = scanTree(T);
  std::vector<std::string> Files = repositoryFiles();
  for (size_t I = 0; I + 4 < Files.size(); I += 3) {
    std::vector<std::string> Five(Files.begin() + I, Files.begin() + I + 5);
    for (unsigned Jobs : {1u, 3u})
      EXPECT_EQ(findings(scanFiles(T, Five, Jobs)), findingsIn(Full, Five))
          << Five.front() << " -j" << Jobs;
  }
}

TEST(PreCommit, FileOutsideTheWalkIsStillChecked) {
  TempTree T;
  writeRepository(T);
  T.write(".gitignore", "ignored/\n");
  T.write("ignored/x.sh", SshMigrate);
  EXPECT_EQ(codes(scanFiles(T, {"ignored/x.sh"})),
            std::vector<std::string>{"ADM301 ignored/x.sh"});
}

/// Copies the fixture repository at Dir (every file under it) into T.
static std::vector<std::string> copyFixture(llvm::StringRef Dir,
                                            const TempTree &T) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator I(Dir, EC), E; I != E && !EC;
       I.increment(EC)) {
    if (I->type() != llvm::sys::fs::file_type::regular_file)
      continue;
    std::string Rel = I->path().substr(Dir.size() + 1);
    auto Buffer = llvm::MemoryBuffer::getFile(I->path());
    if (!Buffer)
      continue;
    T.write(Rel, (*Buffer)->getBuffer());
    Files.push_back(Rel);
  }
  std::sort(Files.begin(), Files.end());
  return Files;
}

TEST(PreCommit, EveryFixtureRepositoryFileAlone) {
  std::string Checks = ADMINLINT_SOURCE_DIR "/tests/checks";
  std::error_code EC;
  unsigned Repositories = 0;
  for (llvm::sys::fs::directory_iterator Rule(Checks, EC), End;
       Rule != End && !EC; Rule.increment(EC)) {
    for (llvm::sys::fs::directory_iterator Case(Rule->path(), EC), CaseEnd;
         Case != CaseEnd && !EC; Case.increment(EC)) {
      if (Case->type() != llvm::sys::fs::file_type::directory_file)
        continue;
      TempTree T;
      T.mkdir(".git");
      std::vector<std::string> Files = copyFixture(Case->path(), T);
      ScanResult Full = scanTree(T);
      for (const std::string &File : Files)
        EXPECT_EQ(findings(scanFiles(T, {File})), findingsIn(Full, {File}))
            << Case->path() << ": " << File;
      ++Repositories;
    }
  }
  EXPECT_GT(Repositories, 50u);
}
