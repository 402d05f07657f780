//===- Walk.cpp - Finding the files of a repository -----------------------===//
#include "lib/Driver/Walk.h"
#include "lib/Driver/Classify.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace llvm;

namespace adminlint {

static bool exists(const Twine &Path) { return sys::fs::exists(Path); }

std::string findRepositoryRoot(StringRef Dir) {
  for (StringRef D = Dir; !D.empty(); D = sys::path::parent_path(D))
    if (exists(D + "/.git"))
      return D.str();
  for (StringRef D = Dir; !D.empty(); D = sys::path::parent_path(D))
    if (exists(D + "/.adminlint.yaml"))
      return D.str();
  return Dir.str();
}

bool isExcluded(StringRef RelPath, const std::vector<GlobPattern> &Exclude) {
  for (const GlobPattern &P : Exclude)
    if (P.matchesPathOrParent(RelPath))
      return !P.negated();
  return false;
}

namespace {

/// One directory entry as readdir reports it.
struct DirEntry {
  std::string Name;
  unsigned char Type;
};

/// A directory waiting to be read, with what applies inside it.
struct PendingDir {
  std::string RelDir; ///< "" or "a/b/"
  std::shared_ptr<const IgnoreChain> Ignores;
  bool InChartTemplates = false;
  unsigned Depth = 0;
};

/// Walks one repository depth-first with an explicit stack.
class Walker {
public:
  Walker(StringRef Root, const WalkOptions &Options)
      : Root(Root.str()), Options(Options) {}
  WalkResult run();

private:
  void readDir(const PendingDir &Dir);
  void addIgnoreFiles(const PendingDir &Dir, const std::vector<DirEntry> &Es,
                      std::shared_ptr<const IgnoreChain> &Chain);
  bool skipped(StringRef RelPath, bool IsDir, const IgnoreChain *Chain) const;
  bool linksToFileInside(const std::string &AbsPath) const;

  std::string Root;
  const WalkOptions &Options;
  std::vector<PendingDir> Stack;
  WalkResult Result;
};

} // namespace

static bool isVendoredDir(StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases(".git", "node_modules", "vendor", "third_party", true)
      .Default(false);
}

static std::vector<DirEntry> listDir(const std::string &Path) {
  std::vector<DirEntry> Entries;
  DIR *D = opendir(Path.c_str());
  if (!D)
    return Entries;
  while (dirent *E = readdir(D)) {
    StringRef Name = E->d_name;
    if (Name == "." || Name == "..")
      continue;
    Entries.push_back({Name.str(), E->d_type});
  }
  closedir(D);
  std::sort(
      Entries.begin(), Entries.end(),
      [](const DirEntry &A, const DirEntry &B) { return A.Name < B.Name; });
  return Entries;
}

/// The text of a small regular file that is not a symbolic link (an ignore
/// file may not pull in text from outside the root, nor block on a FIFO).
static std::string readIgnoreFile(const std::string &Path) {
  int FD = ::open(Path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
  if (FD < 0)
    return "";
  struct stat St;
  std::string Text;
  if (fstat(FD, &St) == 0 && S_ISREG(St.st_mode) && St.st_size <= 1 << 20) {
    Text.resize(St.st_size);
    ssize_t N = ::read(FD, &Text[0], Text.size());
    Text.resize(N < 0 ? 0 : N);
  }
  ::close(FD);
  return Text;
}

static bool hasEntry(const std::vector<DirEntry> &Es, StringRef Name) {
  return std::any_of(Es.begin(), Es.end(),
                     [&](const DirEntry &E) { return E.Name == Name; });
}

void Walker::addIgnoreFiles(const PendingDir &Dir,
                            const std::vector<DirEntry> &Es,
                            std::shared_ptr<const IgnoreChain> &Chain) {
  if (Options.NoIgnore)
    return;
  IgnoreFile File;
  File.Base = Dir.RelDir;
  std::string AbsDir = Root + "/" + Dir.RelDir;
  if (Dir.RelDir.empty())
    File.addPatterns(readIgnoreFile(Root + "/.git/info/exclude"));
  for (StringRef Name : {".gitignore", ".ignore", ".adminlintignore"})
    if (hasEntry(Es, Name))
      File.addPatterns(readIgnoreFile(AbsDir + Name.str()));
  if (!File.Patterns.empty())
    Chain = std::make_shared<IgnoreChain>(Chain, std::move(File));
}

bool Walker::skipped(StringRef RelPath, bool IsDir,
                     const IgnoreChain *Chain) const {
  return isExcluded(RelPath, Options.Exclude) ||
         IgnoreChain::isIgnored(Chain, RelPath, IsDir);
}

bool Walker::linksToFileInside(const std::string &AbsPath) const {
  char *Real = realpath(AbsPath.c_str(), nullptr);
  if (!Real)
    return false;
  std::string Target = Real;
  free(Real);
  struct stat St;
  if (stat(Target.c_str(), &St) != 0)
    return false;
  return StringRef(Target).startswith(Root + "/") && S_ISREG(St.st_mode);
}

void Walker::readDir(const PendingDir &Dir) {
  std::string AbsDir = Root + "/" + Dir.RelDir;
  std::vector<DirEntry> Es = listDir(AbsDir);
  std::shared_ptr<const IgnoreChain> Chain = Dir.Ignores;
  addIgnoreFiles(Dir, Es, Chain);
  ChartPlace Place;
  Place.BesideChart = hasEntry(Es, "Chart.yaml");
  Place.InChartTemplates = Dir.InChartTemplates;
  for (auto It = Es.rbegin(), E = Es.rend(); It != E; ++It) {
    std::string Rel = Dir.RelDir + It->Name;
    unsigned char Type = It->Type;
    if (Type == DT_UNKNOWN) {
      struct stat St;
      if (lstat((AbsDir + It->Name).c_str(), &St) != 0)
        continue;
      Type = S_ISDIR(St.st_mode)   ? DT_DIR
             : S_ISLNK(St.st_mode) ? DT_LNK
             : S_ISREG(St.st_mode) ? DT_REG
                                   : DT_UNKNOWN;
    }
    if (Type == DT_DIR) {
      if (isVendoredDir(It->Name) || Dir.Depth + 1 > Options.MaxDepth ||
          skipped(Rel, true, Chain.get()))
        continue;
      bool Templates = Dir.InChartTemplates ||
                       (Place.BesideChart && It->Name == "templates");
      Stack.push_back({Rel + "/", Chain, Templates, Dir.Depth + 1});
      continue;
    }
    if (Type == DT_LNK && !linksToFileInside(AbsDir + It->Name))
      continue;
    if (Type != DT_REG && Type != DT_LNK)
      continue;
    if (skipped(Rel, false, Chain.get()))
      continue;
    ++Result.FilesSeen;
    FileKind Kind = classifyPath(Rel, Place);
    if (Kind != FileKind::Unknown || mayHaveShebang(Rel))
      Result.Files.push_back({Rel, Kind});
  }
}

WalkResult Walker::run() {
  Stack.push_back({"", nullptr, false, 0});
  while (!Stack.empty()) {
    PendingDir Dir = std::move(Stack.back());
    Stack.pop_back();
    readDir(Dir);
  }
  std::sort(Result.Files.begin(), Result.Files.end(),
            [](const WalkEntry &A, const WalkEntry &B) {
              return A.RelPath < B.RelPath;
            });
  return std::move(Result);
}

WalkResult walkRepository(StringRef Root, const WalkOptions &Options) {
  return Walker(Root, Options).run();
}

} // namespace adminlint
