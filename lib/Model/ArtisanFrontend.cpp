//===- ArtisanFrontend.cpp - Laravel's artisan, a framework marker --------===//
//
// artisan is PHP and is not read: its presence says the repository is a
// Laravel app whose admin tasks belong in Artisan commands (ADM101). The
// model keeps it in the repository model.
//
//===----------------------------------------------------------------------===//
#include "lib/Model/PythonScript.h"

namespace adminlint {

void analyzeArtisan(FileAnalysis &A, const FrontendLimits &) {
  auto M = std::make_shared<PythonScriptModel>();
  M->Framework = "laravel";
  M->FrameworkCommand = true;
  A.Model = std::move(M);
}

} // namespace adminlint
