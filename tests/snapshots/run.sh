#!/bin/sh
# Snapshot test of one output format: scans a copy of tree/ (its own git
# repository, so the root is the tree) and compares stdout with
# <format>/expected.<ext>. UPDATE_SNAPSHOTS=1 rewrites the expected file.
# A SARIF report must also pass validate-sarif --strict (validate.sh) before
# it is normalized.
#   usage: run.sh ADMINLINT FORMAT [VALIDATE_SARIF]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
format=$2
validator=${3:-}
case $format in
  sarif) ext=sarif ;;
  json | gitlab) ext=json ;;
  checkstyle) ext=xml ;;
  *) ext=txt ;;
esac
expected=$here/$format/expected.$ext

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/repo"
cp -R "$here/tree/." "$work/repo/"
git -C "$work/repo" init -q
# Run by name from PATH and on ".", so no absolute path reaches the report.
PATH=$(cd "$(dirname "$bin")" && pwd):$PATH
export PATH
rc=0
(cd "$work/repo" && adminlint check --format "$format" --fail-on never \
  --color never -j 2 .) >"$work/actual" 2>"$work/stderr" || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "snapshot $format: adminlint exited $rc" >&2
  cat "$work/stderr" >&2
  exit 1
fi

if [ "$format" = sarif ] && [ -n "$validator" ]; then
  sh "$here/validate.sh" "$validator" "$work/actual"
fi

# The scratch directory differs each run (the JSON report names its root).
sed "s|$work/repo|<root>|g" "$work/actual" >"$work/normalized"
mv "$work/normalized" "$work/actual"
# SARIF rules[] carry the rule doc pages, which change with every doc edit;
# the unit tests check them, the snapshot keeps only their first line.
if [ "$format" = sarif ]; then
  python3 - "$work/actual" <<'PY'
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    log = json.load(f)
for rule in log["runs"][0]["tool"]["driver"]["rules"]:
    for key in ("text", "markdown"):
        rule["help"][key] = rule["help"][key].split("\n", 1)[0]
    rule["fullDescription"]["text"] = "<first paragraph of the doc page>"
with open(path, "w", encoding="utf-8") as f:
    json.dump(log, f, indent=2, ensure_ascii=False)
    f.write("\n")
PY
fi

if [ "${UPDATE_SNAPSHOTS:-}" = 1 ]; then
  mkdir -p "$here/$format"
  cp "$work/actual" "$expected"
  echo "snapshot $format: rewrote $expected"
elif ! diff -u "$expected" "$work/actual"; then
  echo "snapshot $format: output differs from $expected" >&2
  echo "(UPDATE_SNAPSHOTS=1 ctest -R snapshot rewrites it; review the diff)" >&2
  exit 1
fi
