#include "lib/Driver/Walk.h"
#include "lib/Driver/Ignore.h"
#include "tests/unit/TempTree.h"
#include "gtest/gtest.h"

using namespace adminlint;

static std::vector<std::string> walk(const TempTree &T, bool NoIgnore = false) {
  WalkOptions O;
  O.NoIgnore = NoIgnore;
  std::vector<std::string> Paths;
  for (const WalkEntry &E : walkRepository(T.Root, O).Files)
    Paths.push_back(E.RelPath);
  return Paths;
}

static bool globMatches(llvm::StringRef Pattern, llvm::StringRef Path,
                        bool IsDir = false) {
  return GlobPattern::parse(Pattern)->matches(Path, IsDir);
}

TEST(Glob, SegmentWildcards) {
  EXPECT_TRUE(matchSegment("*.sh", "deploy.sh"));
  EXPECT_FALSE(matchSegment("*.sh", "deploy.bash"));
  EXPECT_TRUE(matchSegment("de?loy", "deploy"));
  EXPECT_TRUE(matchSegment("[a-c]x", "bx"));
  EXPECT_FALSE(matchSegment("[!a-c]x", "bx"));
  EXPECT_TRUE(matchSegment("\\*", "*"));
  EXPECT_FALSE(matchSegment("\\*", "a"));
  EXPECT_TRUE(matchSegment("a*b*c", "axxbyyc"));
}

TEST(Glob, UnanchoredMatchesAtAnyDepth) {
  EXPECT_TRUE(globMatches("*.log", "a/b/c.log"));
  EXPECT_TRUE(globMatches("build", "x/build", true));
  EXPECT_FALSE(globMatches("build/", "x/build", false));
  EXPECT_TRUE(globMatches("build/", "x/build", true));
}

TEST(Glob, AnchoredAndDoubleStar) {
  EXPECT_TRUE(globMatches("/build", "build", true));
  EXPECT_FALSE(globMatches("/build", "x/build", true));
  EXPECT_TRUE(globMatches("doc/*.md", "doc/a.md"));
  EXPECT_FALSE(globMatches("doc/*.md", "doc/x/a.md"));
  EXPECT_TRUE(globMatches("**/foo", "a/b/foo"));
  EXPECT_TRUE(globMatches("**/foo", "foo"));
  EXPECT_TRUE(globMatches("a/**/b", "a/b"));
  EXPECT_TRUE(globMatches("a/**/b", "a/x/y/b"));
  EXPECT_TRUE(globMatches("abc/**", "abc/x/y"));
  EXPECT_FALSE(globMatches("abc/**", "abc", true));
}

TEST(Glob, PathOrParentForConfigGlobs) {
  EXPECT_TRUE(GlobPattern::parse("tests/")->matchesPathOrParent("tests/a.sh"));
  EXPECT_TRUE(GlobPattern::parse("tests/**")->matchesPathOrParent("tests/a/b"));
  EXPECT_FALSE(GlobPattern::parse("tests/")->matchesPathOrParent("src/a.sh"));
}

TEST(Glob, CommentsBlankAndEscapes) {
  EXPECT_FALSE(GlobPattern::parse("# comment"));
  EXPECT_FALSE(GlobPattern::parse("   "));
  EXPECT_TRUE(globMatches("\\#file", "#file"));
  EXPECT_TRUE(GlobPattern::parse("!keep.sh")->negated());
  EXPECT_FALSE(GlobPattern::parse("\\!keep.sh")->negated());
}

TEST(Walk, FindsRootByGitThenConfig) {
  TempTree T;
  T.mkdir("repo/.git");
  T.mkdir("repo/a/b");
  T.write("repo/a/.adminlint.yaml", "");
  EXPECT_EQ(findRepositoryRoot(T.path("repo/a/b")), T.path("repo"));
  TempTree U;
  U.write("a/.adminlint.yaml", "");
  U.mkdir("a/b");
  EXPECT_EQ(findRepositoryRoot(U.path("a/b")), U.path("a"));
}

TEST(Walk, ClassifiesAndSkipsVendoredDirs) {
  TempTree T;
  T.write("deploy.sh", "");
  T.write("README.md", "");
  T.write("bin/run", "#!/bin/sh\n");
  T.write("node_modules/x/install.sh", "");
  T.write("vendor/y.sh", "");
  T.write("third_party/z.sh", "");
  T.write(".git/hooks/pre-commit.sh", "");
  std::vector<std::string> Expected = {"bin/run", "deploy.sh"};
  EXPECT_EQ(walk(T), Expected);
}

TEST(Walk, GitignoreNegationAnchorsAndNesting) {
  TempTree T;
  T.write(".gitignore", "*.sh\n!keep.sh\n/top.yaml\nbuild/\n");
  T.write("a.sh", "");
  T.write("keep.sh", "");
  T.write("top.yaml", "");
  T.write("sub/top.yaml", "");
  T.write("build/x.yaml", "");
  T.write("sub/build", "#!/bin/sh\n");
  T.write("sub/.gitignore", "!b.sh\nc.yaml\n");
  T.write("sub/b.sh", "");
  T.write("sub/c.yaml", "");
  std::vector<std::string> Expected = {"keep.sh", "sub/b.sh", "sub/build",
                                       "sub/top.yaml"};
  EXPECT_EQ(walk(T), Expected);
}

TEST(Walk, IgnoreAndAdminlintIgnoreFiles) {
  TempTree T;
  T.write(".ignore", "a.sh\n");
  T.write(".adminlintignore", "b.sh\n");
  T.write(".gitignore", "c.sh\n");
  T.write("a.sh", "");
  T.write("b.sh", "");
  T.write("c.sh", "");
  T.write("d.sh", "");
  EXPECT_EQ(walk(T), std::vector<std::string>{"d.sh"});
  std::vector<std::string> All = {"a.sh", "b.sh", "c.sh", "d.sh"};
  EXPECT_EQ(walk(T, /*NoIgnore=*/true), All);
}

TEST(Walk, ExcludedDirectoryCannotBeReincluded) {
  TempTree T;
  T.write(".gitignore", "gen/\n!gen/keep.sh\n");
  T.write("gen/keep.sh", "");
  EXPECT_TRUE(walk(T).empty());
}

TEST(Walk, SymlinksNeverLeaveTheRoot) {
  TempTree Outside;
  Outside.write("secret.sh", "");
  Outside.write("dir/x.sh", "");
  TempTree T;
  T.write("real.sh", "");
  T.link(Outside.path("secret.sh"), "escape.sh");
  T.link(Outside.path("dir"), "escapedir");
  T.link("real.sh", "alias.sh");
  T.mkdir("sub");
  T.link("..", "sub/loop");
  T.link("missing.sh", "dangling.sh");
  std::vector<std::string> Expected = {"alias.sh", "real.sh"};
  EXPECT_EQ(walk(T), Expected);
}

TEST(Walk, ConfigExcludeSkipsFilesAndDirs) {
  TempTree T;
  T.write("a/x.sh", "");
  T.write("b/y.sh", "");
  WalkOptions O;
  O.Exclude.push_back(*GlobPattern::parse("a/"));
  auto Files = walkRepository(T.Root, O).Files;
  ASSERT_EQ(Files.size(), 1u);
  EXPECT_EQ(Files[0].RelPath, "b/y.sh");
}

TEST(Walk, HelmChartPlaces) {
  TempTree T;
  T.write("chart/Chart.yaml", "");
  T.write("chart/values.yaml", "");
  T.write("chart/values-prod.yaml", "");
  T.write("chart/templates/job.yaml", "");
  T.write("chart/templates/_helpers.tpl", "");
  T.write("other/values.yaml", "");
  auto Files = walkRepository(T.Root, {}).Files;
  ASSERT_EQ(Files.size(), 6u);
  EXPECT_EQ(Files[0].Kind, FileKind::HelmChart);
  EXPECT_EQ(Files[1].Kind, FileKind::HelmTemplate);
  EXPECT_EQ(Files[2].Kind, FileKind::HelmTemplate);
  EXPECT_EQ(Files[3].Kind, FileKind::HelmValues);
  EXPECT_EQ(Files[4].Kind, FileKind::HelmValues);
  EXPECT_EQ(Files[5].Kind, FileKind::Yaml);
}

TEST(Walk, IgnoreFilesThatAreLinksAreNotRead) {
  TempTree Outside;
  Outside.write("patterns", "*.sh\n");
  TempTree T;
  T.write("a.sh", "");
  T.link(Outside.path("patterns"), ".gitignore");
  EXPECT_EQ(walk(T), std::vector<std::string>{"a.sh"});
}

TEST(Glob, Rebase) {
  GlobPattern P = *GlobPattern::parse("*.sh");
  P.rebase("examples/shop");
  EXPECT_TRUE(P.matches("examples/shop/a/b.sh", false));
  EXPECT_FALSE(P.matches("other/b.sh", false));
  GlobPattern Q = *GlobPattern::parse("ops/");
  Q.rebase("examples");
  EXPECT_TRUE(Q.matchesPathOrParent("examples/ops/x.sh"));
  EXPECT_FALSE(Q.matchesPathOrParent("ops/x.sh"));
}

/// A tree with everything that shapes a walk: nested ignore files with
/// negation, vendored directories, a chart, links in and out of the root,
/// an excluded directory, a deep chain and many small directories.
static void writeWalkTree(const TempTree &T, const TempTree &Outside) {
  Outside.write("secret.sh", "");
  T.write(".gitignore", "*.log.sh\nbuild/\n");
  T.write("svc/.ignore", "gen*.sh\n!gen-keep.sh\n");
  T.write("svc/gen1.sh", "");
  T.write("svc/gen-keep.sh", "");
  T.write("svc/x/.adminlintignore", "/only.sh\n");
  T.write("svc/x/only.sh", "");
  T.write("svc/x/y/only.sh", "");
  T.write("a.log.sh", "");
  T.write("build/out.sh", "");
  T.write("node_modules/m/i.sh", "");
  T.write("chart/Chart.yaml", "");
  T.write("chart/templates/job.yaml", "");
  T.write("skip/me.sh", "");
  T.link(Outside.path("secret.sh"), "escape.sh");
  T.link("svc/gen-keep.sh", "alias.sh");
  std::string Deep;
  for (int I = 0; I < 12; ++I) {
    Deep += "d" + std::to_string(I) + "/";
    T.write(Deep + "s.sh", "");
  }
  for (int I = 0; I < 40; ++I) {
    std::string Dir =
        "many/p" + std::to_string(I % 9) + "/q" + std::to_string(I);
    T.write(Dir + "/run", "#!/bin/sh\n");
    T.write(Dir + "/job.yaml", "");
    T.write(Dir + "/notes.md", "");
  }
}

TEST(Walk, ParallelWalkIsTheSameForEveryThreadCount) {
  TempTree Outside, T;
  writeWalkTree(T, Outside);
  WalkOptions O;
  O.Exclude.push_back(*GlobPattern::parse("skip/"));
  O.MaxDepth = 10;
  WalkResult One = walkRepository(T.Root, O);
  EXPECT_EQ(One.Files.size(), 95u);
  EXPECT_EQ(One.FilesSeen, 138u); // with .gitignore, .ignore, notes.md
  for (unsigned Threads : {1u, 2u, 3u, 8u}) {
    std::vector<std::vector<std::string>> Visited(Threads);
    WalkResult R = walkRepository(T.Root, O, Threads,
                                  [&](const WalkEntry &E, unsigned Worker) {
                                    ASSERT_LT(Worker, Threads);
                                    Visited[Worker].push_back(E.RelPath);
                                  });
    std::vector<std::string> Paths, All;
    for (const WalkEntry &E : R.Files)
      Paths.push_back(E.RelPath);
    for (const std::vector<std::string> &V : Visited)
      All.insert(All.end(), V.begin(), V.end());
    std::sort(All.begin(), All.end());
    EXPECT_EQ(All, Paths) << "every file is visited once, -j" << Threads;
    ASSERT_EQ(R.Files.size(), One.Files.size());
    for (size_t I = 0; I < R.Files.size(); ++I) {
      EXPECT_EQ(R.Files[I].RelPath, One.Files[I].RelPath);
      EXPECT_EQ(R.Files[I].Kind, One.Files[I].Kind);
    }
    EXPECT_EQ(R.FilesSeen, One.FilesSeen);
  }
}

TEST(Walk, ParallelWalkKeepsWalkRules) {
  TempTree Outside, T;
  writeWalkTree(T, Outside);
  WalkOptions O;
  O.Exclude.push_back(*GlobPattern::parse("skip/"));
  O.MaxDepth = 10;
  std::vector<std::string> Paths;
  for (const WalkEntry &E :
       walkRepository(T.Root, O, 4, [](auto &, auto) {}).Files)
    Paths.push_back(E.RelPath);
  auto Has = [&](llvm::StringRef P) {
    return std::find(Paths.begin(), Paths.end(), P) != Paths.end();
  };
  EXPECT_TRUE(Has("svc/gen-keep.sh"));
  EXPECT_TRUE(Has("svc/x/y/only.sh"));
  EXPECT_TRUE(Has("alias.sh"));
  EXPECT_TRUE(Has("d0/d1/d2/d3/d4/d5/d6/d7/d8/d9/s.sh"));
  for (llvm::StringRef Gone :
       {"svc/gen1.sh", "svc/x/only.sh", "a.log.sh", "build/out.sh",
        "node_modules/m/i.sh", "skip/me.sh", "escape.sh",
        "d0/d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/s.sh"})
    EXPECT_FALSE(Has(Gone)) << Gone.str();
}
