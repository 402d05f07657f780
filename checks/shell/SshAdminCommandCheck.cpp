//===- SshAdminCommandCheck.cpp - ADM301 ssh-admin-command ----------------===//
//
// ssh (or ansible -m shell/command -a, fab, pssh, parallel-ssh) runs an
// admin command or a script on a remote host: the remote command string, a
// here-document fed to ssh, or a local script piped in. The code that runs is
// whatever that host holds, not a release. The finding points at the admin
// command inside the remote code; a related location at the ssh word.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"

using namespace llvm;

namespace adminlint {
namespace {

/// ADM301: an admin command run on a remote host over ssh.
class SshAdminCommandCheck : public Check {
public:
  explicit SshAdminCommandCheck(const CheckSettings &S)
      : Check(RuleId::SshAdminCommand, S) {}

  void checkShell(const ShellUnit &U, const FileAnalysis &F,
                  Reporter &R) const override {
    checkScript(U.Script, F, R, 8);
  }

private:
  void checkScript(const shell::Script &S, const FileAnalysis &F, Reporter &R,
                   unsigned Depth) const;
  void checkRemote(const RemoteRun &Run, const FileAnalysis &F,
                   Reporter &R) const;
};

} // namespace

void SshAdminCommandCheck::checkRemote(const RemoteRun &Run,
                                       const FileAnalysis &F,
                                       Reporter &R) const {
  std::string Via = "runs on a remote host over " + Run.Tool;
  Location Tool{F.File, Run.ToolRange, Run.Tool + " invoked here"};
  for (const shell::Script &S : Run.Scripts)
    for (const AdminMatch &M : admin().matchAll(S)) {
      if (!M.isAdminTask())
        continue;
      Diagnostic &D = report(R, F.File, M.Range, M.describe() + " " + Via);
      D.Related.push_back(Tool);
      D.FingerprintKey = Run.Tool + " " + M.Text;
    }
  for (const auto &Fed : Run.FedScripts) {
    Diagnostic &D = report(R, F.File, Fed.first,
                           "local script '" + Fed.second + "' " + Via);
    D.Related.push_back(Tool);
    D.FingerprintKey = Run.Tool + " " + Fed.second;
  }
}

void SshAdminCommandCheck::checkScript(const shell::Script &S,
                                       const FileAnalysis &F, Reporter &R,
                                       unsigned Depth) const {
  const shell::Command *Prev = nullptr;
  for (const shell::Command &C : S.Commands) {
    const shell::Command *PipedFrom =
        Prev && Prev->Next == shell::Connector::Pipe ? Prev : nullptr;
    Prev = &C;
    if (Optional<RemoteRun> Run = parseRemote(C, PipedFrom)) {
      checkRemote(*Run, F, R);
      continue;
    }
    if (Depth == 0)
      continue;
    for (const shell::Script &Inner : nestedScripts(C))
      checkScript(Inner, F, R, Depth - 1);
  }
}

std::unique_ptr<Check> createSshAdminCommandCheck(const CheckSettings &S) {
  return std::make_unique<SshAdminCommandCheck>(S);
}

} // namespace adminlint
