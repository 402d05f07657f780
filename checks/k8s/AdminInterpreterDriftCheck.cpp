//===- AdminInterpreterDriftCheck.cpp - ADM202 admin-interpreter-drift ----===//
#include "checks/k8s/ReleaseCheck.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {
namespace {

StringRef baseName(StringRef Path) {
  return sys::path::filename(Path, sys::path::Style::posix);
}

/// Which language a runner or framework belongs to ("" if unknown).
StringRef ecosystem(StringRef Runner, StringRef Framework) {
  StringRef Name = baseName(Runner.split(' ').first);
  if (Name.empty())
    Name = Framework;
  if (Name.startswith("python"))
    return "python";
  return StringSwitch<StringRef>(Name)
      .Cases("poetry", "pipenv", "uv", "pdm", "django", "python")
      .Cases("flask", "alembic", "python")
      .Cases("bundle", "ruby", "rails", "ruby")
      .Cases("node", "npx", "npm", "yarn", "pnpm", "node")
      .Cases("knex", "sequelize", "prisma", "typeorm", "node-migrate", "node")
      .Default("");
}

/// A runner with system interpreters folded together: "/usr/bin/python3" and
/// "python" are the same; a virtualenv's python is not.
std::string normalize(StringRef Runner) {
  StringRef Name = baseName(Runner);
  if (Name.startswith("python") && !Runner.contains("venv") &&
      !Runner.contains("/app/") && !Runner.contains("/opt/"))
    return "python";
  return Runner.str();
}

/// Whether the admin command's runner differs from the app's in a way that
/// loads other dependencies: outside the bundle (a binstub loads it itself),
/// another Python than the app's virtualenv or wrapper, or an npx/exec tool
/// instead of the app's node.
bool drifts(StringRef AppRunner, const AdminMatch &Admin) {
  StringRef AdminRunner = Admin.Runner;
  StringRef Eco = ecosystem(AppRunner, "");
  if (AppRunner.empty() || Eco.empty() ||
      Eco != ecosystem(AdminRunner, Admin.Framework) ||
      normalize(AppRunner) == normalize(AdminRunner))
    return false;
  if (Eco == "node")
    return AdminRunner == "npx" || AdminRunner.endswith(" exec");
  if (Eco == "ruby") {
    StringRef Text = Admin.Text;
    bool Binstub = Text.startswith("bin/") || Text.startswith("./bin/") ||
                   Text.contains("/bin/rails") || Text.contains("/bin/rake");
    return AppRunner == "bundle exec" && !Binstub;
  }
  return !AdminRunner.empty();
}

/// The app's process command, looking into `sh -c "..."`.
const shell::Command *appProcess(const Workload &App, shell::Script &Nested) {
  if (App.Script.Commands.empty())
    return nullptr;
  const shell::Command &C = App.Script.Commands.front();
  StringRef Shell = baseName(C.name());
  if (C.Words.size() >= 3 && (Shell == "sh" || Shell == "bash") &&
      C.Words[1].value() == "-c") {
    Nested = shell::parseWord(C.Words[2]);
    return Nested.Commands.empty() ? nullptr : &Nested.Commands.back();
  }
  return &C;
}

/// ADM202: the admin command runs under another interpreter or wrapper than
/// the app's process.
class AdminInterpreterDriftCheck : public ReleaseCheck {
public:
  explicit AdminInterpreterDriftCheck(const CheckSettings &S)
      : ReleaseCheck(RuleId::AdminInterpreterDrift, S) {}

  void checkRun(const AdminRun &Run, Reporter &R) const override {
    if (!Run.App)
      return;
    shell::Script Nested;
    const shell::Command *Process = appProcess(*Run.App, Nested);
    if (!Process)
      return;
    std::string AppRunner = processRunner(*Process);
    StringRef AdminRunner = Run.Match.Runner;
    if (!drifts(AppRunner, Run.Match))
      return;
    std::string How = AdminRunner.empty() ? std::string("directly")
                                          : "with '" + AdminRunner.str() + "'";
    Diagnostic &D = report(R, Run.Admin->File, Run.Match.Range,
                           "admin command runs " + How + ", the app (" +
                               nameOf(*Run.App) + ") with '" + AppRunner + "'");
    D.Related.push_back(
        {Run.App->File, Process->Range, "app process started here"});
    D.FingerprintKey = nameOf(*Run.Admin) + " " + AdminRunner.str();
  }
};

} // namespace

std::unique_ptr<Check>
createAdminInterpreterDriftCheck(const CheckSettings &S) {
  return std::make_unique<AdminInterpreterDriftCheck>(S);
}

} // namespace adminlint
