//===- Suppression.cpp - Inline suppression comments ----------------------===//
#include "lib/Driver/Suppression.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <ctime>
#include <set>

using namespace llvm;

namespace adminlint {

static constexpr StringRef Marker = "adminlint ignore";

std::string todayUtc() {
  std::time_t Now = std::time(nullptr);
  std::tm Tm;
  gmtime_r(&Now, &Tm);
  char Buf[16];
  std::strftime(Buf, sizeof(Buf), "%Y-%m-%d", &Tm);
  return Buf;
}

static bool isIsoDate(StringRef S) {
  if (S.size() != 10 || S[4] != '-' || S[7] != '-')
    return false;
  for (size_t I : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!isDigit(S[I]))
      return false;
  return true;
}

/// The length of the comment opener that Before ends with, or 0.
static size_t openerLength(StringRef Before) {
  for (StringRef Opener : {"<!--", "//", "/*", "#"})
    if (Before.endswith(Opener))
      return Opener.size();
  return 0;
}

static std::string unknownRule(StringRef S) {
  std::string Msg = "unknown rule '" + S.str() + "' in suppression";
  StringRef Near = suggestRule(S);
  if (!Near.empty())
    Msg += "; did you mean '" + Near.str() + "'?";
  return Msg;
}

/// Splits "rules [until=DATE] [-- reason]" into the directive's fields.
static void parseBody(StringRef Body, StringRef Today,
                      SuppressionDirective &D) {
  size_t End = std::min(Body.find("*/"), Body.find("-->"));
  Body = Body.take_front(End);
  StringRef Head = Body;
  size_t Dashes = Body.find("--");
  while (Dashes != StringRef::npos && Dashes > 0 && !isSpace(Body[Dashes - 1]))
    Dashes = Body.find("--", Dashes + 2);
  if (Dashes != StringRef::npos) {
    Head = Body.take_front(Dashes);
    D.Reason = Body.drop_front(Dashes + 2).trim().str();
  }
  SmallVector<StringRef, 4> Tokens;
  SplitString(Head, Tokens, " \t");
  if (Tokens.empty()) {
    D.Problems.push_back("suppression names no rule");
    return;
  }
  SmallVector<StringRef, 4> Selectors;
  Tokens[0].split(Selectors, ',', -1, false);
  for (StringRef S : Selectors) {
    SuppressedRule R;
    R.Written = S.str();
    for (RuleId Id : matchRules(S))
      if (Id != RuleId::ParseError)
        R.Rules.set(static_cast<unsigned>(Id));
    if (findRule(S) == RuleId::ParseError)
      D.Problems.push_back("parse errors (ADM900) cannot be suppressed "
                           "inline; use 'exclude' in the config");
    else if (R.Rules.none())
      D.Problems.push_back(unknownRule(S));
    D.Rules.push_back(std::move(R));
  }
  for (StringRef T : makeArrayRef(Tokens).drop_front()) {
    if (!T.startswith("until=")) {
      D.Problems.push_back(
          ("unexpected '" + T + "' in suppression; put the reason after '--'")
              .str());
      continue;
    }
    D.Until = T.drop_front(6).str();
    if (!isIsoDate(D.Until))
      D.Problems.push_back("bad date in 'until=" + D.Until +
                           "'; use YYYY-MM-DD");
    else
      D.Expired = StringRef(Today) > D.Until;
  }
}

/// A directive found in the text, before the line it covers is known.
struct FoundDirective {
  SuppressionDirective D;
  uint32_t Line;
  bool Standalone;
};

static SourceRange lineRange(const SourceFile &File, uint32_t Line) {
  if (Line > File.lineCount())
    return {};
  uint32_t End =
      Line < File.lineCount() ? File.lineStart(Line + 1) : File.text().size();
  return {File.lineStart(Line), End};
}

static Optional<FoundDirective> parseAt(const SourceFile &File, size_t Pos,
                                        StringRef Today) {
  StringRef Text = File.text();
  uint32_t Line = File.lineColumn(Pos).Line;
  uint32_t Start = Line == 1 ? File.contentStart() : File.lineStart(Line);
  StringRef Before = Text.slice(Start, Pos).rtrim(" \t");
  size_t Opener = openerLength(Before);
  if (Opener == 0)
    return None;
  StringRef Code = Before.drop_back(Opener);
  StringRef Rest = Text.slice(Pos + Marker.size(), Text.find('\n', Pos));
  Rest = Rest.rtrim("\r");
  FoundDirective F{{}, Line, Code.trim().empty()};
  if (Rest.consume_front("-file="))
    F.D.WholeFile = true;
  else if (!Rest.consume_front("="))
    return None;
  uint32_t CommentBegin = Start + Code.size();
  F.D.Range = {CommentBegin, static_cast<uint32_t>(Pos + Marker.size() +
                                                   (F.D.WholeFile ? 6 : 1) +
                                                   Rest.rtrim().size())};
  parseBody(Rest, Today, F.D);
  return F;
}

std::vector<SuppressionDirective> findDirectives(const SourceFile &File,
                                                 StringRef Today) {
  StringRef Text = File.text();
  std::vector<FoundDirective> Found;
  std::set<uint32_t> DirectiveLines;
  for (size_t Pos = Text.find(Marker); Pos != StringRef::npos;
       Pos = Text.find(Marker, Pos + Marker.size())) {
    Optional<FoundDirective> F = parseAt(File, Pos, Today);
    if (!F)
      continue;
    if (F->Standalone)
      DirectiveLines.insert(F->Line);
    Found.push_back(std::move(*F));
  }
  std::vector<SuppressionDirective> Out;
  for (FoundDirective &F : Found) {
    uint32_t Line = F.Line;
    if (F.Standalone)
      while (DirectiveLines.count(Line))
        ++Line;
    if (!F.D.WholeFile)
      F.D.Covers = lineRange(File, Line);
    Out.push_back(std::move(F.D));
  }
  return Out;
}

SuppressionDirective annotationDirective(const Workload &W, StringRef Today) {
  SuppressionDirective D;
  D.Annotation = true;
  D.Range = W.Range;
  D.Covers = W.Range;
  parseBody(W.IgnoreAnnotation, Today, D);
  return D;
}

void SuppressionIndex::add(const SourceFileRef &File,
                           std::vector<SuppressionDirective> Directives) {
  if (Directives.empty())
    return;
  FileEntry &E = Files[File->path()];
  E.File = File;
  for (SuppressionDirective &D : Directives)
    E.Directives.push_back(std::move(D));
}

static bool covers(const SuppressionDirective &D, uint32_t Offset) {
  return !D.Expired &&
         (D.WholeFile || D.Covers.contains(Offset) ||
          (D.Covers.empty() && D.Annotation && D.Covers.Begin == Offset));
}

void SuppressionIndex::apply(Diagnostic &D) {
  if (D.Rule == RuleId::ParseError || !D.Primary.File)
    return;
  auto It = Files.find(D.Primary.File->path());
  if (It == Files.end())
    return;
  for (SuppressionDirective &S : It->second.Directives) {
    if (!covers(S, D.Primary.Range.Begin))
      continue;
    for (SuppressedRule &R : S.Rules) {
      if (!R.Rules.test(static_cast<unsigned>(D.Rule)))
        continue;
      R.Used = true;
      if (!D.Suppressed)
        D.Justification = S.Reason;
      D.Suppressed = true;
    }
  }
}

static Diagnostic unusedSuppression(const SourceFileRef &File,
                                    SourceRange Range, std::string Message) {
  Diagnostic D;
  D.Rule = RuleId::UnusedSuppression;
  D.Severity = ruleInfo(D.Rule).DefaultLevel;
  D.Message = std::move(Message);
  D.Primary.File = File;
  D.Primary.Range = Range;
  return D;
}

std::vector<Diagnostic> SuppressionIndex::problems(const RuleSet &Ran) const {
  std::vector<Diagnostic> Out;
  for (const auto &KV : Files) {
    const FileEntry &E = KV.second;
    for (const SuppressionDirective &S : E.Directives) {
      for (const std::string &P : S.Problems)
        Out.push_back(unusedSuppression(E.File, S.Range, P));
      if (S.Expired) {
        Out.push_back(unusedSuppression(E.File, S.Range,
                                        "suppression expired on " + S.Until));
        continue;
      }
      for (const SuppressedRule &R : S.Rules)
        if (!R.Used && (R.Rules & Ran).any())
          Out.push_back(unusedSuppression(E.File, S.Range,
                                          "suppression of '" + R.Written +
                                              "' suppresses nothing"));
    }
  }
  return Out;
}

} // namespace adminlint
