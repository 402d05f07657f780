//===- HardcodedAdminConfigCheck.cpp - ADM103 hardcoded-admin-config ------===//
//
// An admin invocation or script sets its own config instead of the
// release's: a literal DATABASE_URL, password or database host, another
// settings module (DJANGO_SETTINGS_MODULE=x.settings_prod, --settings=),
// RAILS_ENV forced in a one-off, a config file read from a server path. A
// literal credential makes it an error; the secret never reaches a message.
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"
#include "lib/Model/CiJob.h"
#include "lib/Model/ConfigLiteral.h"
#include "lib/Model/CxxSource.h"
#include "lib/Model/PythonScript.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {

/// Splits NAME=VALUE where NAME is an identifier.
static bool splitAssignment(StringRef Word, StringRef &Name, StringRef &Value) {
  size_t Eq = Word.find('=');
  if (Eq == 0 || Eq == StringRef::npos)
    return false;
  Name = Word.take_front(Eq);
  Value = Word.drop_front(Eq + 1);
  return (isAlpha(Name[0]) || Name[0] == '_') &&
         all_of(Name, [](char C) { return isAlnum(C) || C == '_'; });
}

/// The config an option sets: --settings, --database-url, --config.
static Optional<ConfigSetting> optionSetting(StringRef Option,
                                             StringRef Value) {
  StringRef Name = Option.ltrim('-');
  if (Name == "settings")
    return classifyConfig("DJANGO_SETTINGS_MODULE", Value);
  if (Name == "database-url" || Name == "database_url" || Name == "db-url")
    return classifyConfig("DATABASE_URL", Value);
  if (Name == "config" || Name == "config-file" || Name == "c")
    return classifyConfigLiteral(Value);
  return None;
}

static bool containsMatch(const shell::Command &C,
                          ArrayRef<AdminMatch> Matches) {
  for (const AdminMatch &M : Matches)
    if (C.Range.Begin <= M.CommandRange.Begin &&
        M.CommandRange.End <= C.Range.End)
      return true;
  return false;
}

static bool isScriptAdmin(const FileAnalysis &F, const PythonScriptModel &M) {
  StringRef Name = sys::path::filename(F.File->path());
  if (Name.startswith("settings") || Name == "config.py" ||
      F.File->path().contains("/settings/"))
    return false;
  return !M.AdminWork.empty() || !M.Bootstrap.empty() ||
         AdminMatcher::isAdminScriptName(F.File->path());
}

namespace {

/// ADM103: literal config or credentials in admin code.
class HardcodedAdminConfigCheck : public Check {
public:
  explicit HardcodedAdminConfigCheck(const CheckSettings &S)
      : Check(RuleId::HardcodedAdminConfig, S) {}

  void checkFile(const FileAnalysis &F, Reporter &R) const override {
    if (F.Ctx != Context::Production)
      return;
    Check::checkFile(F, R);
    if (F.Kind == FileKind::Python)
      checkPython(F, R);
    else if (F.Kind == FileKind::GithubWorkflow || F.Kind == FileKind::GitlabCi)
      checkPipeline(F, R);
    else if (F.Kind == FileKind::Cxx)
      checkCxx(F, R);
  }

  void checkShell(const ShellUnit &U, const FileAnalysis &F,
                  Reporter &R) const override {
    std::vector<AdminMatch> Matches;
    for (AdminMatch &M : admin().matchAll(U.Script))
      if (M.isAdminTask())
        Matches.push_back(std::move(M));
    if (Matches.empty())
      return;
    uint32_t FirstAdmin = Matches.front().CommandRange.Begin;
    for (const shell::Command &C : U.Script.Commands) {
      bool Before =
          C.Range.End <= FirstAdmin && (C.isExport() || C.Words.empty());
      if (Before || containsMatch(C, Matches))
        checkCommand(C, F, R);
    }
  }

private:
  /// Reports S at Range; Value holds the literal value's host bytes, masked
  /// in every output when it is a credential.
  void emit(const ConfigSetting &S, const SourceFileRef &File,
            SourceRange Range, SourceRange Value, StringRef Who,
            Reporter &R) const {
    Diagnostic &D =
        report(R, File, Range,
               (Who + " sets its own config " + S.Shown +
                (S.HasCredential ? " with a literal credential" : "") +
                " instead of the release's")
                   .str());
    if (S.HasCredential) {
      D.Severity = Level::Error;
      D.Secrets.push_back(Value);
    }
    D.FingerprintKey = S.FingerprintKey;
  }

  void checkWord(const shell::Word &W, const shell::Word *Next,
                 const FileAnalysis &F, Reporter &R) const {
    StringRef Name, Value;
    Optional<ConfigSetting> S;
    SourceRange ValueRange = W.Range;
    StringRef V = W.value();
    if (V.startswith("-")) {
      if (splitAssignment(V.ltrim('-'), Name, Value))
        S = optionSetting(Name, Value);
      else if (Next)
        S = optionSetting(V, Next->value());
    } else if (splitAssignment(V, Name, Value)) {
      S = classifyConfig(Name, Value);
      ValueRange = W.Text.toHost(Name.size() + 1, V.size());
    }
    if (S)
      emit(*S, F.File, W.Range, ValueRange, "admin command", R);
  }

  void checkCommand(const shell::Command &C, const FileAnalysis &F,
                    Reporter &R) const {
    for (const shell::Word &W : C.Assignments)
      checkWord(W, nullptr, F, R);
    for (size_t I = 1; I < C.Words.size(); ++I)
      checkWord(C.Words[I], I + 1 < C.Words.size() ? &C.Words[I + 1] : nullptr,
                F, R);
  }

  void checkPython(const FileAnalysis &F, Reporter &R) const {
    const auto *M = F.model<PythonScriptModel>();
    if (!M || !isScriptAdmin(F, *M))
      return;
    for (const PythonConfigLiteral &L : M->Config) {
      Optional<ConfigSetting> S = L.Name.empty()
                                      ? classifyConfigLiteral(L.Value)
                                      : classifyConfig(L.Name, L.Value);
      if (S)
        emit(*S, F.File, L.Range, L.Range, "admin script", R);
    }
  }

  bool runsAdmin(const CiJob &Job, const FileAnalysis &F) const {
    for (unsigned I : Job.ShellUnits)
      for (const AdminMatch &M : admin().matchAll(F.Shell[I].Script))
        if (M.isAdminTask())
          return true;
    return false;
  }

  void checkVariables(ArrayRef<CiVariable> Vars, const FileAnalysis &F,
                      Reporter &R) const {
    for (const CiVariable &V : Vars)
      if (Optional<ConfigSetting> S = classifyConfig(V.Name, V.Value))
        emit(*S, F.File, V.ValueRange, V.ValueRange,
             "ci job running an admin command", R);
  }

  void checkPipeline(const FileAnalysis &F, Reporter &R) const {
    const auto *M = F.model<CiPipelineModel>();
    if (!M)
      return;
    bool AnyAdminJob = false;
    for (const CiJob &Job : M->Jobs) {
      if ((Job.IsTest && !Job.AgainstDeployed) || !runsAdmin(Job, F))
        continue;
      AnyAdminJob = true;
      checkVariables(Job.Variables, F, R);
    }
    if (AnyAdminJob)
      checkVariables(M->Variables, F, R);
  }

  void checkCxx(const FileAnalysis &F, Reporter &R) const {
    const auto *M = F.model<CxxSourceModel>();
    if (!M)
      return;
    for (const CxxEnvLiteral &E : M->Env)
      if (Optional<ConfigSetting> S = classifyConfig(E.Name, E.Value))
        emit(*S, F.File, E.Range, E.Range, E.Function + " in C/C++ code", R);
  }
};

} // namespace

std::unique_ptr<Check> createHardcodedAdminConfigCheck(const CheckSettings &S) {
  return std::make_unique<HardcodedAdminConfigCheck>(S);
}

} // namespace adminlint
