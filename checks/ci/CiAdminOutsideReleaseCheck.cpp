//===- CiAdminOutsideReleaseCheck.cpp - ADM601 ci-admin-outside-release ---===//
//
// A CI job that targets a deployed environment (environment: production,
// production secrets, a deploy job) runs an admin command on the runner, from
// its checkout and the dependencies it installed, instead of through the
// release (docker run <image>:<sha>, kubectl create job --from, kubectl exec
// deploy/..., heroku run, kamal app exec). Code that several jobs share (a
// GitLab template or `default:`) is reported once, for the first such job,
// with a note naming the others.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "lib/Model/CiJob.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {

/// Programs that run their command somewhere else: a release image, a
/// running deployment, a platform's one-off dyno, or a remote host (ADM301).
static bool runsElsewhere(StringRef Program) {
  Program = sys::path::filename(Program);
  return StringSwitch<bool>(Program)
      .Cases("docker", "podman", "kubectl", "oc", "helm", "nerdctl", true)
      .Cases("heroku", "kamal", "fly", "flyctl", "railway", "dokku", true)
      .Cases("ssh", "ansible", "fab", "pssh", "gcloud", "aws", "az", true)
      .Cases("cf", "eb", "copilot", "nomad", "render", true)
      .Default(false);
}

/// Whether the job's container is the release image (tagged by the commit).
static bool jobRunsInRelease(const CiJob &Job) {
  StringRef Image = Job.Image;
  return Image.contains("github.sha") || Image.contains("CI_COMMIT_SHA") ||
         Image.contains("CI_COMMIT_TAG") ||
         Image.contains("CI_COMMIT_SHORT_SHA") ||
         Image.contains("CI_REGISTRY_IMAGE");
}

/// The outermost simple command that contains Range.
static const shell::Command *outerCommand(const shell::Script &S,
                                          SourceRange Range) {
  const shell::Command *Best = nullptr;
  for (const shell::Command &C : S.Commands) {
    if (C.Range.Begin > Range.Begin || C.Range.End < Range.End)
      continue;
    if (!Best ||
        C.Range.End - C.Range.Begin > Best->Range.End - Best->Range.Begin)
      Best = &C;
  }
  return Best;
}

static bool throughRelease(const AdminMatch &M, const shell::Script &S) {
  for (StringRef W : M.Wrappers)
    if (runsElsewhere(W.take_until([](char C) { return C == ' '; })))
      return true;
  const shell::Command *C = outerCommand(S, M.CommandRange);
  return C && runsElsewhere(C->name());
}

/// " with dependencies installed on the runner" when the job installs them.
static std::string adHocInstall(const CiJob &Job, const FileAnalysis &F) {
  for (StringRef Uses : Job.Uses)
    if (Uses.contains("setup-python") || Uses.contains("setup-node") ||
        Uses.contains("setup-ruby") || Uses.contains("setup-go") ||
        Uses.contains("setup-java"))
      return " with dependencies installed on the runner";
  for (unsigned I : Job.ShellUnits)
    for (const shell::Command &C : F.Shell[I].Script.Commands)
      if (isDependencyInstall(C))
        return " with dependencies installed on the runner";
  return "";
}

namespace {

/// ADM601: an admin command in a deploy CI job that bypasses the release.
class CiAdminOutsideReleaseCheck : public Check {
public:
  explicit CiAdminOutsideReleaseCheck(const CheckSettings &S)
      : Check(RuleId::CiAdminOutsideRelease, S) {}

  void checkFile(const FileAnalysis &F, Reporter &R) const override {
    if (F.Kind != FileKind::GithubWorkflow && F.Kind != FileKind::GitlabCi)
      return;
    const auto *Model = F.model<CiPipelineModel>();
    if (!Model)
      return;
    std::vector<Finding> Findings;
    DenseMap<uint32_t, size_t> ByOffset;
    for (const CiJob &Job : Model->Jobs)
      if (Job.AgainstDeployed && !jobRunsInRelease(Job))
        collectJob(Job, F, Findings, ByOffset);
    for (const Finding &Found : Findings)
      emit(Found, F, R);
  }

private:
  /// An admin command that bypasses the release, with the first job that
  /// runs it and the other jobs that share it (a GitLab template or
  /// `default:`).
  struct Finding {
    const CiJob *Job;
    AdminMatch Match;
    std::vector<std::string> AlsoIn;
  };

  void collectJob(const CiJob &Job, const FileAnalysis &F,
                  std::vector<Finding> &Findings,
                  DenseMap<uint32_t, size_t> &ByOffset) const {
    for (unsigned I : Job.ShellUnits) {
      const shell::Script &S = F.Shell[I].Script;
      for (AdminMatch &M : admin().matchAll(S)) {
        if (!M.isAdminTask() || throughRelease(M, S))
          continue;
        auto Inserted = ByOffset.try_emplace(M.Range.Begin, Findings.size());
        if (!Inserted.second) {
          Findings[Inserted.first->second].AlsoIn.push_back(Job.Id);
          continue;
        }
        Findings.push_back({&Job, std::move(M), {}});
      }
    }
  }

  void emit(const Finding &Found, const FileAnalysis &F, Reporter &R) const {
    const CiJob &Job = *Found.Job;
    const AdminMatch &M = Found.Match;
    Diagnostic &D =
        report(R, F.File, M.Range,
               "ci job '" + Job.Id + "' runs " + M.describe() +
                   " against a deployed environment (" + Job.DeployedReason +
                   ") from the runner's checkout" + adHocInstall(Job, F) +
                   "; run it through the release image instead");
    D.FingerprintKey = Job.Id + ":" + M.Text;
    D.Notes.push_back("run the release: `docker run <image>:<sha> ...`, "
                      "`kubectl create job --from=cronjob/...`, "
                      "`kubectl exec deploy/<app> -- ...`, `heroku run`");
    if (!Found.AlsoIn.empty())
      D.Notes.push_back("also run by ci job" +
                        std::string(Found.AlsoIn.size() > 1 ? "s " : " ") +
                        join(Found.AlsoIn, ", "));
  }
};

} // namespace

std::unique_ptr<Check>
createCiAdminOutsideReleaseCheck(const CheckSettings &S) {
  return std::make_unique<CiAdminOutsideReleaseCheck>(S);
}

} // namespace adminlint
