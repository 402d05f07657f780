#!/bin/sh
# Runs ../shared/tools/validate-sarif --strict on SARIF files, installing
# python3-jsonschema (Debian) first when it is missing; a missing module is a
# failure, never a skip.
#   usage: validate.sh VALIDATE_SARIF FILE...
set -eu
validator=$1
shift
if ! /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "validate.sh: python3-jsonschema is missing; run as root to install it" >&2
    exit 1
  fi
  apt-get install -y -q python3-jsonschema >/dev/null ||
    { apt-get update -q >/dev/null && apt-get install -y -q python3-jsonschema >/dev/null; }
fi
for f in "$@"; do
  "$validator" --strict "$f"
done
