//===- Ignore.cpp - gitignore patterns and path globs ---------------------===//
#include "lib/Driver/Ignore.h"
#include "llvm/ADT/SmallVector.h"

using namespace llvm;

namespace adminlint {

/// Matches a bracket expression at Glob[GI] ('[') against C; advances GI past
/// the closing ']'. A '[' with no closing ']' matches itself.
static bool matchBracket(StringRef Glob, size_t &GI, char C) {
  size_t I = GI + 1;
  bool Negate = I < Glob.size() && (Glob[I] == '!' || Glob[I] == '^');
  if (Negate)
    ++I;
  size_t Start = I;
  bool Matched = false;
  for (; I < Glob.size() && (Glob[I] != ']' || I == Start); ++I) {
    char Lo = Glob[I];
    if (Lo == '\\' && I + 1 < Glob.size())
      Lo = Glob[++I];
    char Hi = Lo;
    if (I + 2 < Glob.size() && Glob[I + 1] == '-' && Glob[I + 2] != ']') {
      Hi = Glob[I + 2];
      I += 2;
    }
    if (Lo <= C && C <= Hi)
      Matched = true;
  }
  if (I >= Glob.size()) {
    ++GI;
    return C == '[';
  }
  GI = I + 1;
  return Matched != Negate;
}

bool matchSegment(StringRef Glob, StringRef Text) {
  size_t GI = 0, TI = 0;
  size_t StarG = StringRef::npos, StarT = 0;
  while (TI < Text.size()) {
    if (GI < Glob.size() && Glob[GI] == '*') {
      StarG = ++GI;
      StarT = TI;
      continue;
    }
    if (GI < Glob.size() && Text[TI] != '/') {
      char G = Glob[GI];
      size_t Next = GI;
      bool Ok;
      if (G == '?') {
        Ok = true;
        ++Next;
      } else if (G == '[') {
        Ok = matchBracket(Glob, Next, Text[TI]);
      } else {
        if (G == '\\' && GI + 1 < Glob.size())
          G = Glob[++Next];
        Ok = G == Text[TI];
        ++Next;
      }
      if (Ok) {
        GI = Next;
        ++TI;
        continue;
      }
    }
    if (StarG == StringRef::npos || Text[StarT] == '/')
      return false;
    GI = StarG;
    TI = ++StarT;
  }
  while (GI < Glob.size() && Glob[GI] == '*')
    ++GI;
  return GI == Glob.size();
}

/// Strips trailing spaces that are not escaped with a backslash.
static StringRef trimTrailingSpaces(StringRef Line) {
  while (Line.endswith(" ") && !Line.endswith("\\ "))
    Line = Line.drop_back();
  return Line;
}

Optional<GlobPattern> GlobPattern::parse(StringRef Line) {
  if (Line.endswith("\r"))
    Line = Line.drop_back();
  Line = trimTrailingSpaces(Line);
  if (Line.empty() || Line.startswith("#"))
    return None;
  GlobPattern P;
  if (Line.startswith("!")) {
    P.Negated = true;
    Line = Line.drop_front();
  } else if (Line.startswith("\\!") || Line.startswith("\\#")) {
    Line = Line.drop_front();
  }
  if (Line.endswith("/")) {
    P.DirOnly = true;
    Line = Line.rtrim('/');
  }
  if (Line.empty())
    return None;
  P.Text = Line.str();
  P.Anchored = Line.contains('/');
  Line = Line.ltrim('/');
  if (!P.Anchored)
    P.Segments.push_back("**");
  SmallVector<StringRef, 8> Parts;
  Line.split(Parts, '/', -1, false);
  for (StringRef Part : Parts)
    P.Segments.push_back(Part.str());
  return P;
}

bool GlobPattern::matches(StringRef RelPath, bool IsDir) const {
  if (DirOnly && !IsDir)
    return false;
  if (Segments.size() == 2 && Segments[0] == "**" && Segments[1] != "**") {
    size_t Slash = RelPath.rfind('/');
    return matchSegment(Segments[1], Slash == StringRef::npos
                                         ? RelPath
                                         : RelPath.drop_front(Slash + 1));
  }
  SmallVector<StringRef, 16> Path;
  RelPath.split(Path, '/', -1, false);
  size_t NP = Segments.size(), NS = Path.size();
  // A trailing "/**" matches what is inside a directory, not the directory.
  if (NP > 1 && Segments.back() == "**" && NS < NP)
    return false;
  // Match[I][J]: Segments[I..] matches Path[J..].
  SmallVector<char, 256> Match((NP + 1) * (NS + 1), 0);
  auto At = [&](size_t I, size_t J) -> char & {
    return Match[I * (NS + 1) + J];
  };
  At(NP, NS) = 1;
  for (size_t I = NP; I-- > 0;)
    for (size_t J = NS + 1; J-- > 0;) {
      if (Segments[I] == "**")
        At(I, J) = static_cast<char>(At(I + 1, J) || (J < NS && At(I, J + 1)));
      else
        At(I, J) = static_cast<char>(J < NS && At(I + 1, J + 1) &&
                                     matchSegment(Segments[I], Path[J]));
    }
  return At(0, 0);
}

void GlobPattern::rebase(StringRef Dir) {
  SmallVector<StringRef, 8> Parts;
  Dir.split(Parts, '/', -1, false);
  Segments.insert(Segments.begin(), Parts.begin(), Parts.end());
  Anchored = true;
}

bool GlobPattern::matchesPathOrParent(StringRef RelPath) const {
  if (matches(RelPath, false))
    return true;
  for (size_t Slash = RelPath.find('/'); Slash != StringRef::npos;
       Slash = RelPath.find('/', Slash + 1))
    if (matches(RelPath.take_front(Slash), true))
      return true;
  return false;
}

void IgnoreFile::addPatterns(StringRef Text) {
  SmallVector<StringRef, 32> Lines;
  Text.split(Lines, '\n');
  for (StringRef Line : Lines)
    if (Optional<GlobPattern> P = GlobPattern::parse(Line))
      Patterns.push_back(std::move(*P));
}

bool IgnoreChain::isIgnored(const IgnoreChain *Chain, StringRef RelPath,
                            bool IsDir) {
  for (; Chain; Chain = Chain->Parent.get()) {
    StringRef Base = Chain->File.Base;
    if (!RelPath.startswith(Base))
      continue;
    StringRef Rel = RelPath.drop_front(Base.size());
    const auto &Patterns = Chain->File.Patterns;
    for (auto It = Patterns.rbegin(), E = Patterns.rend(); It != E; ++It)
      if (It->matches(Rel, IsDir))
        return !It->negated();
  }
  return false;
}

} // namespace adminlint
