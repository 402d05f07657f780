#!/usr/bin/env bash
# The two commands of the README's quick start:
#   ./build.sh scan   install what is missing, build, scan the bundled examples/ repository
#   ./build.sh test   install what is missing, build, run every test (release build, then an
#                     ASan+UBSan build with the libFuzzer targets run for a fixed number of runs)
# Works on a fresh Debian 12 machine as root; as another user it only checks what is missing.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(cmake ninja-build g++ clang-14 llvm-14-dev libclang-14-dev libclang-rt-14-dev
  libyaml-cpp-dev nlohmann-json3-dev libgtest-dev python3 python3-jsonschema pre-commit git
  dpkg-dev file)
JOBS=${JOBS:-$(nproc)}

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "build.sh: missing Debian packages (run as root to install): ${missing[*]}" >&2
    exit 2
  fi
  echo "build.sh: installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build() { # DIR [cmake args...]
  local dir=$1; shift
  [ -f "$dir/build.ninja" ] || cmake -S . -B "$dir" -G Ninja "$@"
  cmake --build "$dir" -j "$JOBS"
}

build_release() {
  configure_and_build build -DCMAKE_BUILD_TYPE=Release
}

scan_examples() {
  build_release
  echo "build.sh: ./build/tools/adminlint/adminlint check examples"
  local rc=0
  ./build/tools/adminlint/adminlint check examples || rc=$?
  # The example repository is there to show findings: exit 1 is the expected outcome.
  [ "$rc" -le 1 ] || exit "$rc"
}

run_tests() {
  build_release
  (cd build && ctest --output-on-failure -j "$JOBS")
  # Second configuration: clang with ASan+UBSan; it also builds the libFuzzer targets, whose
  # ctest entries run each one for a fixed number of runs over its seed corpus.
  configure_and_build build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DADMINLINT_SANITIZE=ON -DADMINLINT_FUZZ=ON -DADMINLINT_CXX_FRONTEND=OFF
  (cd build-sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --output-on-failure -j "$JOBS" -LE integration)
}

install_packages
case "${1:-}" in
  scan) scan_examples ;;
  test) run_tests ;;
  *) echo "usage: ./build.sh scan|test" >&2; exit 2 ;;
esac
