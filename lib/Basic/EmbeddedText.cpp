//===- EmbeddedText.cpp - Decoded text mapped back to host bytes ----------===//
#include "lib/Basic/EmbeddedText.h"
#include <algorithm>

using namespace llvm;

namespace adminlint {

EmbeddedText EmbeddedText::verbatim(StringRef Text, uint32_t HostBegin) {
  EmbeddedText E;
  E.appendVerbatim(Text, HostBegin);
  return E;
}

void EmbeddedText::appendVerbatim(StringRef Bytes, uint32_t HostBegin) {
  if (Bytes.empty())
    return;
  bool Extends =
      !Segments.empty() && Segments.back().HostLen == 0 &&
      Segments.back().Host + (Text.size() - Segments.back().Decoded) ==
          HostBegin;
  if (!Extends)
    Segments.push_back({static_cast<uint32_t>(Text.size()), HostBegin, 0});
  Text.append(Bytes.begin(), Bytes.end());
}

void EmbeddedText::appendEscaped(char Decoded, uint32_t HostBegin,
                                 uint32_t HostLen) {
  Segments.push_back({static_cast<uint32_t>(Text.size()), HostBegin,
                      std::max<uint32_t>(HostLen, 1)});
  Text.push_back(Decoded);
}

void EmbeddedText::append(const EmbeddedText &Other, uint32_t Begin,
                          uint32_t End) {
  End = std::min<uint32_t>(End, Other.Text.size());
  while (Begin < End) {
    const Segment *S = Other.segmentFor(Begin);
    if (!S)
      return;
    if (S->HostLen) {
      appendEscaped(Other.Text[Begin], S->Host, S->HostLen);
      ++Begin;
      continue;
    }
    uint32_t SegEnd = End;
    if (S + 1 != Other.Segments.data() + Other.Segments.size())
      SegEnd = std::min(SegEnd, (S + 1)->Decoded);
    appendVerbatim(StringRef(Other.Text).slice(Begin, SegEnd),
                   S->Host + (Begin - S->Decoded));
    Begin = SegEnd;
  }
}

const EmbeddedText::Segment *EmbeddedText::segmentFor(uint32_t Decoded) const {
  auto It = std::upper_bound(
      Segments.begin(), Segments.end(), Decoded,
      [](uint32_t D, const Segment &S) { return D < S.Decoded; });
  if (It == Segments.begin())
    return nullptr;
  return &*std::prev(It);
}

uint32_t EmbeddedText::toHost(uint32_t Decoded) const {
  if (Segments.empty())
    return 0;
  if (Decoded >= Text.size()) {
    const Segment &Last = Segments.back();
    if (Last.HostLen)
      return Last.Host + Last.HostLen;
    return Last.Host + (Text.size() - Last.Decoded);
  }
  const Segment *S = segmentFor(Decoded);
  if (!S)
    return Segments.front().Host;
  return S->HostLen ? S->Host : S->Host + (Decoded - S->Decoded);
}

SourceRange EmbeddedText::toHost(uint32_t Begin, uint32_t End) const {
  if (End <= Begin)
    return {toHost(Begin), toHost(Begin)};
  uint32_t HostBegin = toHost(Begin);
  const Segment *S = segmentFor(End - 1);
  uint32_t HostEnd = HostBegin;
  if (S)
    HostEnd = S->HostLen ? S->Host + S->HostLen
                         : S->Host + (End - 1 - S->Decoded) + 1;
  return {HostBegin, std::max(HostBegin, HostEnd)};
}

EmbeddedText EmbeddedText::slice(uint32_t Begin, uint32_t End) const {
  EmbeddedText Out;
  End = std::min<uint32_t>(End, Text.size());
  for (uint32_t I = Begin; I < End;) {
    const Segment *S = segmentFor(I);
    if (!S)
      break;
    if (S->HostLen) {
      Out.appendEscaped(Text[I], S->Host, S->HostLen);
      ++I;
      continue;
    }
    uint32_t SegEnd = End;
    if (S + 1 != Segments.data() + Segments.size())
      SegEnd = std::min(SegEnd, (S + 1)->Decoded);
    Out.appendVerbatim(StringRef(Text).slice(I, SegEnd),
                       S->Host + (I - S->Decoded));
    I = SegEnd;
  }
  return Out;
}

} // namespace adminlint
