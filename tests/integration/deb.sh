#!/bin/sh
# Builds the Debian package of a configured and built tree with cpack,
# installs it with dpkg -i, runs `adminlint version`, `adminlint explain`, a
# scan, checks the man page and completions, and removes the package.
# Needs root (dpkg); exits 77 (skipped) otherwise or when an adminlint package
# is already installed (it would be replaced).
#   usage: deb.sh BUILD_DIR SOURCE_DIR
set -eu
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)

if [ "$(id -u)" -ne 0 ]; then
  echo "deb.sh: not root; skipped (dpkg -i needs root)" >&2
  exit 77
fi
if dpkg-query -W -f='${Status}' adminlint 2>/dev/null | grep -q "install ok installed"; then
  echo "deb.sh: an adminlint package is already installed; skipped" >&2
  exit 77
fi

work=$(mktemp -d)
installed=0
cleanup() {
  [ "$installed" = 0 ] || dpkg -r adminlint >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "deb.sh: $1" >&2
  exit 1
}

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg") \
  >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/pkg/adminlint_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "cpack made no adminlint_*.deb"
dpkg-deb --info "$deb" | grep -q "Package: adminlint" || fail "bad package metadata"
dpkg-deb --contents "$deb" >"$work/contents"
for f in ./usr/bin/adminlint ./usr/share/man/man1/adminlint.1 \
  ./usr/share/bash-completion/completions/adminlint \
  ./usr/share/zsh/vendor-completions/_adminlint; do
  grep -q " $f\$" "$work/contents" || fail "package lacks $f"
done

dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i failed"; }
installed=1
/usr/bin/adminlint version | grep -q "adminlint" || fail "adminlint version printed no version"
/usr/bin/adminlint explain ADM301 >/dev/null || fail "adminlint explain failed"

mkdir "$work/repo"
git -C "$work/repo" init -q
printf '#!/bin/sh\nssh deploy@prod.example.com ./manage.py migrate\n' >"$work/repo/release.sh"
rc=0
(cd "$work/repo" && /usr/bin/adminlint check --format text --color never .) \
  >"$work/scan" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || { cat "$work/scan" >&2; fail "scan exited $rc, expected 1"; }
grep -q "ADM301" "$work/scan" || { cat "$work/scan" >&2; fail "scan found no ADM301"; }
bash -n /usr/share/bash-completion/completions/adminlint || fail "bash completion has errors"

dpkg -r adminlint >/dev/null || fail "dpkg -r failed"
installed=0
[ ! -e /usr/bin/adminlint ] || fail "dpkg -r left /usr/bin/adminlint behind"
echo "deb.sh: OK ($deb)"
