//===- GitlabCi.cpp - GitLab CI pipelines ---------------------------------===//
//
// Jobs are read after GitLab's own merging: `extends:` (a name or a list,
// hidden `.templates`, several levels) is merged depth-first with hashes
// merged deeply, arrays and scalars replaced and the job's own keys winning;
// then the `default:` keywords (and the deprecated top-level image, services,
// before_script, after_script, cache) fill the keys the job still lacks,
// unless `inherit: default:` says otherwise. `!reference [job, key]` in a
// script list stands for that job's lines. Every merged value keeps the node
// it was written at, so findings point into the template or `default:`.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/GitlabCi.h"
#include "lib/Parse/Yaml.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"
#include <memory>

using namespace llvm;

namespace adminlint {

namespace {

struct MergedField;

/// A keyword's value after merging: the node of the definition that wins
/// (the job's own, else the closest template or `default:`) and, when that
/// node is a mapping, its fields merged deeply with those of the definitions
/// it overrides.
struct Merged {
  const yaml::Node *Value = nullptr;
  uint64_t Size = 1; ///< values in this tree, the cost of copying it
  std::vector<MergedField> Fields;
  StringMap<unsigned> Index; ///< field key to its index in Fields

  bool isMapping() const { return Value && Value->isMapping(); }
  const Merged *get(StringRef Key) const;
  /// The scalar value of field Key, or "".
  StringRef getString(StringRef Key) const;
};

/// One field of a merged mapping: where its key was written, and its value.
struct MergedField {
  const yaml::Node *Key = nullptr;
  Merged Value;
};

/// One top-level job or hidden template, and its merged keys once resolved.
struct Definition {
  const yaml::Node *Node = nullptr;
  enum { Unresolved, Resolving, Resolved } State = Unresolved;
  Merged Keys;
};

/// Builds the CiPipelineModel and shell units of one GitLab CI document.
class PipelineReader {
public:
  PipelineReader(FileAnalysis &A, const FrontendLimits &Limits)
      : A(A), Limits(Limits), Budget(Limits.MaxYamlNodes) {}
  void read(const yaml::Node &Root);
  std::shared_ptr<CiPipelineModel> takeModel() { return std::move(Model); }

private:
  /// GitLab's own limit on `extends` nesting.
  static constexpr unsigned MaxExtendsDepth = 11;

  void readDefaults(const yaml::Node &Root);
  const Merged *resolve(StringRef Id, const yaml::Node *Via, unsigned Depth);
  void mergeUnder(Merged &Into, const Merged &Base, unsigned Depth);
  Merged fromNode(const yaml::Node &N, unsigned Depth);
  void addFields(Merged &Into, const yaml::Node &Mapping, unsigned Depth);
  const Merged *key(const Merged &Job, StringRef Key) const;
  const yaml::Node *reference(const yaml::Node &Ref);
  void job(StringRef Id, SourceRange IdRange, const Merged &Keys);
  void scripts(CiJob &Job, const yaml::Node &N, unsigned Depth);
  bool spend(uint64_t Cost);
  void error(SourceRange R, const Twine &Message) {
    A.addDiag(RuleId::ParseError, R, Message.str());
  }

  FileAnalysis &A;
  const FrontendLimits &Limits;
  std::shared_ptr<CiPipelineModel> Model = std::make_shared<CiPipelineModel>();
  StringMap<Definition> Definitions;
  Merged Defaults; ///< `default:` keywords and top-level globals
  /// Shell unit of each script line already read (shared by every job that
  /// inherits it), or NoUnit for a line that was not a string.
  DenseMap<const yaml::Node *, unsigned> UnitOf;
  static constexpr unsigned NoUnit = ~0u;
  /// The `!reference` tags being expanded, so a reference to itself stops.
  SmallPtrSet<const yaml::Node *, 8> Expanding;
  uint64_t Budget; ///< values left to copy (FrontendLimits::MaxYamlNodes)
  bool BudgetReported = false;
};

} // namespace

const Merged *Merged::get(StringRef Key) const {
  auto It = Index.find(Key);
  return It == Index.end() ? nullptr : &Fields[It->second].Value;
}

StringRef Merged::getString(StringRef Key) const {
  const Merged *M = get(Key);
  return M && M->Value && M->Value->isScalar() ? M->Value->value() : "";
}

/// Top-level keys that configure the pipeline rather than name a job.
static bool isReservedKey(StringRef Key) {
  return StringSwitch<bool>(Key)
      .Cases("stages", "variables", "default", "include", "workflow", true)
      .Cases("image", "services", "before_script", "after_script", true)
      .Cases("cache", "types", true)
      .Default(false);
}

/// Top-level keys that GitLab still reads as `default:` keywords.
static bool isGlobalDefault(StringRef Key) {
  return StringSwitch<bool>(Key)
      .Cases("image", "services", "before_script", "after_script", "cache",
             true)
      .Default(false);
}

/// Counts Cost values copied; false once the budget is spent (ADM902 once).
bool PipelineReader::spend(uint64_t Cost) {
  if (Cost <= Budget) {
    Budget -= Cost;
    return true;
  }
  Budget = 0;
  if (!BudgetReported)
    A.addDiag(RuleId::ScanLimit, SourceRange{0, 0},
              "gitlab-ci: extends and default expansion exceeds " +
                  std::to_string(Limits.MaxYamlNodes) +
                  " nodes; raise it with --max-yaml-nodes");
  BudgetReported = true;
  return false;
}

static void append(Merged &Into, MergedField F) {
  Into.Index[F.Key->value()] = Into.Fields.size();
  Into.Size += F.Value.Size;
  Into.Fields.push_back(std::move(F));
}

/// Merges Base under Into: the fields Into lacks are copied from Base,
/// fields both hold as mappings merge deeply, anything else Into holds wins.
void PipelineReader::mergeUnder(Merged &Into, const Merged &Base,
                                unsigned Depth) {
  if (!Base.Value)
    return;
  if (!Into.Value) {
    if (spend(Base.Size))
      Into = Base;
    return;
  }
  if (!Into.isMapping() || !Base.isMapping() || Depth >= Limits.MaxNestingDepth)
    return;
  for (const MergedField &F : Base.Fields) {
    auto Found = Into.Index.find(F.Key->value());
    if (Found != Into.Index.end()) {
      MergedField &Own = Into.Fields[Found->second];
      uint64_t Before = Own.Value.Size;
      mergeUnder(Own.Value, F.Value, Depth + 1);
      Into.Size = Into.Size - Before + Own.Value.Size;
      continue;
    }
    if (!spend(F.Value.Size))
      return;
    append(Into, F);
  }
}

/// Adds the entries of Mapping to Into, then the mappings of its `<<` merge
/// keys under them, so that the mapping's own keys win.
void PipelineReader::addFields(Merged &Into, const yaml::Node &Mapping,
                               unsigned Depth) {
  for (const yaml::MapEntry &E : Mapping.entries())
    if (E.Key->isScalar() && !E.isMerge() && !Into.Index.count(E.Key->value()))
      append(Into, {E.Key, fromNode(*E.Value, Depth + 1)});
  if (Depth >= Limits.MaxNestingDepth)
    return;
  for (const yaml::MapEntry &E : Mapping.entries()) {
    if (!E.isMerge())
      continue;
    if (E.Value->isMapping())
      mergeUnder(Into, fromNode(*E.Value, Depth + 1), Depth);
    for (const yaml::Node *Item : E.Value->items())
      if (Item->isMapping())
        mergeUnder(Into, fromNode(*Item, Depth + 1), Depth);
  }
}

Merged PipelineReader::fromNode(const yaml::Node &N, unsigned Depth) {
  Merged M;
  M.Value = &N;
  if (N.isMapping() && Depth < Limits.MaxNestingDepth)
    addFields(M, N, Depth);
  return M;
}

/// The names a definition extends, in order.
static SmallVector<const yaml::Node *, 4> extendsOf(const yaml::Node &Def) {
  SmallVector<const yaml::Node *, 4> Out;
  const yaml::Node *E = Def.get("extends");
  if (!E)
    return Out;
  if (E->isScalar())
    Out.push_back(E);
  for (const yaml::Node *Item : E->items())
    if (Item->isScalar())
      Out.push_back(Item);
  return Out;
}

/// The merged keys of definition Id (extends applied, defaults not yet), or
/// null when it is unknown (defined in a file not read), in a cycle or too
/// deeply nested. Via is the `extends` entry that names it.
const Merged *PipelineReader::resolve(StringRef Id, const yaml::Node *Via,
                                      unsigned Depth) {
  auto It = Definitions.find(Id);
  if (It == Definitions.end())
    return nullptr;
  Definition &D = It->second;
  if (D.State == Definition::Resolved)
    return &D.Keys;
  if (D.State == Definition::Resolving) {
    error(Via->range(), "gitlab-ci: '" + Id + "' extends itself");
    return nullptr;
  }
  if (Depth > MaxExtendsDepth) {
    error(Via->range(), "gitlab-ci: 'extends' nests deeper than " +
                            Twine(MaxExtendsDepth) + " levels at '" + Id + "'");
    return nullptr;
  }
  D.State = Definition::Resolving;
  SmallVector<const Merged *, 4> Bases;
  for (const yaml::Node *Base : extendsOf(*D.Node))
    if (const Merged *B = resolve(Base->value(), Base, Depth + 1))
      Bases.push_back(B);
  // The job's own keys first, so a spent budget loses only inherited ones;
  // a later entry of `extends` wins over an earlier one.
  Merged Keys = fromNode(*D.Node, 0);
  for (const Merged *B : llvm::reverse(Bases))
    mergeUnder(Keys, *B, 0);
  D.Keys = std::move(Keys);
  D.State = Definition::Resolved;
  return &D.Keys;
}

void PipelineReader::readDefaults(const yaml::Node &Root) {
  Merged Globals;
  Globals.Value = &Root;
  for (const yaml::MapEntry &E : Root.entries()) {
    if (!E.Key->isScalar() || !isGlobalDefault(E.Key->value()))
      continue;
    Globals.Index[E.Key->value()] = Globals.Fields.size();
    Globals.Fields.push_back({E.Key, fromNode(*E.Value, 1)});
    Globals.Size += Globals.Fields.back().Value.Size;
  }
  const yaml::Node *D = Root.get("default");
  if (!D || !D->isMapping()) {
    Defaults = std::move(Globals);
    return;
  }
  Defaults = fromNode(*D, 0);
  mergeUnder(Defaults, Globals, 0);
}

/// Whether a job inherits default keyword Key under `inherit: default:`
/// (true, false, or a list of keywords).
static bool inheritsDefault(const Merged &Job, StringRef Key) {
  const Merged *Inherit = Job.get("inherit");
  const Merged *D = Inherit ? Inherit->get("default") : nullptr;
  if (!D || !D->Value)
    return true;
  if (D->Value->isScalar())
    return D->Value->value() != "false";
  for (const yaml::Node *Item : D->Value->items())
    if (Item->isScalar() && Item->value() == Key)
      return true;
  return false;
}

/// The node a `!reference [job, key, ...]` names, or null when the job or a
/// key is unknown.
const yaml::Node *PipelineReader::reference(const yaml::Node &Ref) {
  ArrayRef<const yaml::Node *> Path = Ref.items();
  if (Path.size() < 2 || !Path.front()->isScalar())
    return nullptr;
  const Merged *At = resolve(Path.front()->value(), Path.front(), 0);
  for (const yaml::Node *Key : Path.drop_front()) {
    if (!At || !Key->isScalar())
      return nullptr;
    At = At->get(Key->value());
  }
  return At ? At->Value : nullptr;
}

/// Keyword Key of a job: its own (extends applied), else the inherited
/// default.
const Merged *PipelineReader::key(const Merged &Job, StringRef Key) const {
  if (const Merged *Own = Job.get(Key))
    return Own;
  return inheritsDefault(Job, Key) ? Defaults.get(Key) : nullptr;
}

static void readVariables(const Merged *Vars, std::vector<CiVariable> &Out) {
  if (!Vars || !Vars->isMapping())
    return;
  for (const MergedField &F : Vars->Fields) {
    const Merged *Value = &F.Value;
    if (const Merged *V = Value->get("value"))
      Value = V;
    if (!Value->Value)
      continue;
    CiVariable V;
    V.Name = F.Key->value().str();
    V.NameRange = F.Key->range();
    V.ValueRange = Value->Value->range();
    if (Value->Value->isScalar())
      V.Value = Value->Value->value().str();
    Out.push_back(std::move(V));
  }
}

/// The name of an image, service or environment: the scalar, or the `name`
/// of a mapping.
static const yaml::Node *nameNodeOf(const Merged *M) {
  if (!M || !M->Value)
    return nullptr;
  if (M->Value->isScalar())
    return M->Value;
  const Merged *Name = M->get("name");
  return Name && Name->Value && Name->Value->isScalar() ? Name->Value : nullptr;
}

static std::string nameOf(const yaml::Node *N) {
  if (!N)
    return "";
  if (N->isScalar())
    return N->value().str();
  return N->isMapping() ? N->getString("name").str() : "";
}

void PipelineReader::scripts(CiJob &Job, const yaml::Node &N, unsigned Depth) {
  if (N.isNull())
    return;
  if (N.tag() == "!reference" && N.isSequence()) {
    const yaml::Node *Target = reference(N);
    if (Target && Depth < 8 && Expanding.insert(&N).second) {
      scripts(Job, *Target, Depth + 1);
      Expanding.erase(&N);
    }
    return;
  }
  if (N.isSequence() && Depth < 8) {
    for (const yaml::Node *I : N.items())
      scripts(Job, *I, Depth + 1);
    return;
  }
  auto Known = UnitOf.find(&N);
  if (N.isScalar())
    collectDeployedVariableRefs(N.value(), Job.SecretRefs);
  if (Known != UnitOf.end()) {
    if (Known->second != NoUnit)
      Job.ShellUnits.push_back(Known->second);
    return;
  }
  if (!N.isScalar()) {
    UnitOf[&N] = NoUnit;
    error(N.range(),
          "gitlab-ci: a script line of job '" + Job.Id + "' is not a string");
    return;
  }
  shell::ParseOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  ShellUnit U;
  U.Script = shell::parse(N.text(), Opts);
  A.addShellErrors(U.Script);
  U.Host = ShellHost::GitlabScript;
  U.Label = Job.Id;
  UnitOf[&N] = A.Shell.size();
  Job.ShellUnits.push_back(A.Shell.size());
  A.Shell.push_back(std::move(U));
}

void PipelineReader::job(StringRef Id, SourceRange IdRange,
                         const Merged &Keys) {
  CiJob Job;
  Job.Id = Id.str();
  Job.IdRange = IdRange;
  Job.Name = Id.str();
  Job.Stage = Keys.getString("stage").str();
  if (const Merged *Env = key(Keys, "environment")) {
    const yaml::Node *Name = nameNodeOf(Env);
    Job.Environment = Name ? Name->value().str() : "";
    Job.EnvironmentRange = (Name ? Name : Env->Value)->range();
  }
  if (const yaml::Node *Image = nameNodeOf(key(Keys, "image")))
    Job.Image = Image->value().str();
  if (const Merged *Services = key(Keys, "services"))
    for (const yaml::Node *S : Services->Value->items())
      Job.Services.push_back(nameOf(S));
  readVariables(Keys.get("variables"), Job.Variables);
  for (const CiVariable &V : Job.Variables)
    collectSecretRefs(V.Value, Job.SecretRefs);
  for (StringRef Key : {"before_script", "script", "after_script"})
    if (const Merged *S = key(Keys, Key))
      scripts(Job, *S->Value, 0);
  classifyCiJob(Job);
  for (unsigned I : Job.ShellUnits)
    A.Shell[I].AgainstDeployed |= Job.AgainstDeployed;
  Model->Jobs.push_back(std::move(Job));
}

void PipelineReader::read(const yaml::Node &Root) {
  if (!Root.isMapping()) {
    if (!Root.isNull())
      error(Root.range(), "gitlab-ci: the document is not a mapping");
    return;
  }
  if (const yaml::Node *Vars = Root.get("variables")) {
    Merged Globals = fromNode(*Vars, 0);
    readVariables(&Globals, Model->Variables);
  }
  readDefaults(Root);
  for (const yaml::MapEntry &E : Root.entries())
    if (E.Key->isScalar() && E.Value->isMapping() &&
        !isReservedKey(E.Key->value()))
      Definitions[E.Key->value()].Node = E.Value;
  for (const yaml::MapEntry &E : Root.entries()) {
    if (!E.Key->isScalar() || !E.Value->isMapping())
      continue;
    StringRef Key = E.Key->value();
    if (isReservedKey(Key) || Key.startswith("."))
      continue;
    if (const Merged *Keys = resolve(Key, E.Key, 0))
      job(Key, E.Key->range(), *Keys);
  }
}

void analyzeGitlabCi(FileAnalysis &A, const FrontendLimits &Limits) {
  yaml::YamlOptions Opts;
  Opts.MaxDepth = Limits.MaxNestingDepth;
  Opts.MaxNodes = Limits.MaxYamlNodes;
  yaml::Stream S = yaml::Stream::parse(A.File->text(), Opts);
  for (const yaml::Problem &P : S.problems())
    A.addDiag(P.Rule, P.Range, P.Message);
  PipelineReader Reader(A, Limits);
  if (!S.documents().empty())
    Reader.read(*S.documents().front().Root);
  A.Model = Reader.takeModel();
}

} // namespace adminlint
