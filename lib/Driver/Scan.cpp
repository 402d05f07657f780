//===- Scan.cpp - Scan a repository and collect its findings --------------===//
#include "lib/Driver/Scan.h"
#include "lib/Check/Check.h"
#include "lib/Driver/Baseline.h"
#include "lib/Driver/Classify.h"
#include "lib/Driver/Config.h"
#include "lib/Driver/CxxFrontend.h"
#include "lib/Driver/Suppression.h"
#include "lib/Driver/Walk.h"
#include "lib/Model/DependencyManifest.h"
#include "lib/Model/Kustomize.h"
#include "lib/Model/PythonScript.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Threading.h"
#include <algorithm>
#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

using namespace llvm;

namespace adminlint {

unsigned ScanResult::count(Level L) const {
  return std::count_if(
      Diagnostics.begin(), Diagnostics.end(),
      [&](const Diagnostic &D) { return !D.Suppressed && D.Severity == L; });
}

std::array<unsigned, NumRules> ScanResult::countByRule() const {
  std::array<unsigned, NumRules> Counts{};
  for (const Diagnostic &D : Diagnostics)
    if (!D.Suppressed)
      ++Counts[static_cast<unsigned>(D.Rule)];
  return Counts;
}

bool ScanResult::failed() const {
  if (!FailOn)
    return false;
  return std::any_of(Diagnostics.begin(), Diagnostics.end(),
                     [&](const Diagnostic &D) {
                       return !D.Suppressed && D.Severity >= *FailOn;
                     });
}

static Error usageError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), "error: " + Message);
}

static double secondsSince(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
      .count();
}

namespace {

/// A path the user named, relative to the root.
struct ScannedPath {
  std::string RelPath; ///< "" for the root itself
  bool IsDir = true;
};

/// What one worker found in one file.
struct FileResult {
  std::vector<Diagnostic> Diags;
  std::shared_ptr<const FileAnalysis> Kept;
  SourceFileRef File;
  std::vector<SuppressionDirective> Directives;
  std::vector<Notification> Notes;
  bool Analysed = false;
  bool Skipped = false;

  bool empty() const {
    return !Analysed && !Skipped && Diags.empty() && Notes.empty();
  }
};

/// A file's result with its path: results are merged in path order.
struct PathResult {
  std::string RelPath;
  FileResult R;
};

/// What a pre-commit scan reads of the files it was not given, besides the
/// kinds every scan models: decided from the analyses of the given files
/// (docs/architecture.md, "Pre-commit").
struct PreCommitNeeds {
  /// A given standalone Python, Ruby or Node script bootstraps the app:
  /// ADM101 asks which framework the repository has (manage.py, apps.py,
  /// models.py, a Flask app or a Django app module).
  bool Frameworks = false;
  /// A given Ruby or Node script does: ADM101 also asks for a Rakefile or
  /// bin/rails, an artisan, and package.json files.
  bool ScriptFrameworks = false;
  /// A given dependency manifest: ADM102 compares it with the app's.
  bool Manifests = false;
  /// Base names of given shell scripts: ADM501 and ADM502 report in the
  /// script a Dockerfile names, the nearest one with that base name.
  StringSet<> ScriptNames;
  /// A given file of a kind not placed yet: everything is read.
  bool All = false;

  /// Whether a deferred file may be needed, before it is read (its kind by
  /// path).
  bool mayWant(const WalkEntry &E) const;
  /// Whether a deferred file is needed, once read (its kind by path or
  /// shebang).
  bool wants(FileKind Kind, StringRef RelPath, StringRef Text) const;
};

/// One scan: resolves paths and config, walks, analyses files in parallel,
/// runs the repository checks and filters the findings.
class Scanner {
public:
  explicit Scanner(const ScanOptions &Options) : Options(Options) {}
  Expected<ScanResult> run();

private:
  Error resolvePaths();
  Error loadConfiguration();
  Error selectRules();
  void createCheckObjects();
  bool preCommit() const;
  std::vector<WalkEntry> walkAndAnalyse();
  std::vector<WalkEntry> givenOutsideWalk(const std::vector<WalkEntry> &Files);
  void analyseEach(const std::vector<WalkEntry> &Files,
                   const PreCommitNeeds *Needs,
                   std::vector<std::vector<PathResult>> &Out);
  PreCommitNeeds
  preCommitNeeds(const std::vector<std::vector<PathResult>> &Results) const;
  void ensureChecks();
  void analyseCxx(const std::vector<WalkEntry> &Files);
  std::vector<std::string> reportedScope() const;
  FileResult checkCxxFile(std::shared_ptr<FileAnalysis> A) const;
  FileResult analyse(const WalkEntry &Entry,
                     const PreCommitNeeds *Needs = nullptr) const;
  bool readFile(const WalkEntry &Entry, FileKind &Kind, std::string &Text,
                FileResult &R) const;
  void runChecks(const FileAnalysis &A, FileResult &R) const;
  void merge(FileResult &R);
  void checkRepository();
  void applySuppressions();
  void applyPathSettings();
  bool reported(StringRef RelPath) const;
  std::string contextPath(StringRef RelPath) const;
  std::string displayPrefix(StringRef Cwd) const;

  const ScanOptions &Options;
  std::string Cwd;
  std::string Root;
  std::vector<ScannedPath> Scanned;
  std::string StdinRel;
  Config Cfg;
  std::unique_ptr<CheckSettings> Settings;
  std::unique_ptr<AdminMatcher> Matcher;
  RuleSet Ran, Reported;
  std::vector<std::unique_ptr<Check>> Checks;
  std::mutex ChecksMutex;
  bool ChecksCreated = false;
  std::string Today;

  RepoModel Model;
  SuppressionIndex Suppressions;
  ScanResult Result;
};

} // namespace

/// Makes Path absolute against Cwd and removes `.` and `..`.
static std::string absolutePath(StringRef Path, StringRef Cwd) {
  SmallString<256> Abs(Path);
  if (!sys::path::is_absolute(Abs)) {
    Abs = Cwd;
    sys::path::append(Abs, Path);
  }
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs.str());
}

static Expected<std::string> canonicalPath(StringRef Path, StringRef Cwd) {
  SmallString<256> Real;
  if (std::error_code EC = sys::fs::real_path(absolutePath(Path, Cwd), Real))
    return usageError("cannot read '" + Path + "': " + EC.message());
  return std::string(Real.str());
}

/// The path of Abs relative to Root, or None when it is outside.
static Optional<std::string> relativeTo(StringRef Abs, StringRef Root) {
  if (Abs == Root)
    return std::string();
  if (!Abs.startswith(Root) || Abs.drop_front(Root.size()).front() != '/')
    return None;
  return Abs.drop_front(Root.size() + 1).str();
}

Error Scanner::resolvePaths() {
  SmallString<256> Current;
  if (std::error_code EC = sys::fs::current_path(Current))
    return usageError("cannot read the current directory: " + EC.message());
  Cwd = std::string(Current.str());
  std::vector<std::pair<std::string, bool>> Abs;
  if (Options.Stdin) {
    std::string Name = absolutePath(Options.Stdin->Name, Cwd);
    SmallString<256> Parent(sys::path::parent_path(Name));
    SmallString<256> RealParent;
    if (!sys::fs::real_path(Parent, RealParent))
      Name = (RealParent + "/" + sys::path::filename(Name)).str();
    Abs.push_back({Name, false});
  }
  std::vector<std::string> Paths = Options.Paths;
  if (Paths.empty() && !Options.Stdin)
    Paths.push_back(".");
  for (const std::string &P : Paths) {
    Expected<std::string> Real = canonicalPath(P, Cwd);
    if (!Real)
      return Real.takeError();
    Abs.push_back({*Real, sys::fs::is_directory(*Real)});
  }
  if (!Options.Root.empty()) {
    Expected<std::string> Real = canonicalPath(Options.Root, Cwd);
    if (!Real)
      return Real.takeError();
    Root = *Real;
  } else {
    const auto &First = Abs.front();
    Root =
        findRepositoryRoot(First.second ? StringRef(First.first)
                                        : sys::path::parent_path(First.first));
  }
  for (const auto &A : Abs) {
    Optional<std::string> Rel = relativeTo(A.first, Root);
    if (!Rel)
      return usageError("'" + A.first + "' is outside the repository root '" +
                        Root + "'");
    Scanned.push_back({*Rel, A.second});
  }
  if (Options.Stdin)
    StdinRel = Scanned.front().RelPath;
  return Error::success();
}

/// Whether Path is a regular file whose real path is inside Root.
static bool regularFileInside(const std::string &Path, StringRef Root) {
  SmallString<256> Real;
  if (sys::fs::real_path(Path, Real) || !sys::fs::is_regular_file(Real))
    return false;
  return relativeTo(Real, Root).hasValue();
}

/// The nearest `.adminlint.yaml` from Dir up to Root, or "". A config that
/// is a link out of the repository is not read.
static std::string findConfig(StringRef Dir, StringRef Root) {
  for (StringRef D = Dir; D.size() >= Root.size();
       D = sys::path::parent_path(D)) {
    std::string Candidate = (D + "/.adminlint.yaml").str();
    if (regularFileInside(Candidate, Root))
      return Candidate;
    if (D == Root)
      break;
  }
  return "";
}

Error Scanner::loadConfiguration() {
  std::string Path = Options.ConfigPath;
  if (Path.empty()) {
    const ScannedPath &First = Scanned.front();
    std::string Dir = Root;
    if (!First.RelPath.empty())
      Dir += "/" + First.RelPath;
    if (!First.IsDir)
      Dir = sys::path::parent_path(Dir).str();
    Path = findConfig(Dir, Root);
  }
  if (Path.empty())
    return Error::success();
  Expected<Config> C = loadConfig(Path);
  if (!C)
    return C.takeError();
  Cfg = std::move(*C);
  SmallString<256> Real;
  if (!sys::fs::real_path(sys::path::parent_path(Path), Real))
    if (Optional<std::string> Dir = relativeTo(Real, Root))
      rebaseGlobs(Cfg, *Dir);
  return Error::success();
}

/// The scripts of the root's package.json (which `npm|yarn|pnpm run NAME`
/// in the repository's CI files, Dockerfiles and scripts resolve against),
/// or none when it is missing, a link out of the root or too big.
static PackageScripts rootPackageScripts(StringRef Root,
                                         const ScanOptions &Options) {
  std::string Path = (Root + "/package.json").str();
  uint64_t Size = 0;
  if (!regularFileInside(Path, Root) || sys::fs::file_size(Path, Size) ||
      Size > Options.MaxFileSize)
    return {};
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return {};
  return parsePackageScripts((*Buf)->getBuffer(), Options.Limits);
}

void Scanner::createCheckObjects() {
  // Built only when there is a file to check: the builtin vocabulary is
  // parsed on first use, and an empty directory should cost nothing.
  Settings = std::make_unique<CheckSettings>();
  Settings->AppImage = Cfg.AppImage;
  Settings->Framework = Cfg.Framework;
  Settings->RegistryAliases = Cfg.RegistryAliases;
  PackageScripts Packages = rootPackageScripts(Root, Options);
  if (!Cfg.AdminCommands.empty() || !Packages.empty()) {
    std::vector<AdminVocabularyEntry> Entries(
        AdminMatcher::builtin().entries().begin(),
        AdminMatcher::builtin().entries().end());
    Entries.insert(Entries.end(), Cfg.AdminCommands.begin(),
                   Cfg.AdminCommands.end());
    Matcher =
        std::make_unique<AdminMatcher>(std::move(Entries), std::move(Packages));
    Settings->Admin = Matcher.get();
  }
  std::vector<RuleId> Ids;
  for (const RuleInfo &R : allRules())
    if (Ran.test(static_cast<unsigned>(R.Id)) && hasCheck(R.Id))
      Ids.push_back(R.Id);
  Checks = createChecks(Ids, *Settings);
}

static Expected<RuleSet> flagRules(ArrayRef<std::string> Selectors,
                                   StringRef Flag) {
  std::string Unknown;
  RuleSet Rules = resolveRules(Selectors, Unknown);
  if (Unknown.empty())
    return Rules;
  std::string Msg = "unknown rule '" + Unknown + "' in " + Flag.str();
  StringRef Near = suggestRule(Unknown);
  if (!Near.empty())
    Msg += "; did you mean '" + Near.str() + "'?";
  return usageError(Msg);
}

Error Scanner::selectRules() {
  RuleSet All;
  All.set();
  RuleSet Enabled = Cfg.HasSelect ? Cfg.Select : All;
  if (!Options.Select.empty()) {
    Expected<RuleSet> S = flagRules(Options.Select, "--select");
    if (!S)
      return S.takeError();
    Enabled = *S;
  }
  Expected<RuleSet> I = flagRules(Options.Ignore, "--ignore");
  if (!I)
    return I.takeError();
  Enabled &= ~(Cfg.Ignore | *I);
  Ran = Enabled;
  Reported = Enabled;
  if (Options.OnlyRules) {
    Ran = All;
    Reported.reset();
    for (RuleId Id : *Options.OnlyRules)
      Reported.set(static_cast<unsigned>(Id));
  }
  return Error::success();
}

/// The given files (not directories) that the walk did not list (ignored,
/// excluded by an ignore file, in a vendored directory, or not a candidate
/// by name), classified by path.
std::vector<WalkEntry>
Scanner::givenOutsideWalk(const std::vector<WalkEntry> &Files) {
  std::vector<WalkEntry> Extra;
  for (const ScannedPath &P : Scanned) {
    if (P.IsDir || isExcluded(P.RelPath, Cfg.Exclude))
      continue;
    bool Listed =
        std::any_of(Files.begin(), Files.end(),
                    [&](const WalkEntry &E) { return E.RelPath == P.RelPath; });
    bool Twice =
        std::any_of(Extra.begin(), Extra.end(),
                    [&](const WalkEntry &E) { return E.RelPath == P.RelPath; });
    if (!Listed && !Twice)
      Extra.push_back({P.RelPath, classifyPath(P.RelPath)});
  }
  return Extra;
}

bool Scanner::reported(StringRef RelPath) const {
  for (const ScannedPath &P : Scanned) {
    if (P.RelPath.empty() || RelPath == P.RelPath)
      return true;
    if (P.IsDir && RelPath.startswith(P.RelPath) &&
        RelPath[P.RelPath.size()] == '/')
      return true;
  }
  return false;
}

std::string Scanner::contextPath(StringRef RelPath) const {
  size_t Strip = 0;
  for (const ScannedPath &P : Scanned)
    if (P.IsDir && !P.RelPath.empty() && RelPath.startswith(P.RelPath + "/"))
      Strip = std::max(Strip, P.RelPath.size() + 1);
  return RelPath.drop_front(Strip).str();
}

static Diagnostic fileNote(RuleId Rule, const SourceFileRef &File,
                           std::string Message) {
  Diagnostic D;
  D.Rule = Rule;
  D.Severity = ruleInfo(Rule).DefaultLevel;
  D.Message = std::move(Message);
  D.Primary.File = File;
  return D;
}

/// Records a file that a safety limit skipped: an ADM902 note and a
/// notification.
static void skipFile(FileResult &R, StringRef RelPath, std::string Message) {
  R.Skipped = true;
  R.File = std::make_shared<SourceFile>(RelPath.str(), "");
  R.Notes.push_back({Level::Note, RelPath.str(), Message, false, true});
  R.Diags.push_back(fileNote(RuleId::ScanLimit, R.File, std::move(Message)));
}

/// Reads up to Size bytes of an open file into Text.
static void readAll(int FD, size_t Size, std::string &Text) {
  Text.resize(Size);
  size_t Done = 0;
  while (Done < Size) {
    ssize_t N = ::read(FD, &Text[Done], Size - Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      break;
    Done += N;
  }
  Text.resize(Done);
}

bool Scanner::readFile(const WalkEntry &Entry, FileKind &Kind,
                       std::string &Text, FileResult &R) const {
  std::string Abs = Root + "/" + Entry.RelPath;
  // O_NONBLOCK: a FIFO named like a script must not block the scan.
  int FD = ::open(Abs.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  struct stat St;
  bool Regular = FD >= 0 && fstat(FD, &St) == 0 && S_ISREG(St.st_mode);
  if (!Regular) {
    std::string Why = FD < 0 ? strerror(errno) : "not a regular file";
    if (FD >= 0)
      ::close(FD);
    R.Notes.push_back(
        {Level::Warning, Entry.RelPath, "cannot read the file: " + Why, false});
    return false;
  }
  if (Kind == FileKind::Unknown) {
    std::string Head;
    readAll(FD, std::min<size_t>(St.st_size, 256), Head);
    Kind = classifyShebang(StringRef(Head).split('\n').first.rtrim("\r"));
    if (Kind == FileKind::Unknown) {
      ::close(FD);
      return false;
    }
    ::lseek(FD, 0, SEEK_SET);
  }
  if (static_cast<uint64_t>(St.st_size) > Options.MaxFileSize) {
    ::close(FD);
    skipFile(R, Entry.RelPath,
             "file skipped: " + std::to_string(St.st_size) +
                 " bytes is over the size limit of " +
                 std::to_string(Options.MaxFileSize) +
                 "; raise it with --max-file-size");
    return false;
  }
  readAll(FD, St.st_size, Text);
  ::close(FD);
  return true;
}

void Scanner::runChecks(const FileAnalysis &A, FileResult &R) const {
  Reporter Rep(R.Diags);
  for (const auto &C : Checks) {
    try {
      C->checkFile(A, Rep);
    } catch (const std::exception &E) {
      R.Notes.push_back({Level::Error, A.File->path().str(),
                         "internal error in the check of " +
                             ruleInfo(C->rule()).Code.str() + ": " + E.what(),
                         true});
    } catch (...) {
      R.Notes.push_back(
          {Level::Error, A.File->path().str(),
           "internal error in the check of " + ruleInfo(C->rule()).Code.str(),
           true});
    }
  }
}

/// Whether a file of this kind is worth reading: a frontend parses it, or a
/// repository check reads it as it is (package.json scripts).
static bool worthReading(FileKind Kind) {
  return Kind == FileKind::Unknown || Kind == FileKind::PackageJson ||
         frontendFor(Kind) != nullptr;
}

/// Whether the repository checks need a Python file: it tells the framework
/// (manage.py, an app module, a Flask app), or it is a standalone script that
/// bootstraps the app or runs shell code (ADM101, scripts a Dockerfile runs).
/// Imported modules are most Python files and are dropped, so memory does not
/// grow with the number of files.
static bool pythonWorthKeeping(const FileAnalysis &A) {
  const auto *M = A.model<PythonScriptModel>();
  if (!M)
    return false;
  StringRef Name = sys::path::filename(A.File->path(), sys::path::Style::posix);
  if (Name == "manage.py" || Name == "apps.py" || Name == "models.py" ||
      M->DefinesFlaskApp || M->DefinesDjangoApp)
    return true;
  return M->Standalone && (!M->Bootstrap.empty() || !A.Shell.empty());
}

/// Whether the repository checks need a file's analysis: it has workloads or
/// a typed model, it is a dependency manifest, or it is a shell script that
/// a Dockerfile may name as its entrypoint.
static bool worthKeeping(const FileAnalysis &A) {
  if (A.Kind == FileKind::Python)
    return pythonWorthKeeping(A);
  return !A.Workloads.empty() || A.Model ||
         A.Kind == FileKind::DependencyManifest ||
         A.Kind == FileKind::PackageJson || A.Kind == FileKind::ShellScript;
}

/// Whether parsing and checking a file took longer than --max-file-time; its
/// findings and model are then dropped for one ADM902 note, so a pathological
/// file costs one budget and leaves no partial results behind.
static bool overTimeBudget(std::chrono::steady_clock::time_point Start,
                           const FrontendLimits &Limits, StringRef RelPath,
                           FileResult &R) {
  auto Spent = std::chrono::duration_cast<std::chrono::microseconds>(
                   std::chrono::steady_clock::now() - Start)
                   .count();
  if (Spent <= int64_t(Limits.MaxMillisecondsPerFile) * 1000)
    return false;
  R.Diags.clear();
  // The measured time stays out of the message: output must not depend on
  // the machine's load beyond whether the budget tripped.
  skipFile(R, RelPath,
           "file cut short: parsing and checking took longer than the "
           "per-file time limit of " +
               std::to_string(Limits.MaxMillisecondsPerFile) +
               " ms; raise it with --max-file-time");
  return true;
}

static bool looksBinary(StringRef Text) {
  return Text.take_front(8192).contains('\0');
}

FileResult Scanner::analyse(const WalkEntry &Entry,
                            const PreCommitNeeds *Needs) const {
  FileResult R;
  FileKind Kind = Entry.Kind;
  if (!worthReading(Kind))
    return R;
  std::string Text;
  if (Entry.RelPath == StdinRel && Options.Stdin) {
    Text = Options.Stdin->Text;
    if (Kind == FileKind::Unknown)
      Kind = classifyShebang(StringRef(Text).split('\n').first.rtrim("\r"));
    if (Kind == FileKind::Unknown)
      return R;
  } else if (!readFile(Entry, Kind, Text, R)) {
    return R;
  }
  if (Needs && !Needs->wants(Kind, Entry.RelPath, Text))
    return R;
  if (looksBinary(Text)) {
    skipFile(R, Entry.RelPath,
             "binary file skipped: a NUL byte in its first 8 KiB");
    return R;
  }
  R.Analysed = true;
  auto Start = std::chrono::steady_clock::now();
  auto A = std::make_shared<FileAnalysis>();
  A->File = R.File =
      std::make_shared<SourceFile>(Entry.RelPath, std::move(Text));
  A->Kind = Kind;
  A->Ctx =
      classifyContext(Entry.RelPath, contextPath(Entry.RelPath), Cfg.Contexts);
  if (FrontendFn Frontend = frontendFor(Kind)) {
    try {
      Frontend(*A, Options.Limits);
    } catch (...) {
      R.Notes.push_back({Level::Error, Entry.RelPath,
                         "internal error while parsing the file", true});
    }
  }
  // The config's `contexts` has the last word over what a frontend inferred
  // (a compose file named like a local one that the config declares
  // production).
  if (Optional<Context> Configured =
          configuredContext(Entry.RelPath, Cfg.Contexts))
    A->Ctx = *Configured;
  for (const Diagnostic &D : A->Diags)
    if (D.Rule == RuleId::ParseError)
      R.Notes.push_back({Level::Warning, Entry.RelPath,
                         "cannot parse the file: " + D.Message, false, true});
  if (reported(Entry.RelPath))
    runChecks(*A, R);
  if (overTimeBudget(Start, Options.Limits, Entry.RelPath, R))
    return R;
  R.Diags.insert(R.Diags.end(), A->Diags.begin(), A->Diags.end());
  A->Diags.clear();
  if (A->File->text().contains("adminlint ignore"))
    R.Directives = findDirectives(*A->File, Today);
  if (worthKeeping(*A))
    R.Kept = std::move(A);
  // Until the merge, the text stays only where a finding, a suppression or
  // the model points at it: memory grows with those, not with the files.
  if (R.Directives.empty())
    R.File.reset();
  return R;
}

void Scanner::merge(FileResult &R) {
  Result.Stats.FilesAnalysed += R.Analysed;
  Result.Stats.FilesSkipped += R.Skipped;
  for (Diagnostic &D : R.Diags)
    Result.Diagnostics.push_back(std::move(D));
  for (Notification &N : R.Notes)
    Result.Notifications.push_back(std::move(N));
  if (!R.Directives.empty())
    Suppressions.add(R.File, std::move(R.Directives));
  if (!R.Kept)
    return;
  ++Result.Stats.FilesKept;
  for (const Workload &W : R.Kept->Workloads)
    Model.Workloads.push_back(&W);
  Model.Files.push_back(std::move(R.Kept));
}

/// Creates the checks on first use, under a mutex that every worker takes
/// once before its first check runs (a plain mutex, which race detectors
/// such as helgrind follow, unlike pthread_once).
void Scanner::ensureChecks() {
  std::lock_guard<std::mutex> Lock(ChecksMutex);
  if (ChecksCreated)
    return;
  createCheckObjects();
  ChecksCreated = true;
}

/// The number of worker threads: -j, else all cores.
static unsigned threadCount(unsigned Jobs) {
  return std::max(1u, hardware_concurrency(Jobs).compute_thread_count());
}

void Scanner::analyseEach(const std::vector<WalkEntry> &Files,
                          const PreCommitNeeds *Needs,
                          std::vector<std::vector<PathResult>> &Out) {
  if (Files.empty())
    return;
  ensureChecks();
  unsigned Threads = std::min<size_t>(Out.size(), Files.size());
  std::atomic<size_t> Next{0};
  runOnThreads(Threads, [&](unsigned Worker) {
    for (size_t I = Next++; I < Files.size(); I = Next++) {
      FileResult R = analyse(Files[I], Needs);
      if (!R.empty())
        Out[Worker].push_back({Files[I].RelPath, std::move(R)});
    }
  });
}

/// How a pre-commit scan treats a file it was not given, by kind.
/// A kind not listed here (one added later) is always read, and a given file
/// of such a kind makes a pre-commit scan read everything: new kinds cost
/// time until they are placed, never findings.
enum class PreCommitUse {
  Always,   ///< workloads, Dockerfiles, Helm and kustomize: the release model
  Deferred, ///< read only when the given files need it (PreCommitNeeds)
  Never,    ///< no repository check reads it for another file's finding
};

static PreCommitUse preCommitUse(FileKind Kind) {
  switch (Kind) {
  case FileKind::Unknown:
  case FileKind::ShellScript:
  case FileKind::Python:
  case FileKind::Ruby:
  case FileKind::JavaScript:
  case FileKind::Artisan:
  case FileKind::PackageJson:
  case FileKind::DependencyManifest:
    return PreCommitUse::Deferred;
  case FileKind::Makefile:
  case FileKind::Cxx:
  case FileKind::GithubWorkflow:
  case FileKind::GitlabCi:
  case FileKind::CompileCommands:
    return PreCommitUse::Never;
  default:
    return PreCommitUse::Always;
  }
}

/// Whether the findings of a given file of this kind are known to depend on
/// no more than the Always kinds and PreCommitNeeds.
static bool placedKind(FileKind Kind) {
  switch (Kind) {
  case FileKind::Dockerfile:
  case FileKind::Procfile:
  case FileKind::Yaml:
  case FileKind::Compose:
  case FileKind::HelmChart:
  case FileKind::HelmValues:
  case FileKind::HelmTemplate:
  case FileKind::Kustomization:
  case FileKind::AppJson:
    return true;
  default:
    return preCommitUse(Kind) != PreCommitUse::Always;
  }
}

static StringRef baseName(StringRef RelPath) {
  return sys::path::filename(RelPath, sys::path::Style::posix);
}

/// Whether a Python file may tell ADM101 the repository's framework: by its
/// name, or because its text has a word that DefinesFlaskApp or
/// DefinesDjangoApp needs (`Flask(`, `def create_app`, an `AppConfig` or
/// `models.Model` base class). A file without any of them cannot.
static bool mayTellFramework(StringRef RelPath, StringRef Text) {
  StringRef Name = baseName(RelPath);
  if (Name == "manage.py" || Name == "apps.py" || Name == "models.py")
    return true;
  return Text.contains("Flask") || Text.contains("create_app") ||
         Text.contains("AppConfig") || Text.contains("Model");
}

/// Whether a Ruby file may tell ADM101 that the repository has rake tasks.
static bool isRakeMarker(StringRef RelPath) {
  StringRef Name = baseName(RelPath);
  return Name == "Rakefile" || Name == "rakefile" || RelPath == "bin/rails" ||
         RelPath.endswith("/bin/rails");
}

bool PreCommitNeeds::mayWant(const WalkEntry &E) const {
  if (All)
    return true;
  switch (E.Kind) {
  case FileKind::Unknown:
    // Its kind is known once its shebang was read.
    return true;
  case FileKind::Python:
    return Frameworks;
  case FileKind::Ruby:
    return ScriptFrameworks && isRakeMarker(E.RelPath);
  case FileKind::Artisan:
    return ScriptFrameworks;
  case FileKind::ShellScript:
    return ScriptNames.count(baseName(E.RelPath));
  case FileKind::PackageJson:
    return Manifests || ScriptFrameworks;
  case FileKind::DependencyManifest:
    return Manifests;
  default:
    return false;
  }
}

bool PreCommitNeeds::wants(FileKind Kind, StringRef RelPath,
                           StringRef Text) const {
  if (All)
    return true;
  switch (Kind) {
  case FileKind::Python:
    return Frameworks && mayTellFramework(RelPath, Text);
  case FileKind::Ruby:
  case FileKind::Artisan:
  case FileKind::PackageJson:
  case FileKind::JavaScript:
    return mayWant({RelPath.str(), Kind});
  case FileKind::ShellScript:
    return ScriptNames.count(baseName(RelPath));
  case FileKind::DependencyManifest:
    return Manifests;
  default:
    // A file of unknown kind whose shebang names a kind read by every scan.
    return preCommitUse(Kind) == PreCommitUse::Always;
  }
}

bool Scanner::preCommit() const {
  return !Options.NoWalk &&
         std::none_of(Scanned.begin(), Scanned.end(),
                      [](const ScannedPath &P) { return P.IsDir; });
}

PreCommitNeeds Scanner::preCommitNeeds(
    const std::vector<std::vector<PathResult>> &Results) const {
  PreCommitNeeds Needs;
  for (const std::vector<PathResult> &Worker : Results) {
    for (const PathResult &P : Worker) {
      const FileAnalysis *A = P.R.Kept.get();
      if (!A || !reported(P.RelPath))
        continue;
      bool Script = A->Kind == FileKind::Python || A->Kind == FileKind::Ruby ||
                    A->Kind == FileKind::JavaScript;
      const auto *M = Script ? A->model<PythonScriptModel>() : nullptr;
      bool Bootstraps = M && M->Standalone && !M->Bootstrap.empty();
      Needs.Frameworks |= Bootstraps;
      Needs.ScriptFrameworks |= Bootstraps && A->Kind != FileKind::Python;
      Needs.Manifests |= A->Kind == FileKind::DependencyManifest ||
                         A->Kind == FileKind::PackageJson;
      if (A->Kind == FileKind::ShellScript)
        Needs.ScriptNames.insert(baseName(P.RelPath));
      Needs.All |= !placedKind(A->Kind);
    }
  }
  return Needs;
}

/// Walks the root on the worker threads and analyses each file as soon as
/// the walk finds it; then the given files the walk did not list and, in a
/// pre-commit scan, the deferred files the given ones need. Results are
/// merged in path order, so the output does not depend on the threads.
std::vector<WalkEntry> Scanner::walkAndAnalyse() {
  unsigned Threads = threadCount(Options.Jobs);
  std::vector<std::vector<PathResult>> Results(Threads);
  std::vector<WalkEntry> Files;
  auto Start = std::chrono::steady_clock::now();
  if (!Options.NoWalk) {
    WalkOptions WO;
    WO.NoIgnore = Options.NoIgnore;
    WO.Exclude = Cfg.Exclude;
    // Results are merged in path order; the list of files needs no order.
    WO.SortFiles = false;
    bool Partial = preCommit();
    std::vector<char> WorkerReady(Threads);
    WalkResult W = walkRepository(
        Root, WO, Threads, [&](const WalkEntry &E, unsigned Worker) {
          if (!WorkerReady[Worker]) {
            ensureChecks();
            WorkerReady[Worker] = true;
          }
          if (Partial && preCommitUse(E.Kind) != PreCommitUse::Always &&
              !reported(E.RelPath))
            return;
          FileResult R = analyse(E);
          if (!R.empty())
            Results[Worker].push_back({E.RelPath, std::move(R)});
        });
    Result.Stats.FilesWalked = W.FilesSeen;
    Files = std::move(W.Files);
  }
  Result.Stats.WalkSeconds = secondsSince(Start);
  std::vector<WalkEntry> Extra = givenOutsideWalk(Files);
  analyseEach(Extra, nullptr, Results);
  Files.insert(Files.end(), Extra.begin(), Extra.end());
  if (!Options.NoWalk && preCommit()) {
    PreCommitNeeds Needs = preCommitNeeds(Results);
    std::vector<WalkEntry> Deferred;
    for (const WalkEntry &E : Files)
      if (preCommitUse(E.Kind) == PreCommitUse::Deferred &&
          !reported(E.RelPath) && Needs.mayWant(E))
        Deferred.push_back(E);
    analyseEach(Deferred, &Needs, Results);
  }
  std::vector<PathResult *> All;
  for (std::vector<PathResult> &Worker : Results)
    for (PathResult &P : Worker)
      All.push_back(&P);
  std::sort(All.begin(), All.end(),
            [](const PathResult *A, const PathResult *B) {
              return A->RelPath < B->RelPath;
            });
  for (PathResult *P : All)
    merge(P->R);
  Result.Stats.AnalyseSeconds = secondsSince(Start);
  return Files;
}

FileResult Scanner::checkCxxFile(std::shared_ptr<FileAnalysis> A) const {
  FileResult R;
  R.Analysed = true;
  R.File = A->File;
  StringRef RelPath = A->File->path();
  A->Ctx = classifyContext(RelPath, contextPath(RelPath), Cfg.Contexts);
  if (reported(RelPath))
    runChecks(*A, R);
  R.Diags.insert(R.Diags.end(), A->Diags.begin(), A->Diags.end());
  A->Diags.clear();
  if (A->File->text().contains("adminlint ignore"))
    R.Directives = findDirectives(*A->File, Today);
  if (worthKeeping(*A))
    R.Kept = std::move(A);
  return R;
}

static bool hasCxxSources(const std::vector<WalkEntry> &Files) {
  return std::any_of(Files.begin(), Files.end(), [](const WalkEntry &E) {
    return E.Kind == FileKind::Cxx;
  });
}

/// Runs the adminlint-cxx child (never linked in: libclang stays out of this
/// binary) when the tree has C/C++ sources and a compilation database, and
/// checks the files it returns like any other. Its problems are notes only.
/// The absolute paths findings are reported under, or none when the whole
/// root is.
std::vector<std::string> Scanner::reportedScope() const {
  std::vector<std::string> Out;
  for (const ScannedPath &P : Scanned) {
    if (P.RelPath.empty())
      return {};
    Out.push_back(Root + "/" + P.RelPath);
  }
  return Out;
}

void Scanner::analyseCxx(const std::vector<WalkEntry> &Files) {
  if (Options.NoWalk || !hasCxxSources(Files))
    return;
  // No repository check reads a C/C++ file for another file's finding, so
  // only the C/C++ sources in the given PATHs are parsed (`adminlint check
  // examples` in a C++ repository does not compile the whole project).
  if (std::none_of(Files.begin(), Files.end(), [&](const WalkEntry &E) {
        return E.Kind == FileKind::Cxx && reported(E.RelPath);
      }))
    return;
  CxxFrontendOptions Opts;
  Opts.Root = Root;
  Opts.Under = reportedScope();
  if (!Options.CompileCommands.empty())
    Opts.CompileCommands = absolutePath(Options.CompileCommands, Cwd);
  else
    Opts.CompileCommands = findCompileCommands(Root);
  if (Opts.CompileCommands.empty())
    return;
  Opts.MaxFileSize = Options.MaxFileSize;
  CxxFrontendResult Cxx = runCxxFrontend(Opts);
  Result.Stats.CxxSeconds = Cxx.Seconds;
  for (std::string &Note : Cxx.Notes)
    Result.Notifications.push_back({Level::Note, "", std::move(Note), false});
  for (std::shared_ptr<FileAnalysis> &A : Cxx.Files) {
    if (!A || !A->File || isExcluded(A->File->path(), Cfg.Exclude))
      continue;
    FileResult R = checkCxxFile(std::move(A));
    merge(R);
  }
}

void Scanner::checkRepository() {
  Model.Root = Root;
  Result.Stats.Workloads = Model.Workloads.size();
  Reporter Rep(Result.Diagnostics);
  for (const auto &C : Checks) {
    try {
      C->checkRepository(Model, Rep);
    } catch (...) {
      Result.Notifications.push_back(
          {Level::Error, "",
           "internal error in the repository check of " +
               ruleInfo(C->rule()).Code.str(),
           true});
    }
  }
  // A cycle between kustomizations shows only across files: an ADM900 at the
  // resource entry that closes it.
  for (Diagnostic &D : kustomize::buildKustomizations(Model).Problems)
    Result.Diagnostics.push_back(std::move(D));
}

void Scanner::applySuppressions() {
  for (const auto &F : Model.Files) {
    std::vector<SuppressionDirective> Annotations;
    for (const Workload &W : F->Workloads)
      if (!W.IgnoreAnnotation.empty())
        Annotations.push_back(annotationDirective(W, Today));
    Suppressions.add(F->File, std::move(Annotations));
  }
  for (Diagnostic &D : Result.Diagnostics)
    Suppressions.apply(D);
  if (!Ran.test(static_cast<unsigned>(RuleId::UnusedSuppression)))
    return;
  for (Diagnostic &D : Suppressions.problems(Ran))
    Result.Diagnostics.push_back(std::move(D));
}

static void applyLevels(Diagnostic &D,
                        ArrayRef<std::pair<RuleId, Level>> Levels) {
  for (const auto &L : Levels)
    if (L.first == D.Rule)
      D.Severity = L.second;
}

void Scanner::applyPathSettings() {
  auto Drop = [&](Diagnostic &D) {
    StringRef Path = D.Primary.File ? D.Primary.File->path() : "";
    unsigned Rule = static_cast<unsigned>(D.Rule);
    if (!Reported.test(Rule) || !reported(Path))
      return true;
    applyLevels(D, Cfg.Levels);
    if (Options.OnlyRules)
      return false;
    for (const PerPathConfig &P : Cfg.PerPath) {
      if (!P.Glob.matchesPathOrParent(Path))
        continue;
      if (P.Ignore.test(Rule) || (P.HasSelect && !P.Select.test(Rule)))
        return true;
      applyLevels(D, P.Levels);
    }
    return false;
  };
  auto &Ds = Result.Diagnostics;
  Ds.erase(std::remove_if(Ds.begin(), Ds.end(), Drop), Ds.end());
  std::stable_sort(Ds.begin(), Ds.end());
  assignFingerprints(Ds);
}

std::string Scanner::displayPrefix(StringRef Dir) const {
  if (Dir == Root)
    return "";
  if (Optional<std::string> Down = relativeTo(Root, Dir))
    return *Down + "/";
  Optional<std::string> Up = relativeTo(Dir, Root);
  if (!Up)
    return Root + "/";
  std::string Prefix;
  for (size_t I = 0, N = StringRef(*Up).count('/') + 1; I < N; ++I)
    Prefix += "../";
  return Prefix;
}

Expected<ScanResult> Scanner::run() {
  auto Start = std::chrono::steady_clock::now();
  Today = Options.Today.empty() ? todayUtc() : Options.Today;
  if (Error E = resolvePaths())
    return E;
  if (Error E = loadConfiguration())
    return E;
  if (Error E = selectRules())
    return E;
  std::vector<WalkEntry> Files = walkAndAnalyse();
  analyseCxx(Files);
  auto Repository = std::chrono::steady_clock::now();
  checkRepository();
  Result.Stats.RepositorySeconds = secondsSince(Repository);
  applySuppressions();
  applyPathSettings();
  Result.Root = Root;
  Result.DisplayPrefix = displayPrefix(Cwd);
  Result.ShowSuppressed = Options.ShowSuppressed;
  Result.FailOn = Options.FailOn;
  if (Options.KeepModel)
    Result.Model = std::make_shared<RepoModel>(std::move(Model));
  Result.Stats.TotalSeconds = secondsSince(Start);
  return std::move(Result);
}

Expected<ScanResult> scan(const ScanOptions &Options) {
  return Scanner(Options).run();
}

} // namespace adminlint
