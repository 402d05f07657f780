//===- MakefileFrontend.cpp - Recipes of a Makefile -----------------------===//
#include "lib/Model/Frontends.h"
#include "lib/Parse/Makefile.h"

namespace adminlint {

/// The Makefile frontend: one shell unit per rule with a recipe, labelled
/// with the rule's first target.
void analyzeMakefile(FileAnalysis &A, const FrontendLimits &Limits) {
  auto M = std::make_shared<makefile::Makefile>(
      makefile::parse(A.File->text(), A.File->contentStart()));
  for (const makefile::ParseError &E : M->Errors)
    A.addDiag(RuleId::ParseError, E.Range, E.Message);
  shell::ParseOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  for (const makefile::Rule &R : M->Rules) {
    if (R.Recipe.empty())
      continue;
    ShellUnit U;
    U.Script = shell::parse(R.Script, Opts);
    A.addShellErrors(U.Script);
    U.Host = ShellHost::MakeRecipe;
    U.Label = R.Targets.empty() ? "" : R.Targets.front();
    A.Shell.push_back(std::move(U));
  }
  A.Model = std::move(M);
}

} // namespace adminlint
