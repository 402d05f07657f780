//===- DeployPathAdminCheck.cpp - ADM303 deploy-path-admin ----------------===//
//
// An admin command run after `cd` into a server deployment path (/var/www,
// /srv, /opt/<app>, /home/<user>/<app>, ~/apps) or by an absolute server path:
// the code is whatever that server checkout holds, not a release. Code that
// runs inside an image (Dockerfile, Kubernetes, compose, Procfile) is skipped:
// there such paths are the image's own (WORKDIR).
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"

using namespace llvm;

namespace adminlint {
namespace {

/// The server checkout a script has changed into.
struct CdState {
  std::string Path; ///< empty: not in a deployment path
};

/// ADM303: an admin command run from a server deployment path.
class DeployPathAdminCheck : public Check {
public:
  explicit DeployPathAdminCheck(const CheckSettings &S)
      : Check(RuleId::DeployPathAdmin, S) {}

  void checkShell(const ShellUnit &U, const FileAnalysis &F,
                  Reporter &R) const override;

private:
  void checkScript(const shell::Script &S, CdState State, bool InImage,
                   const FileAnalysis &F, Reporter &R, unsigned Depth) const;
  void checkCommand(const shell::Command &C, CdState &State, bool InImage,
                    const FileAnalysis &F, Reporter &R, unsigned Depth) const;
};

} // namespace

/// Strips quotes' leftovers and a trailing slash.
static StringRef normalizePath(StringRef P) {
  P = P.trim();
  while (P.size() > 1 && P.endswith("/"))
    P = P.drop_back();
  return P;
}

/// The number of path components after Prefix ("/opt/app/current" after
/// "/opt/" is 2).
static unsigned componentsAfter(StringRef P, StringRef Prefix) {
  if (!P.consume_front(Prefix) || P.empty())
    return 0;
  SmallVector<StringRef, 4> Parts;
  P.split(Parts, '/', -1, false);
  return Parts.size();
}

/// Whether P is (inside) a server deployment path.
static bool isDeployPath(StringRef P) {
  P = normalizePath(P);
  for (StringRef Home : {"~/", "$HOME/", "${HOME}/"})
    if (P.startswith(Home))
      return componentsAfter(P, Home) >= 1 &&
             (P.substr(Home.size()).startswith("apps") ||
              P.substr(Home.size()).startswith("app/") ||
              P.substr(Home.size()) == "app");
  return componentsAfter(P, "/var/www/") >= 1 || P == "/var/www" ||
         componentsAfter(P, "/srv/") >= 1 || componentsAfter(P, "/opt/") >= 1 ||
         componentsAfter(P, "/home/") >= 2 ||
         componentsAfter(P, "/var/app/") >= 1 ||
         componentsAfter(P, "/u/apps/") >= 1;
}

static bool runsInImage(ShellHost H) {
  switch (H) {
  case ShellHost::DockerRun:
  case ShellHost::DockerCmd:
  case ShellHost::DockerEntrypoint:
  case ShellHost::K8sCommand:
  case ShellHost::ComposeCommand:
  case ShellHost::ProcfileEntry:
    return true;
  default:
    return false;
  }
}

/// Scripts made to run inside an image: `*entrypoint*` files and those under
/// a `docker/` folder.
static bool isImageScript(StringRef Path) {
  StringRef Base = Path.substr(Path.rfind('/') + 1);
  return Base.contains("entrypoint") || Path.startswith("docker/") ||
         Path.contains("/docker/") || Path.startswith(".docker/");
}

void DeployPathAdminCheck::checkShell(const ShellUnit &U, const FileAnalysis &F,
                                      Reporter &R) const {
  bool InImage = runsInImage(U.Host) || (U.Host == ShellHost::ShellFile &&
                                         isImageScript(F.File->path()));
  checkScript(U.Script, CdState(), InImage, F, R, 8);
}

void DeployPathAdminCheck::checkScript(const shell::Script &S, CdState State,
                                       bool InImage, const FileAnalysis &F,
                                       Reporter &R, unsigned Depth) const {
  for (const shell::Command &C : S.Commands)
    checkCommand(C, State, InImage, F, R, Depth);
}

/// The first word of M's range that is an absolute deployment path.
static const shell::Word *deployPathWord(const shell::Command &C,
                                         const AdminMatch &M) {
  for (const shell::Word &W : C.Words)
    if (M.Range.contains(W.Range.Begin) && isDeployPath(W.value()))
      return &W;
  return nullptr;
}

void DeployPathAdminCheck::checkCommand(const shell::Command &C, CdState &State,
                                        bool InImage, const FileAnalysis &F,
                                        Reporter &R, unsigned Depth) const {
  if (C.name() == "cd" || C.name() == "pushd") {
    StringRef Target = C.Words.size() > 1 ? C.Words[1].value() : "";
    State.Path = isDeployPath(Target) ? normalizePath(Target).str() : "";
    return;
  }
  if (Optional<RemoteRun> Run = parseRemote(C)) {
    if (Depth)
      for (const shell::Script &S : Run->Scripts)
        checkScript(S, CdState(), /*InImage=*/false, F, R, Depth - 1);
    return;
  }
  std::vector<shell::Script> Nested =
      Depth ? nestedScripts(C) : std::vector<shell::Script>();
  bool OneOff = false;
  for (size_t I = 0; I < C.Words.size() && !OneOff; ++I)
    OneOff = parseOneOff(C.Words, I).hasValue();
  if (!Nested.empty()) {
    for (const shell::Script &S : Nested)
      checkScript(S, State, InImage || OneOff, F, R, Depth - 1);
    return;
  }
  if (InImage)
    return;
  Optional<AdminMatch> M = admin().match(C);
  if (!M || !M->isAdminTask())
    return;
  if (const shell::Word *W = deployPathWord(C, *M)) {
    report(R, F.File, M->Range,
           M->describe() + " runs a script from server path '" +
               W->value().str() + "'")
        .FingerprintKey = M->Text;
    return;
  }
  if (!State.Path.empty())
    report(R, F.File, M->Range,
           M->describe() + " runs from the server checkout in '" + State.Path +
               "'")
        .FingerprintKey = M->Text;
}

std::unique_ptr<Check> createDeployPathAdminCheck(const CheckSettings &S) {
  return std::make_unique<DeployPathAdminCheck>(S);
}

} // namespace adminlint
