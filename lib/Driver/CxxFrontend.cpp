//===- CxxFrontend.cpp - C/C++ command strings via adminlint-cxx ----------===//
//
// The main binary never links libclang: adminlint-cxx runs as a child process
// and prints JSON, read here with nlohmann/json (exceptions stop at this
// boundary). Its command strings become ShellUnits whose ranges point inside
// the C/C++ string literals, and its setenv/putenv literals a CxxSourceModel.
//
//===----------------------------------------------------------------------===//
#include "lib/Driver/CxxFrontend.h"
#include "lib/Model/ArgvCommand.h"
#include "lib/Model/CxxSource.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

using namespace llvm;

namespace adminlint {

std::string findCompileCommands(StringRef Root) {
  for (StringRef Dir : {"", "build"}) {
    SmallString<256> P(Root);
    sys::path::append(P, Dir, "compile_commands.json");
    if (sys::fs::is_regular_file(P))
      return std::string(P);
  }
  return "";
}

/// The repository-relative path (forward slashes) of an absolute path under
/// Root, or "" when it is outside.
static std::string relativeTo(StringRef Root, StringRef Path) {
  SmallString<256> R(Root), P(Path);
  if (sys::fs::real_path(Root, R))
    R = Root;
  sys::path::remove_dots(R, true);
  sys::path::remove_dots(P, true);
  StringRef Rest = P;
  if (!Rest.consume_front(R) || !(Rest.empty() || Rest.startswith("/")))
    return "";
  return sys::path::convert_to_slash(Rest.drop_front(Rest.empty() ? 0 : 1));
}

static SourceFileRef readFromDisk(StringRef Root, StringRef Rel,
                                  uint64_t MaxSize) {
  SmallString<256> P(Root);
  sys::path::append(P, Rel);
  uint64_t Size = 0;
  if (sys::fs::file_size(P, Size) || Size > MaxSize)
    return nullptr;
  auto Buf = MemoryBuffer::getFile(P);
  if (!Buf)
    return nullptr;
  return std::make_shared<SourceFile>(Rel.str(), (*Buf)->getBuffer().str());
}

/// The decoded value of one argument mapped to host bytes; None when the
/// segments are malformed or the file's bytes changed since.
static Optional<EmbeddedText> mapValue(const nlohmann::json &Arg,
                                       StringRef Host) {
  const std::string &Value = Arg.at("value").get_ref<const std::string &>();
  const nlohmann::json &Segments = Arg.at("segments");
  EmbeddedText Out;
  for (size_t I = 0; I < Segments.size(); ++I) {
    uint64_t Decoded = Segments[I].at(0), HostAt = Segments[I].at(1),
             Len = Segments[I].at(2);
    uint64_t Next = I + 1 < Segments.size()
                        ? Segments[I + 1].at(0).get<uint64_t>()
                        : Value.size();
    if (Decoded != Out.size() || Next < Decoded || Next > Value.size())
      return None;
    StringRef Piece = StringRef(Value).slice(Decoded, Next);
    if (Len == 0) {
      if (HostAt + Piece.size() > Host.size() ||
          Host.substr(HostAt, Piece.size()) != Piece)
        return None;
      Out.appendVerbatim(Piece, HostAt);
      continue;
    }
    if (HostAt + Len > Host.size() || Host[HostAt] != '\\')
      return None;
    for (char C : Piece)
      Out.appendEscaped(C, HostAt, Len);
  }
  if (Out.size() != Value.size())
    return None;
  return Out;
}

static void addShell(FileAnalysis &A, StringRef Function, shell::Script S) {
  A.addShellErrors(S);
  ShellUnit U;
  U.Script = std::move(S);
  U.Host = ShellHost::CxxString;
  U.Label = Function.str();
  A.Shell.push_back(std::move(U));
}

static void addEnv(CxxSourceModel &M, StringRef Function,
                   ArrayRef<EmbeddedText> Args) {
  CxxEnvLiteral E;
  E.Function = Function.str();
  if (Args.size() == 2) {
    E.Name = Args[0].text();
    E.Value = Args[1].text();
    E.Range = Args[1].toHost(0, Args[1].size());
  } else {
    StringRef Text = Args[0].text();
    size_t Eq = Text.find('=');
    if (Eq == StringRef::npos)
      return;
    E.Name = Text.take_front(Eq).str();
    E.Value = Text.drop_front(Eq + 1).str();
    E.Range = Args[0].toHost(Eq + 1, Text.size());
  }
  M.Env.push_back(std::move(E));
}

namespace {

/// The analyses being built, one per file.
struct CxxFiles {
  std::map<std::string, std::shared_ptr<FileAnalysis>> ByPath;
  std::map<std::string, std::shared_ptr<CxxSourceModel>> Models;
};

} // namespace

static FileAnalysis *analysisFor(CxxFiles &Files, StringRef Rel,
                                 CxxFileLoader Load) {
  auto It = Files.ByPath.find(Rel.str());
  if (It != Files.ByPath.end())
    return It->second.get();
  SourceFileRef File = Load(Rel);
  if (!File)
    return nullptr;
  auto A = std::make_shared<FileAnalysis>();
  A->File = File;
  A->Kind = FileKind::Cxx;
  auto M = std::make_shared<CxxSourceModel>();
  A->Model = M;
  Files.Models[Rel.str()] = M;
  return (Files.ByPath[Rel.str()] = A).get();
}

/// Adds one call of the JSON output; false when it is malformed or stale.
static bool addCall(const nlohmann::json &Call, StringRef Root, CxxFiles &Files,
                    CxxFileLoader Load) {
  std::string Rel = relativeTo(Root, Call.at("file").get<std::string>());
  if (Rel.empty())
    return true;
  FileAnalysis *A = analysisFor(Files, Rel, Load);
  if (!A)
    return true;
  std::vector<EmbeddedText> Args;
  for (const nlohmann::json &Arg : Call.at("args")) {
    Optional<EmbeddedText> V = mapValue(Arg, A->File->text());
    if (!V)
      return false;
    Args.push_back(std::move(*V));
  }
  std::string Kind = Call.at("kind").get<std::string>();
  std::string Function = Call.at("function").get<std::string>();
  if (Args.empty())
    return false;
  if (Kind == "shell")
    addShell(*A, Function, shell::parse(Args[0]));
  else if (Kind == "argv")
    addShell(*A, Function,
             argvScript(Args, {Args.front().toHost(0),
                               Args.back().toHost(Args.back().size())}));
  else if (Kind == "env")
    addEnv(*Files.Models[Rel], Function, Args);
  return true;
}

CxxFrontendResult parseCxxFrontendOutput(StringRef Json, StringRef Root,
                                         CxxFileLoader Load) {
  CxxFrontendResult R;
  CxxFiles Files;
  unsigned Dropped = 0;
  try {
    nlohmann::json Doc = nlohmann::json::parse(Json.begin(), Json.end());
    for (const nlohmann::json &Call : Doc.at("calls"))
      Dropped += addCall(Call, Root, Files, Load) ? 0 : 1;
    for (const nlohmann::json &F : Doc.value("failed", nlohmann::json::array()))
      R.Notes.push_back("adminlint-cxx: " + F.get<std::string>() +
                        " did not compile; its command strings may be "
                        "incomplete");
    R.Ran = true;
  } catch (const nlohmann::json::exception &E) {
    R.Notes.push_back(std::string("adminlint-cxx: unreadable output: ") +
                      E.what());
  }
  if (Dropped)
    R.Notes.push_back("adminlint-cxx: " + std::to_string(Dropped) +
                      " command strings did not match the files (changed "
                      "since they were parsed?) and were skipped");
  for (auto &Entry : Files.ByPath)
    R.Files.push_back(std::move(Entry.second));
  return R;
}

static std::string findTool(StringRef Configured) {
  if (!Configured.empty())
    return Configured.str();
  static int Anchor;
  std::string Self = sys::fs::getMainExecutable(nullptr, &Anchor);
  SmallString<256> Beside(sys::path::parent_path(Self));
  sys::path::append(Beside, "adminlint-cxx");
  if (sys::fs::can_execute(Beside))
    return std::string(Beside);
  ErrorOr<std::string> OnPath = sys::findProgramByName("adminlint-cxx");
  return OnPath ? *OnPath : "";
}

static std::string readAll(StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path);
  return Buf ? (*Buf)->getBuffer().str() : "";
}

static std::string firstLine(StringRef Text) {
  return Text.trim().split('\n').first.take_front(300).str();
}

CxxFrontendResult runCxxFrontend(const CxxFrontendOptions &Opts,
                                 CxxFileLoader Load) {
  CxxFrontendResult R;
  std::string Db = Opts.CompileCommands.empty() ? findCompileCommands(Opts.Root)
                                                : Opts.CompileCommands;
  if (Db.empty())
    return R;
  std::string Tool = findTool(Opts.ToolPath);
  if (Tool.empty()) {
    R.Notes.push_back("adminlint-cxx not found beside adminlint or on PATH; "
                      "C/C++ command strings were not checked");
    return R;
  }
  SmallString<128> Out, Err;
  if (sys::fs::createTemporaryFile("adminlint-cxx", "json", Out) ||
      sys::fs::createTemporaryFile("adminlint-cxx", "err", Err)) {
    R.Notes.push_back("adminlint-cxx: cannot create a temporary file");
    return R;
  }
  auto Start = std::chrono::steady_clock::now();
  std::string ErrMsg;
  bool ExecFailed = false;
  std::vector<StringRef> Args = {Tool, "-p", Db};
  for (const std::string &U : Opts.Under) {
    Args.push_back("--under");
    Args.push_back(U);
  }
  Optional<StringRef> Redirects[] = {StringRef(""), StringRef(Out),
                                     StringRef(Err)};
  int RC = sys::ExecuteAndWait(Tool, Args, None, Redirects, Opts.TimeoutSeconds,
                               0, &ErrMsg, &ExecFailed);
  R.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  std::string Output = readAll(Out), Errors = readAll(Err);
  sys::fs::remove(Out);
  sys::fs::remove(Err);
  if (ExecFailed || RC != 0) {
    std::string Why =
        RC == -1 && !ExecFailed
            ? "timed out after " + std::to_string(Opts.TimeoutSeconds) + " s"
            : (RC == -2 ? "crashed" : "failed");
    std::string Detail = firstLine(Errors.empty() ? ErrMsg : Errors);
    R.Notes.push_back("adminlint-cxx " + Why +
                      (Detail.empty() ? "" : ": " + Detail) +
                      "; C/C++ command strings were not checked");
    return R;
  }
  auto DiskLoad = [&](StringRef Rel) {
    return readFromDisk(Opts.Root, Rel, Opts.MaxFileSize);
  };
  CxxFrontendResult Parsed = parseCxxFrontendOutput(
      Output, Opts.Root, Load ? Load : CxxFileLoader(DiskLoad));
  Parsed.Seconds = R.Seconds;
  return Parsed;
}

} // namespace adminlint
