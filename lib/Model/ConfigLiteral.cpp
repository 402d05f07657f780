//===- ConfigLiteral.cpp - Literal config values set by admin code --------===//
#include "lib/Model/ConfigLiteral.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include <algorithm>

using namespace llvm;

namespace adminlint {

static std::string normalizeName(StringRef Name) {
  std::string N = Name.ltrim('-').upper();
  std::replace(N.begin(), N.end(), '-', '_');
  return N;
}

static bool endsWithAny(StringRef S, std::initializer_list<StringRef> Ends) {
  for (StringRef E : Ends)
    if (S == E || S.endswith(("_" + E).str()))
      return true;
  return false;
}

static Optional<ConfigKind> kindOfName(StringRef N) {
  if (endsWithAny(N, {"DATABASE_URL", "DATABASE_URI", "DB_URL", "DB_URI", "DSN",
                      "MONGO_URL", "MONGODB_URI", "REDIS_URL",
                      "SQLALCHEMY_DATABASE_URI"}))
    return ConfigKind::DatabaseUrl;
  if (endsWithAny(N, {"PASSWORD", "PASSWD", "PGPASSWORD", "SECRET",
                      "SECRET_KEY", "API_KEY", "TOKEN"}))
    return ConfigKind::Credential;
  if (endsWithAny(N,
                  {"DB_HOST", "DATABASE_HOST", "PGHOST", "MYSQL_HOST", "HOST"}))
    return ConfigKind::DatabaseHost;
  if (N == "DJANGO_SETTINGS_MODULE" || N == "SETTINGS" || N == "APP_SETTINGS" ||
      N == "FLASK_CONFIG")
    return ConfigKind::SettingsModule;
  if (N == "RAILS_ENV" || N == "RACK_ENV" || N == "APP_ENV" || N == "MIX_ENV" ||
      N == "FLASK_ENV")
    return ConfigKind::Environment;
  return None;
}

bool isPlaceholderValue(StringRef V) {
  V = V.trim();
  if (V.empty() || V.contains("...") || V.contains("${{") || V.contains("{{") ||
      V.startswith("$") || V.contains("$(") || V.contains("secrets."))
    return true;
  if (V.startswith("<") && V.endswith(">"))
    return true;
  if (V.contains('{') && V.contains('}'))
    return true;
  std::string L = V.lower();
  return StringSwitch<bool>(L)
      .Cases("changeme", "change-me", "xxx", "***", "redacted", "none", true)
      .Cases("null", "password", "secret", "true", "false", true)
      .Default(false);
}

/// The host part of a URL or a bare host name.
static StringRef hostOf(StringRef V) {
  size_t Scheme = V.find("://");
  if (Scheme != StringRef::npos)
    V = V.substr(Scheme + 3);
  V = V.take_until([](char C) { return C == '/' || C == '?'; });
  size_t At = V.rfind('@');
  if (At != StringRef::npos)
    V = V.substr(At + 1);
  if (V.startswith("["))
    return V.take_until([](char C) { return C == ']'; }).drop_front();
  return V.take_until([](char C) { return C == ':' || C == ','; });
}

static bool isLocalValue(StringRef V) {
  std::string L = V.lower();
  StringRef LV = L;
  if (LV.startswith("sqlite") || LV.contains(":memory:"))
    return true;
  StringRef Host = hostOf(LV);
  return StringSwitch<bool>(Host)
      .Cases("localhost", "127.0.0.1", "::1", "0.0.0.0", "host.docker.internal",
             true)
      .Cases("postgres", "postgresql", "mysql", "mariadb", "redis", "mongo",
             true)
      .Cases("mongodb", "db", "database", true)
      .Default(false);
}

static bool isDatabaseScheme(StringRef V) {
  size_t Sep = V.find("://");
  if (Sep == StringRef::npos || Sep == 0)
    return false;
  std::string Scheme = V.take_front(Sep).lower();
  StringRef Base =
      StringRef(Scheme).take_until([](char C) { return C == '+'; });
  return StringSwitch<bool>(Base)
      .Cases("postgres", "postgresql", "postgis", "mysql", "mariadb", true)
      .Cases("mongodb", "redis", "rediss", "amqp", "amqps", true)
      .Cases("mssql", "sqlserver", "oracle", "cockroachdb", true)
      .Default(false);
}

/// The password of scheme://user:password@host, or "" if none.
static StringRef urlPassword(StringRef V, size_t &Begin) {
  size_t Scheme = V.find("://");
  if (Scheme == StringRef::npos)
    return "";
  size_t Start = Scheme + 3;
  size_t At = V.find('@', Start);
  if (At == StringRef::npos)
    return "";
  size_t Colon = V.find(':', Start);
  if (Colon == StringRef::npos || Colon > At)
    return "";
  Begin = Colon + 1;
  return V.slice(Colon + 1, At);
}

std::string redactSecret(StringRef Value, bool WholeValueIsSecret) {
  if (WholeValueIsSecret)
    return "***";
  size_t Begin = 0;
  StringRef Password = urlPassword(Value, Begin);
  if (Password.empty())
    return Value.str();
  return (Value.take_front(Begin) + "***" +
          Value.drop_front(Begin + Password.size()))
      .str();
}

static bool namesDeployedEnvironment(StringRef V) {
  std::string L = V.lower();
  StringRef LV = L;
  return LV.contains("prod") || LV.contains("staging") || LV.contains("live");
}

static ConfigSetting makeSetting(ConfigKind Kind, StringRef Name,
                                 StringRef Value, bool Secret) {
  ConfigSetting S;
  S.Kind = Kind;
  size_t Begin = 0;
  S.HasCredential = Secret || !urlPassword(Value, Begin).empty();
  std::string Shown = redactSecret(Value, Secret);
  S.Shown = Name.empty() ? Shown : (Name + "=" + Shown).str();
  S.FingerprintKey = S.Shown;
  return S;
}

Optional<ConfigSetting> classifyConfig(StringRef Name, StringRef Value) {
  Value = Value.trim();
  std::string N = normalizeName(Name);
  Optional<ConfigKind> Kind = kindOfName(N);
  if (!Kind || isPlaceholderValue(Value))
    return None;
  switch (*Kind) {
  case ConfigKind::DatabaseUrl:
  case ConfigKind::DatabaseHost:
    if (isLocalValue(Value))
      return None;
    break;
  case ConfigKind::Credential:
    break;
  case ConfigKind::SettingsModule:
  case ConfigKind::Environment:
    if (!namesDeployedEnvironment(Value))
      return None;
    break;
  case ConfigKind::ConfigFile:
    break;
  }
  return makeSetting(*Kind, Name, Value, *Kind == ConfigKind::Credential);
}

/// Whether Value contains "://", "/etc/" or "/srv/": a necessary condition
/// of a database URL or a server path, checked first so that the Python
/// reader can ask about every docstring cheaply. Every pattern has a "/", so
/// memchr finds the candidates.
static bool mayBeConfigLiteral(StringRef Value) {
  for (size_t I = Value.find('/'); I != StringRef::npos;
       I = Value.find('/', I + 1)) {
    StringRef Rest = Value.substr(I);
    if (Rest.startswith("/etc/") || Rest.startswith("/srv/") ||
        (I > 0 && Value[I - 1] == ':' && Rest.startswith("//")))
      return true;
  }
  return false;
}

Optional<ConfigSetting> classifyConfigLiteral(StringRef Value) {
  if (!mayBeConfigLiteral(Value))
    return None;
  Value = Value.trim();
  if (isPlaceholderValue(Value))
    return None;
  if (isDatabaseScheme(Value))
    return isLocalValue(Value)
               ? None
               : Optional<ConfigSetting>(
                     makeSetting(ConfigKind::DatabaseUrl, "", Value, false));
  bool ServerPath = Value.startswith("/etc/") || Value.startswith("/srv/");
  bool ConfigExt = StringSwitch<bool>(sys::path::extension(Value))
                       .Cases(".ini", ".cfg", ".conf", ".yaml", ".yml", true)
                       .Cases(".json", ".env", ".toml", ".properties", true)
                       .Default(false);
  if (ServerPath && ConfigExt)
    return makeSetting(ConfigKind::ConfigFile, "", Value, false);
  return None;
}

} // namespace adminlint
