//===- ConfigLiteral.h - Literal config values set by admin code -*- C++
//-*-===//
#ifndef ADMINLINT_MODEL_CONFIGLITERAL_H
#define ADMINLINT_MODEL_CONFIGLITERAL_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace adminlint {

/// What a literal config setting chooses instead of the release's config.
enum class ConfigKind {
  DatabaseUrl,    ///< DATABASE_URL=postgres://..., a DSN
  Credential,     ///< PASSWORD=..., password="..."
  DatabaseHost,   ///< DB_HOST=db.prod.internal
  SettingsModule, ///< DJANGO_SETTINGS_MODULE=x.settings_prod, --settings=
  Environment,    ///< RAILS_ENV=production forced in a one-off
  ConfigFile,     ///< a config file read from a server path (/etc/app/prod.ini)
};

/// A classified NAME=VALUE: what it sets, whether the value is a literal
/// secret, and the text a message may show (secrets replaced by ***).
struct ConfigSetting {
  ConfigKind Kind = ConfigKind::DatabaseUrl;
  bool HasCredential = false;
  std::string Shown;          ///< NAME=value with any secret redacted
  std::string FingerprintKey; ///< NAME and the redacted value
};

/// Classifies a literal setting. None when Name is no config the release
/// owns, when Value is a placeholder ("...", "<url>", "${{ secrets.X }}",
/// "$VAR") or when it points at a local service (localhost, sqlite).
llvm::Optional<ConfigSetting> classifyConfig(llvm::StringRef Name,
                                             llvm::StringRef Value);

/// Classifies a bare literal that is config by its shape: a database URL
/// with a scheme, or a config file path under /etc or /srv.
llvm::Optional<ConfigSetting> classifyConfigLiteral(llvm::StringRef Value);

/// Whether a value stands for something supplied elsewhere.
bool isPlaceholderValue(llvm::StringRef Value);

/// Value with the password of a URL or the whole secret replaced by ***.
std::string redactSecret(llvm::StringRef Value, bool WholeValueIsSecret);

} // namespace adminlint

#endif
