//===- adminlint-cxx.cpp - Command strings in C/C++ through LibTooling ----===//
//
// Reads a compilation database, parses each translation unit with Clang and
// finds calls that run shell code or set the environment with string
// literals: system, std::system, popen, exec* with literal argument lists,
// posix_spawn*, setenv and putenv. Prints one JSON document on stdout:
//
//   {"version": 1,
//    "calls": [{"file": "/abs/a.cpp", "function": "system", "kind": "shell",
//               "offset": 120,
//               "args": [{"value": "python manage.py migrate",
//                         "segments": [[0, 128, 0], [6, 134, 2], ...]}]}],
//    "failed": ["/abs/b.cpp"]}
//
// kind is "shell" (args[0] is a shell command), "argv" (args are argv words)
// or "env" (args[0] is the name, args[1] the value). Each segment is
// [decoded offset, host byte offset, host length], host length 0 meaning a
// run of bytes copied verbatim, as in adminlint's EmbeddedText. Adjacent
// literals ("a" "b") are one value; escapes map to the bytes that wrote them.
//
//===----------------------------------------------------------------------===//
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Driver/Driver.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;
using namespace llvm;

static cl::OptionCategory Category("adminlint-cxx options");
static cl::opt<std::string>
    CompileCommands("p", cl::desc("compile_commands.json or its directory"),
                    cl::value_desc("path"), cl::Required, cl::cat(Category));
static cl::list<std::string>
    Sources(cl::Positional, cl::desc("[source files...]"), cl::cat(Category));
static cl::list<std::string>
    Under("under",
          cl::desc("only the database's files under this path (repeatable)"),
          cl::value_desc("path"), cl::cat(Category));
static cl::opt<unsigned>
    MaxLiteral("max-literal", cl::desc("longest literal mapped, in bytes"),
               cl::init(65536), cl::cat(Category));

/// Whether Path is Dir or below it.
static bool isUnder(StringRef Path, StringRef Dir) {
  return Path == Dir || (Path.startswith(Dir) && Path[Dir.size()] == '/');
}

/// The files of the database under one of the --under paths (all of them
/// without any), compared as written and with links resolved.
static std::vector<std::string> filesUnder(std::vector<std::string> Files) {
  if (Under.empty())
    return Files;
  llvm::erase_if(Files, [](const std::string &F) {
    SmallString<256> Real;
    bool Resolved = !sys::fs::real_path(F, Real);
    return llvm::none_of(Under, [&](const std::string &U) {
      return isUnder(F, U) || (Resolved && isUnder(Real, U));
    });
  });
  return Files;
}

namespace {

/// One decoded value and its map back to host bytes.
struct MappedValue {
  std::string Value;
  std::vector<std::array<uint32_t, 3>> Segments;
  std::string File;
};

/// A call found in the sources.
struct FoundCall {
  std::string File;
  uint32_t Offset = 0;
  std::string Function;
  std::string Kind;
  std::vector<MappedValue> Args;
};

} // namespace

static const Expr *strip(const Expr *E) {
  return E ? E->IgnoreParenCasts() : nullptr;
}

static bool isRawToken(StringRef Spelling) {
  Spelling = Spelling.drop_while([](char C) { return C != 'R' && C != '"'; });
  return Spelling.startswith("R\"");
}

/// Host bytes of the escape starting at P (a backslash).
static unsigned escapeLength(const char *P, const char *End) {
  if (P + 1 >= End)
    return 1;
  char N = P[1];
  auto Count = [&](unsigned From, unsigned Max, bool (*Ok)(char)) {
    unsigned I = From;
    while (I < From + Max && P + I < End && Ok(P[I]))
      ++I;
    return I;
  };
  if (N >= '0' && N <= '7')
    return Count(1, 3, [](char C) { return C >= '0' && C <= '7'; });
  if (N == 'x')
    return Count(2, 1u << 20, [](char C) { return bool(isHexDigit(C)); });
  if (N == 'u')
    return Count(2, 4, [](char C) { return bool(isHexDigit(C)); });
  if (N == 'U')
    return Count(2, 8, [](char C) { return bool(isHexDigit(C)); });
  return 2;
}

/// Maps every decoded byte of a literal to the host bytes that wrote it.
static Optional<MappedValue> mapLiteral(const clang::StringLiteral *SL,
                                        const ASTContext &Ctx) {
  if (!SL || SL->getCharByteWidth() != 1 || SL->getByteLength() > MaxLiteral)
    return None;
  const SourceManager &SM = Ctx.getSourceManager();
  MappedValue V;
  V.Value = SL->getBytes().str();
  FileID Fid;
  uint32_t EscapeBegin = 0, EscapeEnd = 0;
  for (unsigned I = 0, E = V.Value.size(); I != E; ++I) {
    unsigned Tok = 0, TokOffset = 0;
    SourceLocation Loc = SM.getSpellingLoc(SL->getLocationOfByte(
        I, SM, Ctx.getLangOpts(), Ctx.getTargetInfo(), &Tok, &TokOffset));
    std::pair<FileID, unsigned> D = SM.getDecomposedLoc(Loc);
    if (I == 0) {
      Fid = D.first;
      const FileEntry *FE = SM.getFileEntryForID(Fid);
      if (!FE)
        return None;
      V.File = FE->tryGetRealPathName().str();
      if (V.File.empty())
        V.File = FE->getName().str();
    } else if (D.first != Fid) {
      return None;
    }
    uint32_t Off = D.second;
    if (Off >= EscapeBegin && Off < EscapeEnd) {
      V.Segments.push_back({I, EscapeBegin, EscapeEnd - EscapeBegin});
      continue;
    }
    bool Invalid = false;
    StringRef Buffer = SM.getBufferData(Fid, &Invalid);
    if (Invalid || Off >= Buffer.size())
      return None;
    SourceLocation TokLoc = SM.getSpellingLoc(SL->getStrTokenLoc(Tok));
    StringRef TokText = Buffer.substr(SM.getFileOffset(TokLoc), 16);
    if (Buffer[Off] == '\\' && !isRawToken(TokText)) {
      EscapeBegin = Off;
      EscapeEnd = Off + escapeLength(Buffer.data() + Off, Buffer.end());
      V.Segments.push_back({I, EscapeBegin, EscapeEnd - EscapeBegin});
      continue;
    }
    bool Extends = !V.Segments.empty() && V.Segments.back()[2] == 0 &&
                   V.Segments.back()[1] + (I - V.Segments.back()[0]) == Off;
    if (!Extends)
      V.Segments.push_back({I, Off, 0});
  }
  if (V.Value.empty()) {
    std::pair<FileID, unsigned> D =
        SM.getDecomposedLoc(SM.getSpellingLoc(SL->getBeginLoc()));
    const FileEntry *FE = SM.getFileEntryForID(D.first);
    if (!FE)
      return None;
    V.File = FE->tryGetRealPathName().str();
  }
  return V;
}

/// The string literals of an argv array: `const char *argv[] = {"a", ...}`
/// or an inline `(char *const[]){"a", ...}`; None unless all are literals
/// up to a terminating null.
static Optional<std::vector<const clang::StringLiteral *>>
literalArray(const Expr *E) {
  E = strip(E);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      E = strip(VD->getInit());
  if (const auto *CL = dyn_cast_or_null<CompoundLiteralExpr>(E))
    E = strip(CL->getInitializer());
  const auto *IL = dyn_cast_or_null<InitListExpr>(E);
  if (!IL)
    return None;
  std::vector<const clang::StringLiteral *> Out;
  for (const Expr *Item : IL->inits()) {
    Item = strip(Item);
    if (const auto *SL = dyn_cast<clang::StringLiteral>(Item)) {
      Out.push_back(SL);
      continue;
    }
    break;
  }
  if (Out.empty())
    return None;
  return Out;
}

static bool isNullPointer(const Expr *E, ASTContext &Ctx) {
  E = strip(E);
  return E && E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
}

namespace {

/// Collects the calls; deduplicates those seen through several TUs.
class CallCollector : public MatchFinder::MatchCallback {
public:
  void run(const MatchFinder::MatchResult &Result) override;
  const std::vector<FoundCall> &calls() const { return Calls; }

private:
  void add(FoundCall C);
  bool addArgs(FoundCall &C, ArrayRef<const clang::StringLiteral *> Literals,
               ASTContext &Ctx);

  std::vector<FoundCall> Calls;
  std::set<std::pair<std::string, uint32_t>> Seen;
};

} // namespace

void CallCollector::add(FoundCall C) {
  if (C.Args.empty() || C.File.empty())
    return;
  if (!Seen.insert({C.File, C.Offset}).second)
    return;
  Calls.push_back(std::move(C));
}

bool CallCollector::addArgs(FoundCall &C,
                            ArrayRef<const clang::StringLiteral *> Literals,
                            ASTContext &Ctx) {
  for (const clang::StringLiteral *SL : Literals) {
    Optional<MappedValue> V = mapLiteral(SL, Ctx);
    if (!V)
      return false;
    C.Args.push_back(std::move(*V));
  }
  if (!C.Args.empty())
    C.File = C.Args.front().File;
  return true;
}

void CallCollector::run(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Call || !Fn)
    return;
  SourceLocation Loc = SM.getSpellingLoc(Call->getBeginLoc());
  if (SM.isInSystemHeader(Loc))
    return;
  FoundCall C;
  C.Function = Fn->getName().str();
  C.Offset = SM.getFileOffset(Loc);
  StringRef Name = C.Function;
  unsigned N = Call->getNumArgs();
  auto Lit = [&](unsigned I) {
    return I < N ? dyn_cast<clang::StringLiteral>(strip(Call->getArg(I)))
                 : nullptr;
  };
  std::vector<const clang::StringLiteral *> Literals;
  if ((Name == "system" || Name == "popen") && Lit(0)) {
    C.Kind = "shell";
    Literals = {Lit(0)};
  } else if (Name == "setenv" && Lit(0) && Lit(1)) {
    C.Kind = "env";
    Literals = {Lit(0), Lit(1)};
  } else if (Name == "putenv" && Lit(0)) {
    C.Kind = "env";
    Literals = {Lit(0)};
  } else if (Name == "execl" || Name == "execlp" || Name == "execle") {
    C.Kind = "argv";
    for (unsigned I = 1; I < N && !isNullPointer(Call->getArg(I), Ctx); ++I) {
      if (!Lit(I))
        return;
      Literals.push_back(Lit(I));
    }
  } else if (Name.startswith("execv") || Name.startswith("posix_spawn")) {
    unsigned ArgvIndex = Name.startswith("posix_spawn") ? 4 : 1;
    if (ArgvIndex >= N)
      return;
    Optional<std::vector<const clang::StringLiteral *>> Array =
        literalArray(Call->getArg(ArgvIndex));
    if (!Array)
      return;
    C.Kind = "argv";
    Literals = std::move(*Array);
  } else {
    return;
  }
  if (!addArgs(C, Literals, Ctx))
    return;
  add(std::move(C));
}

static json::Value toJson(const FoundCall &C) {
  json::Array Args;
  for (const MappedValue &V : C.Args) {
    json::Array Segments;
    for (const auto &S : V.Segments)
      Segments.push_back(json::Array{S[0], S[1], S[2]});
    Args.push_back(
        json::Object{{"value", V.Value}, {"segments", std::move(Segments)}});
  }
  return json::Object{{"file", C.File},
                      {"function", C.Function},
                      {"kind", C.Kind},
                      {"offset", C.Offset},
                      {"args", std::move(Args)}};
}

static std::string resourceDir() {
  if (sys::fs::is_directory(ADMINLINT_CLANG_RESOURCE_DIR))
    return ADMINLINT_CLANG_RESOURCE_DIR;
  return driver::Driver::GetResourcesPath(ADMINLINT_CLANG_BINARY);
}

static std::unique_ptr<tooling::CompilationDatabase>
loadDatabase(StringRef Path, std::string &Error) {
  if (sys::fs::is_directory(Path))
    return tooling::CompilationDatabase::loadFromDirectory(Path, Error);
  return tooling::JSONCompilationDatabase::loadFromFile(
      Path, Error, tooling::JSONCommandLineSyntax::AutoDetect);
}

namespace {

/// Records whether a translation unit had errors.
class FailureRecorder : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level L,
                        const Diagnostic &Info) override {
    if (L >= DiagnosticsEngine::Error)
      Failed = true;
  }
  bool Failed = false;
};

} // namespace

int main(int argc, const char **argv) {
  cl::HideUnrelatedOptions(Category);
  cl::ParseCommandLineOptions(
      argc, argv, "adminlint-cxx: shell command strings in C/C++\n");
  std::string Error;
  std::unique_ptr<tooling::CompilationDatabase> DB =
      loadDatabase(CompileCommands, Error);
  if (!DB) {
    errs() << "adminlint-cxx: cannot load " << CompileCommands << ": " << Error
           << "\n";
    return 2;
  }
  std::vector<std::string> Files(Sources.begin(), Sources.end());
  if (Files.empty())
    Files = filesUnder(DB->getAllFiles());

  auto Names =
      hasAnyName("::system", "::std::system", "::popen", "::execl", "::execlp",
                 "::execle", "::execv", "::execvp", "::execvpe",
                 "::posix_spawn", "::posix_spawnp", "::setenv", "::putenv");
  MatchFinder Finder;
  CallCollector Collector;
  Finder.addMatcher(
      callExpr(callee(functionDecl(Names).bind("fn"))).bind("call"),
      &Collector);

  json::Array Failed;
  std::string Resource = "-resource-dir=" + resourceDir();
  for (const std::string &File : Files) {
    tooling::ClangTool Tool(*DB, {File});
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        Resource.c_str(), tooling::ArgumentInsertPosition::END));
    FailureRecorder Recorder;
    Tool.setDiagnosticConsumer(&Recorder);
    int RC = Tool.run(tooling::newFrontendActionFactory(&Finder).get());
    if (RC != 0 || Recorder.Failed)
      Failed.push_back(File);
  }

  json::Array Calls;
  for (const FoundCall &C : Collector.calls())
    Calls.push_back(toJson(C));
  outs() << json::Value(json::Object{{"version", 1},
                                     {"calls", std::move(Calls)},
                                     {"failed", std::move(Failed)}})
         << "\n";
  return 0;
}
