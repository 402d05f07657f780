//===- adminlint.cpp - The command-line entry point -----------------------===//
//
// adminlint [check] [PATH...] | rules | explain RULE | init | version
//
// A small hand-written argument parser keeps start-up free of static
// initializers and lets every usage error name its flag (exit code 2).
//===----------------------------------------------------------------------===//
#include "lib/Check/RuleDocs.h"
#include "lib/Check/Rules.h"
#include "lib/Driver/Baseline.h"
#include "lib/Driver/Scan.h"
#include "lib/Driver/Version.h"
#include "lib/Emit/Emitter.h"
#include "lib/Emit/Text.h"
#include "lib/Model/ReleaseModel.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <functional>
#include <nlohmann/json.hpp>
#include <unistd.h>

#ifndef ADMINLINT_YAML_CPP_VERSION
#define ADMINLINT_YAML_CPP_VERSION "0.7"
#endif

using namespace llvm;
using namespace adminlint;

namespace {

enum ExitCode { ExitOk = 0, ExitFindings = 1, ExitUsage = 2, ExitInternal = 3 };

/// A usage or config error: printed, then exit code 2.
struct UsageError {
  std::string Message;
};

/// Everything `check` takes from the command line.
struct CheckCommand {
  ScanOptions Scan;
  std::string Format = "text";
  std::string Output;
  std::string Color = "auto";
  std::string Baseline;
  std::string WriteBaseline;
  bool Quiet = false;
  bool Statistics = false;
  EmitOptions Emit;
};

/// One option of `check`: its long name, an optional short name, and what it
/// does with its value (empty for flags).
struct OptionSpec {
  StringRef Long;
  char Short;
  bool TakesValue;
  std::function<void(StringRef)> Apply;
};

} // namespace

static const char *Usage = R"(usage: adminlint [check] [options] [PATH...]
       adminlint rules [--format text|json]
       adminlint explain RULE
       adminlint init
       adminlint version

Scan options:
  --format FORMAT        text (default), json, sarif, github, gitlab, checkstyle
  -o, --output FILE      write the report to FILE (summary still on stderr)
  --config FILE          config file (default: nearest .adminlint.yaml)
  --select RULES         only these rules (codes, names, prefixes; comma list)
  --ignore RULES         not these rules
  --fail-on LEVEL        error, warning (default), note or never
  --baseline FILE        report only findings not in FILE
  --write-baseline FILE  write the current findings to FILE
  -j, --jobs N           worker threads (default: all cores)
  --no-ignore            also scan files .gitignore/.ignore/.adminlintignore exclude
  --compile-commands FILE  compile_commands.json for C/C++ (default: root or build/)
  --max-file-size BYTES  skip bigger files with an ADM902 note (default 2 MiB)
  --max-nesting-depth N  YAML and shell nesting limit (default 256)
  --max-yaml-nodes N     YAML nodes after alias expansion (default 1000000)
  --max-file-time MS     time limit per file (default 5000)
  --show-suppressed      also print suppressed findings
  --sarif-category ID    SARIF automationDetails.id
  --stdin-filename NAME  read one file from stdin as NAME
  --color WHEN           auto (default), always, never; NO_COLOR disables auto
  -q, --quiet            findings only, no summary
  --statistics           print a per-rule count table on stderr
  -h, --help             this help
  --version              the version
)";

static UsageError usageError(const Twine &Message) {
  return UsageError{("error: " + Message).str()};
}

static unsigned parseUnsigned(StringRef Flag, StringRef Value) {
  unsigned N;
  if (Value.getAsInteger(10, N))
    throw usageError("'" + Flag + "' needs a number, not '" + Value + "'");
  return N;
}

static uint64_t parseSize(StringRef Flag, StringRef Value) {
  uint64_t Scale = 1;
  StringRef Digits = Value;
  if (Digits.consume_back_insensitive("k") ||
      Digits.consume_back_insensitive("kib"))
    Scale = 1024;
  else if (Digits.consume_back_insensitive("m") ||
           Digits.consume_back_insensitive("mib"))
    Scale = uint64_t(1024) * 1024;
  uint64_t N;
  if (Digits.getAsInteger(10, N))
    throw usageError("'" + Flag + "' needs a size in bytes, not '" + Value +
                     "'");
  return N * Scale;
}

static std::vector<std::string> commaList(StringRef Value) {
  SmallVector<StringRef, 8> Parts;
  Value.split(Parts, ',', -1, false);
  std::vector<std::string> Out;
  for (StringRef P : Parts)
    Out.push_back(P.trim().str());
  return Out;
}

static Optional<Level> parseFailOn(StringRef Value) {
  if (Value == "never")
    return None;
  if (Optional<Level> L = parseLevel(Value))
    return L;
  throw usageError("'--fail-on' must be error, warning, note or never, not '" +
                   Value + "'");
}

static std::vector<OptionSpec> checkOptions(CheckCommand &C) {
  ScanOptions &S = C.Scan;
  return {
      {"format", 0, true, [&](StringRef V) { C.Format = V.str(); }},
      {"output", 'o', true, [&](StringRef V) { C.Output = V.str(); }},
      {"config", 0, true, [&](StringRef V) { S.ConfigPath = V.str(); }},
      {"select", 0, true,
       [&](StringRef V) {
         for (std::string &R : commaList(V))
           S.Select.push_back(std::move(R));
       }},
      {"ignore", 0, true,
       [&](StringRef V) {
         for (std::string &R : commaList(V))
           S.Ignore.push_back(std::move(R));
       }},
      {"fail-on", 0, true, [&](StringRef V) { S.FailOn = parseFailOn(V); }},
      {"baseline", 0, true, [&](StringRef V) { C.Baseline = V.str(); }},
      {"write-baseline", 0, true,
       [&](StringRef V) { C.WriteBaseline = V.str(); }},
      {"jobs", 'j', true,
       [&](StringRef V) { S.Jobs = parseUnsigned("--jobs", V); }},
      {"no-ignore", 0, false, [&](StringRef) { S.NoIgnore = true; }},
      {"compile-commands", 0, true,
       [&](StringRef V) { S.CompileCommands = V.str(); }},
      {"max-file-size", 0, true,
       [&](StringRef V) { S.MaxFileSize = parseSize("--max-file-size", V); }},
      {"max-nesting-depth", 0, true,
       [&](StringRef V) {
         S.Limits.MaxNestingDepth = parseUnsigned("--max-nesting-depth", V);
       }},
      {"max-yaml-nodes", 0, true,
       [&](StringRef V) {
         S.Limits.MaxYamlNodes = parseUnsigned("--max-yaml-nodes", V);
       }},
      {"max-file-time", 0, true,
       [&](StringRef V) {
         S.Limits.MaxMillisecondsPerFile = parseUnsigned("--max-file-time", V);
       }},
      {"show-suppressed", 0, false,
       [&](StringRef) { S.ShowSuppressed = C.Emit.ShowSuppressed = true; }},
      {"sarif-category", 0, true,
       [&](StringRef V) { C.Emit.SarifCategory = V.str(); }},
      {"stdin-filename", 0, true,
       [&](StringRef V) {
         S.Stdin = StdinFile{V.str(), ""};
       }},
      {"color", 0, true,
       [&](StringRef V) {
         if (V != "auto" && V != "always" && V != "never")
           throw usageError("'--color' must be auto, always or never, not '" +
                            V + "'");
         C.Color = V.str();
       }},
      {"quiet", 'q', false, [&](StringRef) { C.Quiet = C.Emit.Quiet = true; }},
      {"statistics", 0, false, [&](StringRef) { C.Statistics = true; }},
  };
}

static const OptionSpec *findLong(ArrayRef<OptionSpec> Specs, StringRef Name) {
  for (const OptionSpec &O : Specs)
    if (O.Long == Name)
      return &O;
  return nullptr;
}

static const OptionSpec *findShort(ArrayRef<OptionSpec> Specs, char Name) {
  for (const OptionSpec &O : Specs)
    if (O.Short && O.Short == Name)
      return &O;
  return nullptr;
}

static UsageError unknownOption(ArrayRef<OptionSpec> Specs, StringRef Arg) {
  StringRef Name = Arg.ltrim('-').split('=').first;
  StringRef Best;
  unsigned BestDistance = 4;
  for (const OptionSpec &O : Specs) {
    unsigned D = Name.edit_distance(O.Long);
    if (D < BestDistance) {
      BestDistance = D;
      Best = O.Long;
    }
  }
  if (Best.empty())
    return usageError("unknown option '" + Arg + "'");
  return usageError("unknown option '" + Arg + "'; did you mean '--" + Best +
                    "'?");
}

/// Parses the arguments of `check`; PATHs go to Scan.Paths.
static void parseCheckArgs(ArrayRef<const char *> Args, CheckCommand &C) {
  std::vector<OptionSpec> Specs = checkOptions(C);
  bool OnlyPaths = false;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef Arg = Args[I];
    if (OnlyPaths || Arg == "-" || !Arg.startswith("-")) {
      C.Scan.Paths.push_back(Arg.str());
      continue;
    }
    if (Arg == "--") {
      OnlyPaths = true;
      continue;
    }
    const OptionSpec *O = nullptr;
    Optional<std::string> Value;
    std::string Flag;
    if (Arg.startswith("--")) {
      auto NameValue = Arg.drop_front(2).split('=');
      O = findLong(Specs, NameValue.first);
      Flag = ("--" + NameValue.first).str();
      if (Arg.contains('='))
        Value = NameValue.second.str();
    } else {
      O = findShort(Specs, Arg[1]);
      Flag = Arg.take_front(2).str();
      if (Arg.size() > 2)
        Value = Arg.drop_front(2).str();
    }
    if (!O)
      throw unknownOption(Specs, Arg);
    if (!O->TakesValue) {
      if (Value)
        throw usageError("'" + Flag + "' takes no value");
      O->Apply("");
      continue;
    }
    if (!Value) {
      if (I + 1 >= Args.size())
        throw usageError("'" + Flag + "' needs a value");
      Value = std::string(Args[++I]);
    }
    O->Apply(*Value);
  }
}

static bool useColor(const CheckCommand &C) {
  if (C.Color == "always")
    return true;
  if (C.Color == "never" || !C.Output.empty())
    return false;
  const char *NoColor = std::getenv("NO_COLOR");
  if (NoColor && *NoColor)
    return false;
  const char *Term = std::getenv("TERM");
  if (Term && StringRef(Term) == "dumb")
    return false;
  return ::isatty(STDOUT_FILENO);
}

/// Writes Text to Path through a temporary file renamed over it.
static void writeAtomically(StringRef Path, StringRef Text) {
  SmallString<256> Tmp;
  int FD;
  if (std::error_code EC =
          sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", FD, Tmp))
    throw usageError("'--output': cannot write '" + Path +
                     "': " + EC.message());
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      sys::fs::remove(Tmp);
      throw usageError("'--output': cannot write '" + Path + "'");
    }
  }
  if (std::error_code EC = sys::fs::rename(Tmp, Path)) {
    sys::fs::remove(Tmp);
    throw usageError("'--output': cannot write '" + Path +
                     "': " + EC.message());
  }
}

static std::string readStdin(uint64_t Limit) {
  std::string Text;
  char Buf[65536];
  ssize_t N;
  while ((N = ::read(STDIN_FILENO, Buf, sizeof(Buf))) > 0) {
    Text.append(Buf, N);
    if (Text.size() > Limit)
      break;
  }
  return Text;
}

static ScanResult runScan(const ScanOptions &Options) {
  Expected<ScanResult> R = scan(Options);
  if (!R)
    throw UsageError{toString(R.takeError())};
  return std::move(*R);
}

/// Applies --baseline and --write-baseline to the result.
static void applyBaseline(const CheckCommand &C, ScanResult &R) {
  assignFingerprints(R.Diagnostics);
  if (!C.WriteBaseline.empty())
    if (Error E = writeBaseline(C.WriteBaseline, R.Diagnostics))
      throw usageError("'--write-baseline': " + toString(std::move(E)));
  if (C.Baseline.empty())
    return;
  Expected<Baseline> B = Baseline::read(C.Baseline);
  if (!B)
    throw usageError("'--baseline': " + toString(B.takeError()));
  R.Diagnostics = B->newFindings(R.Diagnostics);
}

static bool hasInternalError(const ScanResult &R) {
  for (const Notification &N : R.Notifications)
    if (N.Internal)
      return true;
  return false;
}

/// Tells on standard error what the report cannot show: internal errors
/// always, and, unless -q, the run's notes that are not also findings (an
/// unreadable file, the C/C++ frontend missing or failing).
static void printNotifications(const ScanResult &R, bool Quiet) {
  for (const Notification &N : R.Notifications) {
    if (N.Mirrored || (Quiet && !N.Internal))
      continue;
    errs() << "adminlint: "
           << (N.Internal ? "internal error" : levelName(N.Severity)) << ": "
           << (N.Path.empty() ? "" : N.Path + ": ") << N.Message << "\n";
  }
}

static int runCheck(ArrayRef<const char *> Args,
                    std::vector<std::string> CommandLine) {
  CheckCommand C;
  parseCheckArgs(Args, C);
  C.Emit.CommandLine = std::move(CommandLine);
  C.Emit.Color = useColor(C);
  std::unique_ptr<Emitter> E = createEmitter(C.Format, C.Emit);
  if (!E)
    throw usageError("'--format' must be one of " +
                     join(emitterFormats(), ", ") + ", not '" + C.Format + "'");
  if (C.Scan.Stdin)
    C.Scan.Stdin->Text = readStdin(C.Scan.MaxFileSize);
  ScanResult R = runScan(C.Scan);
  applyBaseline(C, R);
  std::string Report;
  raw_string_ostream OS(Report);
  E->emit(R, OS);
  OS.flush();
  if (C.Output.empty())
    outs() << Report;
  else
    writeAtomically(C.Output, Report);
  outs().flush();
  if (C.Statistics)
    printStatistics(R, errs());
  printNotifications(R, C.Quiet);
  if (!C.Quiet)
    errs() << summaryLine(R) << "\n";
  if (hasInternalError(R))
    return ExitInternal;
  return R.failed() ? ExitFindings : ExitOk;
}

static int runRules(ArrayRef<const char *> Args) {
  std::string Format = "text";
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef Arg = Args[I];
    if (Arg.consume_front("--format=")) {
      Format = Arg.str();
    } else if (Arg == "--format" && I + 1 < Args.size()) {
      Format = Args[++I];
    } else {
      throw usageError("'rules' takes only '--format text|json', not '" + Arg +
                       "'");
    }
  }
  if (Format == "text") {
    for (const RuleInfo &R : allRules())
      outs() << R.Code << "  " << left_justify(R.Name, 28) << " "
             << left_justify(levelName(R.DefaultLevel), 8) << " " << R.Summary
             << "\n";
    return ExitOk;
  }
  if (Format != "json")
    throw usageError("'--format' of 'rules' must be text or json, not '" +
                     Format + "'");
  nlohmann::json Rules = nlohmann::json::array();
  for (const RuleInfo &R : allRules()) {
    SmallVector<StringRef, 4> Tags;
    R.Tags.split(Tags, ',', -1, false);
    std::vector<std::string> TagList(Tags.begin(), Tags.end());
    Rules.push_back({{"code", R.Code.str()},
                     {"name", R.Name.str()},
                     {"level", levelName(R.DefaultLevel).str()},
                     {"summary", R.Summary.str()},
                     {"tags", TagList}});
  }
  nlohmann::json Doc = {{"version", 1}, {"rules", Rules}};
  outs() << Doc.dump(2) << "\n";
  return ExitOk;
}

/// Prints a markdown doc for a terminal: headings bold, fenced code blocks
/// indented by four spaces, other lines as they are.
static void renderMarkdown(StringRef Doc, bool Color, raw_ostream &OS) {
  SmallVector<StringRef, 64> Lines;
  Doc.split(Lines, '\n');
  bool InCode = false;
  for (StringRef Line : Lines) {
    if (Line.startswith("```")) {
      InCode = !InCode;
      continue;
    }
    if (InCode) {
      OS << "    " << Line << "\n";
      continue;
    }
    if (Line.startswith("#")) {
      StringRef Title = Line.ltrim('#').trim();
      OS << (Color ? "\033[1m" : "") << Title << (Color ? "\033[0m" : "")
         << "\n";
      continue;
    }
    OS << Line << "\n";
  }
}

static int runExplain(ArrayRef<const char *> Args) {
  if (Args.size() != 1)
    throw usageError("'explain' needs one rule code or name");
  Optional<RuleId> Id = findRule(Args[0]);
  if (!Id) {
    StringRef Near = suggestRule(Args[0]);
    throw usageError("unknown rule '" + Twine(Args[0]) + "'" +
                     (Near.empty() ? "" : "; did you mean '" + Near + "'?"));
  }
  StringRef Doc = ruleDoc(*Id);
  const RuleInfo &R = ruleInfo(*Id);
  bool Color = ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  if (Doc.empty())
    outs() << R.Code << " " << R.Name << "\n\n" << R.Summary << "\n";
  else
    renderMarkdown(Doc, Color, outs());
  return ExitOk;
}

static int runInit(ArrayRef<const char *> Args) {
  if (!Args.empty())
    throw usageError("'init' takes no arguments");
  ScanOptions Options;
  Options.KeepModel = true;
  ScanResult R = runScan(Options);
  std::string Path = R.Root + "/.adminlint.yaml";
  if (sys::fs::exists(Path))
    throw usageError("'" + Path + "' already exists");
  writeAtomically(Path, renderInitConfig(*R.Model));
  outs() << "wrote " << Path << "\n";
  return ExitOk;
}

static int runVersion() {
  outs() << "adminlint " << AdminlintVersion << "\n"
         << "LLVM " << LLVM_VERSION_STRING << "\n"
         << "yaml-cpp " << ADMINLINT_YAML_CPP_VERSION << "\n"
         << "nlohmann/json " << NLOHMANN_JSON_VERSION_MAJOR << "."
         << NLOHMANN_JSON_VERSION_MINOR << "." << NLOHMANN_JSON_VERSION_PATCH
         << "\n";
  return ExitOk;
}

static int run(int Argc, char **Argv) {
  ArrayRef<const char *> Args(const_cast<const char **>(Argv) + 1, Argc - 1);
  std::vector<std::string> CommandLine(Argv, Argv + Argc);
  if (!Args.empty()) {
    StringRef First = Args[0];
    if (First == "-h" || First == "--help" || First == "help") {
      outs() << Usage;
      return ExitOk;
    }
    if (First == "version" || First == "--version")
      return runVersion();
    if (First == "rules")
      return runRules(Args.drop_front());
    if (First == "explain")
      return runExplain(Args.drop_front());
    if (First == "init")
      return runInit(Args.drop_front());
    if (First == "check")
      Args = Args.drop_front();
  }
  for (StringRef A : Args)
    if (A == "-h" || A == "--help") {
      outs() << Usage;
      return ExitOk;
    }
  return runCheck(Args, std::move(CommandLine));
}

int main(int Argc, char **Argv) {
  try {
    return run(Argc, Argv);
  } catch (const UsageError &E) {
    outs().flush();
    errs() << (StringRef(E.Message).startswith("error:") ? "adminlint: " : "")
           << E.Message << "\n";
    return ExitUsage;
  } catch (const std::exception &E) {
    outs().flush();
    errs() << "adminlint: internal error: " << E.what() << "\n";
    return ExitInternal;
  } catch (...) {
    outs().flush();
    errs() << "adminlint: internal error\n";
    return ExitInternal;
  }
}
