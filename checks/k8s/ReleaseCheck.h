//===- ReleaseCheck.h - Base of the checks over the release model -*- C++
//-*-===//
#ifndef ADMINLINT_CHECKS_K8S_RELEASECHECK_H
#define ADMINLINT_CHECKS_K8S_RELEASECHECK_H

#include "lib/Check/Check.h"
#include "lib/Model/ReleaseModel.h"

namespace adminlint {

/// A check that compares each admin run of the release model with its app.
class ReleaseCheck : public Check {
public:
  using Check::Check;

  void checkFile(const FileAnalysis &F, Reporter &R) const override {}
  void checkRepository(const RepoModel &M, Reporter &R) const override {
    ReleaseOptions Opts;
    Opts.Admin = Settings.Admin;
    Opts.AppImage = Settings.AppImage;
    Opts.Aliases = Settings.RegistryAliases;
    for (const AdminRun &Run : releaseModel(M, Opts).adminRuns())
      checkRun(Run, R);
  }

protected:
  virtual void checkRun(const AdminRun &Run, Reporter &R) const = 0;

  /// "Job/migrate" (container names are added when not the resource's).
  static std::string nameOf(const Workload &W) {
    std::string Out = W.Origin + "/" + W.Name;
    if (!W.Container.empty() && W.Container != W.Name)
      Out += "/" + W.Container;
    return Out;
  }
  /// Adds the app's image as a related location, when it is in the repository.
  static void relateAppImage(Diagnostic &D, const AdminRun &Run) {
    if (Run.App && Run.App->Image.File)
      D.Related.push_back(
          {Run.App->Image.File, Run.App->Image.Range,
           "app image declared here (" + nameOf(*Run.App) + ")"});
  }
  /// Where to point at an admin workload's image (its workload if it has none).
  static SourceRange imageRange(const Workload &W) {
    return W.Image.File && !W.Image.Range.empty() ? W.Image.Range : W.Range;
  }
};

} // namespace adminlint

#endif
