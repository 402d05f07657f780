#!/usr/bin/env python3
"""Runs adminlint on the generated hostile repository and checks that it survives it.

Usage: tests/hostile/run.py ADMINLINT [WORKDIR]

For every output format: exit status 0 or 1, bounded time and memory, nothing from outside the
root in the output, the `github` format unable to form a second command, and the expected
findings (limits as ADM902, broken files as ADM900, the CRLF+BOM finding at its exact place).
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TIME_LIMIT = 120          # seconds per run, generous for sanitizer builds
RSS_LIMIT_KIB = 1 << 20   # 1 GiB peak resident memory
FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    print("FAIL: " + msg)


def run(binary, root, *args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    proc = subprocess.run([binary, "check", *args, root], capture_output=True,
                          timeout=TIME_LIMIT, cwd=root)
    elapsed = time.monotonic() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        fail(f"{args}: exit {proc.returncode}: {proc.stderr.decode(errors='replace')[-2000:]}")
    if rss > RSS_LIMIT_KIB and rss > before:
        fail(f"{args}: peak RSS {rss} KiB")
    print(f"{' '.join(args) or 'text'}: exit {proc.returncode}, {elapsed:.2f}s, peak RSS {rss} KiB")
    return proc


def check_no_outside(out, label):
    for marker in (b"root:x:0", b"etc-link/", b"scripts/passwd.sh", b"up-loop/", b"/etc/passwd",
                   b"scripts-again/"):
        if marker in out:
            fail(f"{label}: output mentions {marker!r} from outside the root")


def check_github(out):
    for line in out.decode(errors="replace").split("\n"):
        if not line:
            continue
        if not line.startswith(("::error ", "::warning ", "::notice ")):
            fail(f"github: a line is not one workflow command: {line[:200]!r}")
        body = line.split("::", 2)[-1]
        if "\r" in line or "::error::" in body or "::warning " in body:
            fail(f"github: injected command text survived escaping: {line[:200]!r}")


def check_findings(out):
    findings = json.loads(out)["findings"]
    by_path = {}
    for f in findings:
        by_path.setdefault(f["path"], []).append(f)
    want = [
        ("scripts/huge.sh", "ADM902"),
        ("scripts/binary-migrate.sh", "ADM902"),
        ("deep/flow.yaml", "ADM902"),
        ("scripts/unterminated-quote.sh", "ADM900"),
        ("k8s/broken.yaml", "ADM900"),
        ("scripts/crlf-bom.sh", "ADM301"),
    ]
    for path, code in want:
        if not any(f["code"] == code for f in by_path.get(path, [])):
            fail(f"json: expected {code} in {path}, got {[f['code'] for f in by_path.get(path, [])]}")
    for f in by_path.get("scripts/crlf-bom.sh", []):
        if f["code"] == "ADM301":
            start = f["range"]["start"]
            # The BOM is not a column; the range is the admin command inside the ssh string.
            if (start["line"], start["column"], start["offset"]) != (3, 26, 47):
                fail(f"json: ADM301 in crlf-bom.sh at {start}, want 3:26 (offset 47)")


def main():
    binary = os.path.abspath(sys.argv[1])
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="adminlint-hostile-")
    root = os.path.join(work, "repo")
    subprocess.run([os.path.join(HERE, "gen-hostile.sh"), root], check=True)
    for fmt in ("text", "json", "sarif", "github", "gitlab", "checkstyle"):
        proc = run(binary, root, "--format", fmt, "--fail-on", "never")
        check_no_outside(proc.stdout, fmt)
        if fmt == "github":
            check_github(proc.stdout)
        if fmt == "json":
            check_findings(proc.stdout)
    first = run(binary, root, "--format", "json", "-j", "1").stdout
    second = run(binary, root, "--format", "json", "-j", "8").stdout
    if first != second:
        fail("json output differs between -j1 and -j8")
    print(f"hostile: {len(FAILURES)} failed")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
