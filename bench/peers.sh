#!/usr/bin/env bash
# Whole-process times of the peers on the candidate files of one tree, against adminlint.
#   bench/peers.sh TREE [RUNS]
# shellcheck and yamllint come from Debian; dclint and dockerfilelint from npm, installed
# into bench/peers/node_modules by `npm ci` here (never by the build or the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
TREE=$1
RUNS=${2:-3}
BIN=${ADMINLINT_BIN:-$PWD/build/tools/adminlint/adminlint}
WORK=${BENCH_DIR:-/tmp/adminlint-bench}
[ -x bench/peers/node_modules/.bin/dclint ] || (cd bench/peers && npm ci --no-audit --no-fund >/dev/null)
NODE_BIN=$PWD/bench/peers/node_modules/.bin

rg --files -g '*.sh' "$TREE" > "$WORK/peer-sh.txt"
rg --files -g '*.y*ml' "$TREE" > "$WORK/peer-yaml.txt"
rg --files -g '*compose*.y*ml' "$TREE" > "$WORK/peer-compose.txt"
rg --files -g 'Dockerfile*' "$TREE" > "$WORK/peer-docker.txt"

t() { # NAME CMD (string, run by sh)
  hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$WORK/$1.json" "$2" >/dev/null 2>&1
  python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$WORK/$1.json"
}
sc=$(t shellcheck "xargs -a $WORK/peer-sh.txt -d '\n' shellcheck -f gcc")
yl=$(t yamllint "xargs -a $WORK/peer-yaml.txt -d '\n' yamllint -f parsable")
dc=$(t dclint "xargs -a $WORK/peer-compose.txt -d '\n' $NODE_BIN/dclint")
df=$(t dockerfilelint "xargs -a $WORK/peer-docker.txt -d '\n' $NODE_BIN/dockerfilelint")
al=$(t adminlint "$BIN check -q --fail-on never $TREE")
sum=$(python3 -c "print('%.3f' % ($sc + $yl + $dc + $df))")
echo
echo "| tool | files | median (s) |"
echo "|---|---:|---:|"
echo "| shellcheck | $(wc -l < "$WORK/peer-sh.txt") | $sc |"
echo "| yamllint | $(wc -l < "$WORK/peer-yaml.txt") | $yl |"
echo "| dclint | $(wc -l < "$WORK/peer-compose.txt") | $dc |"
echo "| dockerfilelint | $(wc -l < "$WORK/peer-docker.txt") | $df |"
echo "| peers together | | $sum |"
echo "| adminlint (whole tree) | | $al |"
python3 -c "print('adminlint is %.0fx faster than the peers together' % ($sum / $al))"
