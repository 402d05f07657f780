//===- Walk.cpp - Finding the files of a repository -----------------------===//
#include "lib/Driver/Walk.h"
#include "lib/Driver/Classify.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <mutex>
#include <sys/stat.h>
#include <system_error>
#include <thread>
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

/// One directory entry as getdents reports it.
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

/// What reading one directory found.
struct DirContents {
  std::vector<WalkEntry> Files;
  std::vector<PendingDir> Dirs;
  unsigned FilesSeen = 0;
};

/// Reads directories of one repository; immutable, so any number of threads
/// may read directories with it at once.
class DirReader {
public:
  DirReader(StringRef Root, const WalkOptions &Options)
      : Root(Root.str()), Options(Options) {}
  DirContents read(const PendingDir &Dir) const;

private:
  void addIgnoreFiles(const PendingDir &Dir, const std::vector<DirEntry> &Es,
                      std::shared_ptr<const IgnoreChain> &Chain) const;
  bool skipped(StringRef RelPath, bool IsDir, const IgnoreChain *Chain) const;
  bool linksToFileInside(const std::string &AbsPath) const;

  std::string Root;
  const WalkOptions &Options;
};

/// Walks one repository on several threads: a shared stack of directories
/// and a queue of found files, taken by whichever thread is free. The thread
/// that read a directory visits its first files itself, without a lock per
/// file; the rest of a large directory goes to the queue, so one huge
/// directory is still shared. Queued files go first, so the queue stays
/// short and visiting files overlaps the reading of the next directories.
class ParallelWalk {
public:
  ParallelWalk(StringRef Root, const WalkOptions &Options, WalkVisitor Visit)
      : Reader(Root, Options), Visit(Visit), Sort(Options.SortFiles) {}
  WalkResult run(unsigned Threads);

private:
  void work(unsigned Worker);
  void add(DirContents &&Found, std::vector<const WalkEntry *> &Own,
           size_t Keep);

  /// Files of a directory that the thread that read it visits itself.
  static constexpr size_t OwnFiles = 16;

  DirReader Reader;
  WalkVisitor Visit;
  bool Sort;
  std::mutex Mutex;
  std::condition_variable Changed;
  std::vector<PendingDir> Dirs;
  std::deque<WalkEntry> Found;         ///< every file found, for the result
  std::deque<const WalkEntry *> Queue; ///< found files not yet visited
  unsigned Reading = 0;                ///< directories being read
  unsigned FilesSeen = 0;
};

} // namespace

static bool isVendoredDir(StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases(".git", "node_modules", "vendor", "third_party", true)
      .Default(false);
}

/// The entries of a directory, sorted by name. getdents64 on a descriptor
/// opened with O_DIRECTORY: no fstat and no DIR buffer per directory.
static std::vector<DirEntry> listDir(const std::string &Path) {
  std::vector<DirEntry> Entries;
  int FD = ::open(Path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (FD < 0)
    return Entries;
  alignas(struct dirent64) char Buffer[32768];
  for (;;) {
    ssize_t N = ::getdents64(FD, Buffer, sizeof(Buffer));
    if (N <= 0)
      break;
    for (ssize_t Off = 0; Off < N;) {
      const auto *E = reinterpret_cast<const struct dirent64 *>(Buffer + Off);
      Off += E->d_reclen;
      StringRef Name = E->d_name;
      if (Name != "." && Name != "..")
        Entries.push_back({Name.str(), E->d_type});
    }
  }
  ::close(FD);
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

void DirReader::addIgnoreFiles(
    const PendingDir &Dir, const std::vector<DirEntry> &Es,
    std::shared_ptr<const IgnoreChain> &Chain) const {
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

bool DirReader::skipped(StringRef RelPath, bool IsDir,
                        const IgnoreChain *Chain) const {
  return isExcluded(RelPath, Options.Exclude) ||
         IgnoreChain::isIgnored(Chain, RelPath, IsDir);
}

bool DirReader::linksToFileInside(const std::string &AbsPath) const {
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

/// The d_type of an entry; lstat only when the file system did not say.
static unsigned char entryType(const std::string &AbsDir, const DirEntry &E) {
  if (E.Type != DT_UNKNOWN)
    return E.Type;
  struct stat St;
  if (lstat((AbsDir + E.Name).c_str(), &St) != 0)
    return DT_UNKNOWN;
  return S_ISDIR(St.st_mode)   ? DT_DIR
         : S_ISLNK(St.st_mode) ? DT_LNK
         : S_ISREG(St.st_mode) ? DT_REG
                               : DT_UNKNOWN;
}

DirContents DirReader::read(const PendingDir &Dir) const {
  DirContents Out;
  std::string AbsDir = Root + "/" + Dir.RelDir;
  std::vector<DirEntry> Es = listDir(AbsDir);
  std::shared_ptr<const IgnoreChain> Chain = Dir.Ignores;
  addIgnoreFiles(Dir, Es, Chain);
  ChartPlace Place;
  Place.BesideChart = hasEntry(Es, "Chart.yaml");
  Place.InChartTemplates = Dir.InChartTemplates;
  for (const DirEntry &E : Es) {
    std::string Rel = Dir.RelDir + E.Name;
    unsigned char Type = entryType(AbsDir, E);
    if (Type == DT_DIR) {
      if (isVendoredDir(E.Name) || Dir.Depth + 1 > Options.MaxDepth ||
          skipped(Rel, true, Chain.get()))
        continue;
      bool Templates =
          Dir.InChartTemplates || (Place.BesideChart && E.Name == "templates");
      Out.Dirs.push_back({Rel + "/", Chain, Templates, Dir.Depth + 1});
      continue;
    }
    if (Type != DT_REG && Type != DT_LNK)
      continue;
    if (Type == DT_LNK && !linksToFileInside(AbsDir + E.Name))
      continue;
    if (skipped(Rel, false, Chain.get()))
      continue;
    ++Out.FilesSeen;
    FileKind Kind = classifyPath(Rel, Place);
    if (Kind != FileKind::Unknown || mayHaveShebang(Rel))
      Out.Files.push_back({std::move(Rel), Kind});
  }
  return Out;
}

/// Records what a directory held: Keep files for the thread that read it
/// (Own), the other files for the queue, subdirectories for the stack.
void ParallelWalk::add(DirContents &&Contents,
                       std::vector<const WalkEntry *> &Own, size_t Keep) {
  FilesSeen += Contents.FilesSeen;
  for (WalkEntry &E : Contents.Files) {
    Found.push_back(std::move(E));
    if (Own.size() < Keep)
      Own.push_back(&Found.back());
    else
      Queue.push_back(&Found.back());
  }
  // Reversed, so the stack hands out the first subdirectory first.
  for (auto It = Contents.Dirs.rbegin(); It != Contents.Dirs.rend(); ++It)
    Dirs.push_back(std::move(*It));
}

void ParallelWalk::work(unsigned Worker) {
  std::vector<const WalkEntry *> Own;
  std::unique_lock<std::mutex> Lock(Mutex);
  for (;;) {
    if (!Queue.empty()) {
      const WalkEntry *E = Queue.front();
      Queue.pop_front();
      Lock.unlock();
      Visit(*E, Worker);
      Lock.lock();
      continue;
    }
    if (!Dirs.empty()) {
      PendingDir Dir = std::move(Dirs.back());
      Dirs.pop_back();
      ++Reading;
      Lock.unlock();
      DirContents Contents = Reader.read(Dir);
      Lock.lock();
      --Reading;
      add(std::move(Contents), Own, OwnFiles);
      Changed.notify_all();
      Lock.unlock();
      for (const WalkEntry *E : Own)
        Visit(*E, Worker);
      Own.clear();
      Lock.lock();
      continue;
    }
    if (Reading == 0)
      return;
    Changed.wait(Lock);
  }
}

WalkResult ParallelWalk::run(unsigned Threads) {
  // The root is read before any helper starts: an empty directory or a
  // single file costs no thread.
  std::vector<const WalkEntry *> None;
  add(Reader.read({"", nullptr, false, 0}), None, 0);
  bool Shared = !Dirs.empty() || Queue.size() > 1;
  runOnThreads(Shared ? Threads : 1, [this](unsigned Worker) { work(Worker); });
  WalkResult Result;
  Result.FilesSeen = FilesSeen;
  Result.Files.assign(std::make_move_iterator(Found.begin()),
                      std::make_move_iterator(Found.end()));
  if (Sort)
    std::sort(Result.Files.begin(), Result.Files.end(),
              [](const WalkEntry &A, const WalkEntry &B) {
                return A.RelPath < B.RelPath;
              });
  return Result;
}

void runOnThreads(unsigned Threads, function_ref<void(unsigned)> Work) {
  std::vector<std::thread> Helpers;
  for (unsigned T = 1; T < Threads; ++T) {
    try {
      Helpers.emplace_back([Work, T] { Work(T); });
    } catch (const std::system_error &) {
      break;
    }
  }
  Work(0);
  for (std::thread &T : Helpers)
    T.join();
}

WalkResult walkRepository(StringRef Root, const WalkOptions &Options,
                          unsigned Threads, WalkVisitor Visit) {
  return ParallelWalk(Root, Options, Visit).run(std::max(1u, Threads));
}

WalkResult walkRepository(StringRef Root, const WalkOptions &Options) {
  return walkRepository(Root, Options, 1, [](const WalkEntry &, unsigned) {});
}

} // namespace adminlint
