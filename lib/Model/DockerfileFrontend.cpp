//===- DockerfileFrontend.cpp - Shell code and workload of a Dockerfile ---===//
#include "lib/Model/Frontends.h"
#include "lib/Model/Kubernetes.h"
#include "lib/Parse/Dockerfile.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {

using dockerfile::Dockerfile;
using dockerfile::Instruction;
using dockerfile::Stage;

/// Stage chains are followed at most this far (FROM a / FROM b AS a loops).
static constexpr unsigned MaxStageChain = 64;

/// Whether a stage name says it builds a test image (test, tests, ci, *-test).
static bool isTestStageName(StringRef Name) {
  return Name == "test" || Name == "tests" || Name == "ci" ||
         Name.endswith("-test") || Name.endswith("_test");
}

/// Whether SHELL's program runs POSIX shell code.
static bool isPosixShell(StringRef Program) {
  StringRef Base = sys::path::filename(Program, sys::path::Style::posix);
  return StringSwitch<bool>(Base)
      .Cases("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox", true)
      .Default(false);
}

/// The exec form's argv as a script of one command whose words are the JSON
/// strings.
static shell::Script execScript(const Instruction &I) {
  shell::Script S;
  if (I.Exec.empty())
    return S;
  shell::Command C;
  for (const dockerfile::ExecArg &A : I.Exec) {
    shell::Word W;
    W.Text = A.Text;
    W.Range = A.Range;
    W.Quoted = true;
    C.Words.push_back(std::move(W));
  }
  C.Range = {I.Exec.front().Range.Begin, I.Exec.back().Range.End};
  S.Commands.push_back(std::move(C));
  return S;
}

/// Whether the text of a RUN is nothing but its heredoc markers: the bodies
/// are the scripts.
static bool onlyHeredocs(const Instruction &I) {
  StringRef Args = I.Args.text();
  uint32_t Pos = 0;
  for (const dockerfile::Heredoc &H : I.Heredocs) {
    if (!Args.slice(Pos, H.ArgsBegin).trim().empty())
      return false;
    Pos = H.ArgsEnd;
  }
  return Args.substr(Pos).trim().empty();
}

/// The shell-form text of a RUN with heredocs as the shell reads it: the
/// instruction line, a newline, then the bodies with their terminators.
static EmbeddedText withHeredocs(const Instruction &I, StringRef Host) {
  EmbeddedText T = I.Args;
  const dockerfile::Heredoc &First = I.Heredocs.front();
  uint32_t Begin = First.BodyRange.Begin;
  uint32_t End = I.Heredocs.back().BodyRange.End;
  T.appendEscaped('\n', Begin > 0 ? Begin - 1 : 0, 1);
  T.appendVerbatim(Host.slice(Begin, End), Begin);
  if (End < Host.size())
    T.appendEscaped('\n', End, 1);
  return T;
}

namespace {

/// Builds the shell units and the workload of one parsed Dockerfile.
class DockerfileModeller {
public:
  DockerfileModeller(const Dockerfile &D, FileAnalysis &A,
                     const FrontendLimits &Limits)
      : D(D), A(A) {
    Opts.MaxDepth = Limits.MaxNestingDepth;
  }
  void run();

private:
  void instruction(const Instruction &I);
  void addUnit(const Instruction &I, shell::Script S);
  void addWorkload();
  const Instruction *lastInChain(const Stage &S, StringRef Keyword) const;
  static std::string commandText(const Instruction &I);
  shell::Script workloadScript(const Instruction *Entry,
                               const Instruction *Cmd) const;

  const Dockerfile &D;
  FileAnalysis &A;
  shell::ParseOptions Opts;
  /// The program of the SHELL in effect, per stage.
  std::vector<std::string> Shells;
};

} // namespace

void DockerfileModeller::run() {
  for (const Stage &S : D.Stages) {
    const Stage *Base = D.baseStage(S);
    Shells.push_back(Base ? Shells[Base->Index] : "/bin/sh");
  }
  for (const Instruction &I : D.Instructions)
    instruction(I);
  addWorkload();
}

void DockerfileModeller::instruction(const Instruction &I) {
  if (I.is("SHELL") && I.ExecForm && !I.Exec.empty() && I.Stage >= 0) {
    Shells[I.Stage] = I.Exec.front().Text.text();
    return;
  }
  if (!I.is("RUN") && !I.is("CMD") && !I.is("ENTRYPOINT"))
    return;
  if (I.ExecForm) {
    if (!I.Exec.empty())
      addUnit(I, execScript(I));
    return;
  }
  if (I.Stage >= 0 && !isPosixShell(Shells[I.Stage]))
    return;
  if (I.Heredocs.empty()) {
    addUnit(I, shell::parse(I.Args, Opts));
    return;
  }
  if (!onlyHeredocs(I)) {
    addUnit(I, shell::parse(withHeredocs(I, A.File->text()), Opts));
    return;
  }
  for (const dockerfile::Heredoc &H : I.Heredocs)
    addUnit(I, shell::parse(H.Body, Opts));
}

void DockerfileModeller::addUnit(const Instruction &I, shell::Script S) {
  A.addShellErrors(S);
  ShellUnit U;
  U.Script = std::move(S);
  U.Host = I.is("RUN")   ? ShellHost::DockerRun
           : I.is("CMD") ? ShellHost::DockerCmd
                         : ShellHost::DockerEntrypoint;
  if (I.Stage >= 0) {
    const Stage &St = D.Stages[I.Stage];
    U.Label = St.label();
    U.FinalStage = St.Index + 1 == D.Stages.size();
    U.TestStage = isTestStageName(St.Name);
  }
  U.LongRunning = U.FinalStage && !I.is("RUN");
  A.Shell.push_back(std::move(U));
}

const Instruction *DockerfileModeller::lastInChain(const Stage &S,
                                                   StringRef Keyword) const {
  const Stage *Cur = &S;
  for (unsigned Depth = 0; Cur && Depth < MaxStageChain; ++Depth) {
    for (auto It = Cur->Instructions.rbegin(); It != Cur->Instructions.rend();
         ++It)
      if (D.Instructions[*It].is(Keyword))
        return &D.Instructions[*It];
    Cur = D.baseStage(*Cur);
  }
  return nullptr;
}

std::string DockerfileModeller::commandText(const Instruction &I) {
  if (!I.ExecForm)
    return I.Args.text();
  SmallVector<StringRef, 4> Parts;
  for (const dockerfile::ExecArg &E : I.Exec)
    Parts.push_back(E.Text.text());
  return join(Parts, " ");
}

shell::Script DockerfileModeller::workloadScript(const Instruction *Entry,
                                                 const Instruction *Cmd) const {
  const Instruction &Main = Entry ? *Entry : *Cmd;
  if (!Main.ExecForm)
    return shell::parse(Main.Args, Opts);
  shell::Script S = execScript(Main);
  if (!Entry || !Cmd || !Cmd->ExecForm || S.Commands.empty())
    return S;
  shell::Script Args = execScript(*Cmd);
  if (Args.Commands.empty())
    return S;
  shell::Command &C = S.Commands.front();
  for (shell::Word &W : Args.Commands.front().Words)
    C.Words.push_back(std::move(W));
  C.Range.End = std::max(C.Range.End, Args.Commands.front().Range.End);
  return S;
}

void DockerfileModeller::addWorkload() {
  if (D.Stages.empty())
    return;
  const Stage &Final = D.Stages.back();
  const Instruction *Entry = lastInChain(Final, "ENTRYPOINT");
  const Instruction *Cmd = lastInChain(Final, "CMD");
  if (Entry && !Entry->ExecForm)
    Cmd = nullptr;
  if (!Entry && !Cmd)
    return;
  Workload W;
  W.Origin = "Dockerfile";
  W.Name = Final.label();
  W.Lifetime = WorkloadLifetime::LongRunning;
  W.File = A.File;
  const Instruction &Main = Cmd ? *Cmd : *Entry;
  W.Range = Main.Range;
  std::string Command = Entry ? commandText(*Entry) : "";
  if (Cmd)
    Command += (Command.empty() ? "" : " ") + commandText(*Cmd);
  W.Command = std::move(Command);
  W.Script = workloadScript(Entry, Cmd);
  const Stage &Root = D.rootStage(Final);
  std::string Resolved = D.resolvedBase(Final);
  k8s::parseImageRef(Resolved.empty() ? Root.Image : Resolved, W.Image);
  W.Image.Written = Root.Image;
  W.Image.File = A.File;
  W.Image.Range = Root.ImageRange;
  A.Workloads.push_back(std::move(W));
}

/// The Dockerfile frontend: RUN/CMD/ENTRYPOINT shell units, the final
/// stage's workload, and the parsed Dockerfile as the typed model.
void analyzeDockerfile(FileAnalysis &A, const FrontendLimits &Limits) {
  auto D = std::make_shared<Dockerfile>(
      dockerfile::parse(A.File->text(), A.File->contentStart()));
  for (const dockerfile::ParseError &E : D->Errors)
    A.addDiag(RuleId::ParseError, E.Range, E.Message);
  DockerfileModeller(*D, A, Limits).run();
  A.Model = std::move(D);
}

} // namespace adminlint
