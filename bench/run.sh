#!/usr/bin/env bash
# Whole-process benchmarks of adminlint against the rg floor (and peers with --peers).
#   bench/run.sh [--sizes "1000 10000 100000"] [--tree DIR] [--peers] [--cold] [--runs N]
# --tree adds a row for an existing directory (a real repository, a real-sized tree).
# Prints a Markdown table for docs/performance.md. ADMINLINT_BIN picks the binary
# (default: build/, a Release build). Needs: hyperfine, ripgrep, GNU time
# (apt-get install hyperfine ripgrep time); peers: shellcheck yamllint (Debian),
# dclint dockerfilelint (npm, bench/peers/ installs them locally).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="1000 10000 100000"
PEERS=0
COLD=0
REAL=
RUNS=5
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) SIZES=$2; shift 2 ;;
    --peers) PEERS=1; shift ;;
    --cold) COLD=1; shift ;;
    --tree) REAL=$(cd "$2" && pwd); shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    *) echo "usage: bench/run.sh [--sizes LIST] [--tree DIR] [--peers] [--cold] [--runs N]" >&2; exit 2 ;;
  esac
done
BIN=${ADMINLINT_BIN:-$PWD/build/tools/adminlint/adminlint}
[ -x "$BIN" ] || { echo "build first: ./build.sh scan" >&2; exit 2; }
WORK=${BENCH_DIR:-/tmp/adminlint-bench}
mkdir -p "$WORK"

# The files adminlint reads: what its classifier accepts (see lib/Driver/Classify.cpp).
CANDIDATE_GLOBS=(-g '*.sh' -g '*.bash' -g '*.y*ml' -g 'Dockerfile*' -g '*.dockerfile'
  -g 'Containerfile*' -g 'Procfile' -g 'Makefile' -g '*.mk' -g 'GNUmakefile' -g '*.py'
  -g 'app.json' -g 'package.json' -g 'requirements*.txt')

median() { # hyperfine json -> median seconds
  python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"
}
time_cmd() { # NAME CMD...
  local name=$1; shift
  hyperfine -N --warmup 1 --runs "$RUNS" -i --export-json "$WORK/$name.json" "$*" >/dev/null 2>&1
  median "$WORK/$name.json"
}
time_cold() { # NAME CMD... with the page cache dropped before each run
  local name=$1; shift
  hyperfine -N --runs "$RUNS" -i --prepare "$PWD/bench/drop-caches" \
    --export-json "$WORK/$name.json" "$*" >/dev/null 2>&1
  median "$WORK/$name.json"
}
peak_kib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

echo "| files | candidates | rg --files | rg read | floor | adminlint -j$(nproc) | adminlint -j1 | ratio to floor | peak RSS (KiB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
measure() { # NAME TREE: one table row
  local n=$1 tree=$2
  rg --files "${CANDIDATE_GLOBS[@]}" "$tree" > "$WORK/cand-$n.txt"
  cands=$(wc -l < "$WORK/cand-$n.txt")
  t_files=$(time_cmd files-$n rg --files "$tree")
  # rg reads exactly the candidate files (same globs) in one process. hyperfine -N splits
  # its command on blanks, so no `sh -c "..."` pipelines here.
  t_read=$(time_cmd read-$n rg -c -j"$(nproc)" --no-messages "${CANDIDATE_GLOBS[@]}" . "$tree")
  t_all=$(time_cmd al-$n "$BIN" check -q --fail-on never "$tree")
  t_one=$(time_cmd al1-$n "$BIN" check -q --fail-on never -j 1 "$tree")
  floor=$(python3 -c "print('%.3f' % ($t_files + $t_read))")
  ratio=$(python3 -c "print('%.2f' % ($t_all / ($t_files + $t_read)))")
  mem=$(peak_kib "$BIN" check -q --fail-on never "$tree")
  echo "| $n | $cands | $t_files | $t_read | $floor | $t_all | $t_one | $ratio | $mem |"
}
for n in $SIZES; do
  tree=$WORK/tree-$n
  [ -d "$tree" ] || bench/gen-tree "$n" "$tree" --manifests $((n / 50))
  measure "$n" "$tree"
done
[ -z "$REAL" ] || measure "$(basename "$REAL")" "$REAL"

# Start-up: an empty directory against /bin/true.
mkdir -p "$WORK/empty"
t_true=$(time_cmd true /bin/true)
t_empty=$(time_cmd empty "$BIN" check -q "$WORK/empty")
echo
echo "start-up on an empty directory: ${t_empty}s; /bin/true: ${t_true}s"

# pre-commit: 5 changed files in a 10,000-file repository, whole model built.
if [ -d "$WORK/tree-10000" ]; then
  five=$(head -5 "$WORK/cand-10000.txt" | tr '\n' ' ')
  t_pc=$(time_cmd precommit "$BIN" check -q --fail-on never $five)
  echo "pre-commit, 5 files of the 10,000-file tree: ${t_pc}s"
fi

# Cold cache (--cold, root only): the page cache is dropped before every run.
if [ "$COLD" = 1 ]; then
  echo
  echo "| files (cold cache) | rg --files | rg read | floor | adminlint -j$(nproc) | ratio to floor |"
  echo "|---:|---:|---:|---:|---:|---:|"
  for n in $SIZES; do
    tree=$WORK/tree-$n
    t_files=$(time_cold cold-files-$n rg --files "$tree")
    t_read=$(time_cold cold-read-$n rg -c -j"$(nproc)" --no-messages "${CANDIDATE_GLOBS[@]}" . "$tree")
    t_all=$(time_cold cold-al-$n "$BIN" check -q --fail-on never "$tree")
    floor=$(python3 -c "print('%.3f' % ($t_files + $t_read))")
    ratio=$(python3 -c "print('%.2f' % ($t_all / ($t_files + $t_read)))")
    echo "| $n | $t_files | $t_read | $floor | $t_all | $ratio |"
  done
fi

[ "$PEERS" = 1 ] && bench/peers.sh "$WORK/tree-10000" "$RUNS"
exit 0
