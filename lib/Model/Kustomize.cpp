//===- Kustomize.cpp - kustomizations, bases, overlays and images ---------===//
#include "lib/Model/Kustomize.h"
#include "lib/Model/Helm.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace adminlint {
namespace kustomize {

/// Bases below overlays below overlays: deeper nesting is reported, not read.
constexpr unsigned MaxNesting = 32;

std::string directoryOf(StringRef KustomizationPath) {
  return sys::path::parent_path(KustomizationPath, sys::path::Style::posix)
      .str();
}

static bool isRemote(StringRef Entry) {
  return Entry.contains("://") || Entry.startswith("github.com/") ||
         Entry.startswith("git@") || Entry.contains("?ref=") ||
         Entry.startswith("/");
}

Optional<std::string> resolveResourcePath(StringRef Dir, StringRef Entry) {
  Entry = Entry.trim();
  if (Entry.empty() || isRemote(Entry))
    return None;
  SmallVector<StringRef, 8> Parts;
  SmallVector<StringRef, 8> Input;
  Dir.split(Input, '/', -1, false);
  Entry.split(Input, '/', -1, false);
  for (StringRef P : Input) {
    if (P == ".")
      continue;
    if (P != "..") {
      Parts.push_back(P);
      continue;
    }
    if (Parts.empty())
      return None;
    Parts.pop_back();
  }
  return join(Parts, "/");
}

static void rewriteWritten(ImageRef &Image) {
  Image.Written = Image.Repository;
  if (!Image.Tag.empty())
    Image.Written += ":" + Image.Tag;
  if (!Image.Digest.empty())
    Image.Written += "@" + Image.Digest;
}

bool applyImageOverrides(ArrayRef<ImageOverride> Overrides, ImageRef &Image) {
  if (!Image.Resolved)
    return false;
  for (const ImageOverride &O : Overrides) {
    if (O.Name != Image.Repository)
      continue;
    if (!O.NewName.empty())
      Image.Repository = O.NewName;
    if (!O.NewTag.empty()) {
      Image.Tag = O.NewTag;
      Image.Digest.clear();
    }
    if (!O.Digest.empty()) {
      Image.Digest = O.Digest;
      Image.Tag.clear();
    }
    rewriteWritten(Image);
    return true;
  }
  return false;
}

namespace {

/// Follows the resources of every kustomization once, depth first.
class Builder {
public:
  explicit Builder(const RepoModel &M) {
    for (const auto &F : M.Files) {
      Files[F->File->path()] = F.get();
      if (F->Kind != FileKind::Kustomization || !F->Model)
        continue;
      ByDir[directoryOf(F->File->path())] = Kusts.size();
      Kusts.push_back(F.get());
    }
    State.assign(Kusts.size(), Unvisited);
    Out.Units.resize(Kusts.size());
  }

  KustomizeModel run() {
    for (size_t I = 0; I < Kusts.size(); ++I)
      if (State[I] == Unvisited)
        visit(I, 0);
    return std::move(Out);
  }

private:
  enum VisitState { Unvisited, InProgress, Done };

  void visit(size_t I, unsigned Depth);
  void include(size_t I, const Resource &R, unsigned Depth);
  void problem(size_t I, SourceRange R, const Twine &Message) {
    Diagnostic D;
    D.Rule = RuleId::ParseError;
    D.Severity = ruleInfo(D.Rule).DefaultLevel;
    D.Message = Message.str();
    D.Primary.File = Kusts[I]->File;
    D.Primary.Range = R;
    Out.Problems.push_back(std::move(D));
  }

  StringMap<const FileAnalysis *> Files;
  StringMap<size_t> ByDir;
  std::vector<const FileAnalysis *> Kusts;
  std::vector<VisitState> State;
  KustomizeModel Out;
};

} // namespace

void Builder::include(size_t I, const Resource &R, unsigned Depth) {
  std::vector<Workload> &Into = Out.Units[I].Workloads;
  auto Sub = ByDir.find(R.Path);
  if (Sub == ByDir.end()) {
    auto File = Files.find(R.Path);
    if (File == Files.end())
      return;
    Out.ResourceFiles.insert(R.Path);
    for (const Workload &W : File->second->Workloads)
      Into.push_back(W);
    return;
  }
  size_t J = Sub->second;
  if (State[J] == InProgress) {
    problem(I, R.Range,
            "kustomization cycle: '" + R.Written +
                "' includes a kustomization that includes it");
    return;
  }
  if (State[J] == Unvisited) {
    if (Depth + 1 >= MaxNesting) {
      problem(I, R.Range,
              Twine("kustomizations nested deeper than ") + Twine(MaxNesting) +
                  " levels are not read");
      return;
    }
    visit(J, Depth + 1);
  }
  Out.Units[J].IsBase = true;
  const std::vector<Workload> &Base = Out.Units[J].Workloads;
  Into.insert(Into.end(), Base.begin(), Base.end());
}

void Builder::visit(size_t I, unsigned Depth) {
  State[I] = InProgress;
  const FileAnalysis &F = *Kusts[I];
  const Kustomization &K = *F.model<Kustomization>();
  Unit &U = Out.Units[I];
  U.Path = F.File->path().str();
  U.Dir = directoryOf(U.Path);
  for (const Resource &R : K.Resources)
    include(I, R, Depth);
  // Out.Units is not resized during the visit, so U stays valid.
  for (Workload &W : U.Workloads) {
    applyImageOverrides(K.Images, W.Image);
    W.ReleaseUnit = U.Dir;
  }
  State[I] = Done;
}

KustomizeModel buildKustomizations(const RepoModel &M) {
  return Builder(M).run();
}

static bool sameImage(const ImageRef &A, const ImageRef &B) {
  return A.Written == B.Written && A.Resolved == B.Resolved &&
         A.Repository == B.Repository && A.Tag == B.Tag && A.Digest == B.Digest;
}

/// What a unit's workloads run, by place and image: overlays that leave a
/// base as it is have the same signature and are compared only once.
static std::string signature(const Unit &U) {
  std::string Out;
  for (const Workload &W : U.Workloads) {
    Out += W.File ? W.File->path().str() : std::string();
    Out += ":" + std::to_string(W.Range.Begin) + "=" + W.Image.Written + "\n";
  }
  return Out;
}

std::vector<const Workload *> releaseWorkloads(const RepoModel &M,
                                               std::deque<Workload> &Storage) {
  helm::HelmResolver Helm(M);
  KustomizeModel K = buildKustomizations(M);
  std::vector<const Workload *> Out;
  for (const Workload *W : M.Workloads) {
    if (W->File && K.ResourceFiles.count(W->File->path()))
      continue;
    ImageRef Image = Helm.resolveImage(*W);
    if (sameImage(Image, W->Image)) {
      Out.push_back(W);
      continue;
    }
    Storage.push_back(*W);
    Storage.back().Image = std::move(Image);
    Out.push_back(&Storage.back());
  }
  StringSet<> Seen;
  for (Unit &U : K.Units) {
    if (U.IsBase || !Seen.insert(signature(U)).second)
      continue;
    for (Workload &W : U.Workloads) {
      Storage.push_back(std::move(W));
      Out.push_back(&Storage.back());
    }
  }
  return Out;
}

} // namespace kustomize
} // namespace adminlint
