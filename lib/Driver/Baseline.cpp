//===- Baseline.cpp - Line-shift-proof fingerprints and baselines ---------===//
#include "lib/Driver/Baseline.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"
#include <nlohmann/json.hpp>

using namespace llvm;
using json = nlohmann::ordered_json;

namespace adminlint {

static constexpr const char *FingerprintScheme = "adminlint/v1";
static constexpr const char *BaselineKind = "adminlint-baseline";
static constexpr int BaselineVersion = 1;

/// Collapses every run of whitespace to one space and trims the ends.
static std::string normalizeWhitespace(StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  bool PendingSpace = false;
  for (char C : Text) {
    if (isSpace(C)) {
      PendingSpace = !Out.empty();
      continue;
    }
    if (PendingSpace)
      Out += ' ';
    PendingSpace = false;
    Out += C;
  }
  return Out;
}

/// What identifies a finding besides its rule and path.
static std::string fingerprintContent(const Diagnostic &D) {
  if (!D.FingerprintKey.empty())
    return normalizeWhitespace(D.FingerprintKey);
  if (D.Primary.File && !D.Primary.Range.empty()) {
    std::string Text =
        normalizeWhitespace(D.Primary.File->slice(D.Primary.Range));
    if (!Text.empty())
      return Text;
  }
  return normalizeWhitespace(D.Message);
}

std::string fingerprint(const Diagnostic &D) {
  SHA256 Hash;
  auto Field = [&Hash](StringRef S) {
    Hash.update(S);
    Hash.update(StringRef("\0", 1));
  };
  Field(FingerprintScheme);
  Field(ruleInfo(D.Rule).Code);
  Field(D.Primary.File ? D.Primary.File->path() : StringRef());
  Field(fingerprintContent(D));
  StringRef Digest = Hash.final();
  return toHex(Digest.take_front(16), /*LowerCase=*/true);
}

std::vector<std::string> fingerprints(ArrayRef<Diagnostic> Diags) {
  std::vector<std::string> Out;
  Out.reserve(Diags.size());
  StringMap<unsigned> Seen;
  for (const Diagnostic &D : Diags) {
    if (!D.Fingerprint.empty()) {
      Out.push_back(D.Fingerprint);
      continue;
    }
    std::string Hash = fingerprint(D);
    unsigned N = ++Seen[Hash];
    Out.push_back(Hash + ":" + std::to_string(N));
  }
  return Out;
}

void assignFingerprints(std::vector<Diagnostic> &Diags) {
  for (Diagnostic &D : Diags)
    D.Fingerprint.clear();
  std::vector<std::string> Values = fingerprints(Diags);
  for (size_t I = 0; I != Diags.size(); ++I)
    Diags[I].Fingerprint = std::move(Values[I]);
}

static Error baselineError(StringRef Path, const Twine &Why) {
  return createStringError(inconvertibleErrorCode(),
                           "baseline " + Path + ": " + Why);
}

/// Reads the fingerprints of a parsed baseline document, or says why not.
static Error readEntries(const json &Doc, StringRef Path,
                         StringMap<char> &Entries) {
  if (!Doc.is_object() || !Doc.contains("kind") || Doc["kind"] != BaselineKind)
    return baselineError(Path, "not an adminlint baseline file (no \"kind\": "
                               "\"adminlint-baseline\")");
  if (!Doc.contains("version") || Doc["version"] != BaselineVersion)
    return baselineError(Path, "unsupported baseline version (expected " +
                                   Twine(BaselineVersion) + ")");
  if (!Doc.contains("findings") || !Doc["findings"].is_array())
    return baselineError(Path, "\"findings\" must be an array");
  for (const json &F : Doc["findings"]) {
    if (!F.is_object() || !F.contains("fingerprint") ||
        !F["fingerprint"].is_string())
      return baselineError(Path, "a finding has no \"fingerprint\" string");
    Entries[F["fingerprint"].get<std::string>()] = 1;
  }
  return Error::success();
}

Expected<Baseline> Baseline::parse(StringRef Text, StringRef Path) {
  Baseline B;
  try {
    json Doc = json::parse(Text.begin(), Text.end());
    if (Error E = readEntries(Doc, Path, B.Entries))
      return E;
  } catch (const json::exception &E) {
    return baselineError(Path, Twine("corrupt JSON: ") + E.what());
  }
  return B;
}

Expected<Baseline> Baseline::read(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(Path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!Buf)
    return baselineError(Path, "cannot read: " + Buf.getError().message());
  return parse((*Buf)->getBuffer(), Path);
}

std::vector<Diagnostic>
Baseline::newFindings(ArrayRef<Diagnostic> Diags) const {
  std::vector<std::string> Keys = fingerprints(Diags);
  std::vector<Diagnostic> Out;
  for (size_t I = 0; I != Diags.size(); ++I)
    if (!contains(Keys[I]))
      Out.push_back(Diags[I]);
  return Out;
}

std::string renderBaseline(ArrayRef<Diagnostic> Diags) {
  std::vector<std::string> Keys = fingerprints(Diags);
  json Findings = json::array();
  for (size_t I = 0; I != Diags.size(); ++I) {
    const Diagnostic &D = Diags[I];
    if (D.Suppressed)
      continue;
    Findings.push_back(
        {{"fingerprint", Keys[I]},
         {"rule", ruleInfo(D.Rule).Code.str()},
         {"path", D.Primary.File ? D.Primary.File->path().str() : ""},
         {"message", D.Message}});
  }
  json Doc = {{"kind", BaselineKind},
              {"version", BaselineVersion},
              {"fingerprintScheme", FingerprintScheme},
              {"findings", std::move(Findings)}};
  return Doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

/// Writes Text to a unique temporary file beside Path and renames it over
/// Path; on failure the temporary file is removed and the error says why.
static std::error_code writeAtomically(StringRef Path, StringRef Text) {
  int FD;
  SmallString<128> Temp;
  if (std::error_code EC = sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", FD,
                                                     Temp, sys::fs::OF_None))
    return EC;
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      sys::fs::remove(Temp);
      return EC;
    }
  }
  std::error_code EC = sys::fs::rename(Temp, Path);
  if (EC)
    sys::fs::remove(Temp);
  return EC;
}

Error writeBaseline(StringRef Path, ArrayRef<Diagnostic> Diags) {
  if (std::error_code EC = writeAtomically(Path, renderBaseline(Diags)))
    return baselineError(Path, "cannot write: " + EC.message());
  return Error::success();
}

Error applyBaseline(ScanResult &Result, StringRef ReadPath,
                    StringRef WritePath) {
  assignFingerprints(Result.Diagnostics);
  Optional<Baseline> Old;
  if (!ReadPath.empty()) {
    Expected<Baseline> B = Baseline::read(ReadPath);
    if (!B)
      return B.takeError();
    Old = std::move(*B);
  }
  if (!WritePath.empty())
    if (Error E = writeBaseline(WritePath, Result.Diagnostics))
      return E;
  if (Old)
    Result.Diagnostics = Old->newFindings(Result.Diagnostics);
  return Error::success();
}

} // namespace adminlint
