#!/usr/bin/env python3
"""End-to-end tests of the adminlint binary: exit codes, output and every flag.

Usage: run.py ADMINLINT
Each test builds a small repository in a temporary directory, runs the binary
there and checks its stdout, stderr and exit code.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

BIN = os.path.abspath(sys.argv[1])
SSH = "#!/bin/sh\nssh deploy@web1 'python manage.py migrate'\n"
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


class Tree:
    """A temporary repository with a .git directory."""

    def __init__(self, files=None, git=True):
        self.root = os.path.realpath(tempfile.mkdtemp(prefix="adminlint-cli-"))
        if git:
            os.mkdir(os.path.join(self.root, ".git"))
        for path, text in (files or {}).items():
            self.write(path, text)

    def write(self, path, text):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        mode = "wb" if isinstance(text, bytes) else "w"
        with open(full, mode) as f:
            f.write(text)
        return full

    def path(self, rel):
        return os.path.join(self.root, rel)

    def run(self, *args, stdin=None, env=None, cwd=None):
        e = dict(os.environ)
        e.pop("NO_COLOR", None)
        e.update(env or {})
        p = subprocess.run([BIN, *args], cwd=cwd or self.root, input=stdin,
                           capture_output=True, text=True, env=e, timeout=60)
        return p.returncode, p.stdout, p.stderr

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)


def expect(cond, what):
    if not cond:
        raise AssertionError(what)


def expect_rc(result, rc):
    expect(result[0] == rc, "exit code %d, expected %d\nstdout:\n%s\nstderr:\n%s"
           % (result[0], rc, result[1], result[2]))


@test
def clean_tree_exits_0_with_summary(t):
    t.write("ok.sh", "#!/bin/sh\necho hello\n")
    r = t.run()
    expect_rc(r, 0)
    expect(r[1] == "", "no findings expected: " + r[1])
    expect("0 errors, 0 warnings and 0 notes in 1 file" in r[2], r[2])


@test
def finding_exits_1_clang_style(t):
    t.write("deploy.sh", SSH)
    r = t.run("check", "--color", "never")
    expect_rc(r, 1)
    lines = r[1].splitlines()
    expect(lines[0].startswith("deploy.sh:2:18: error: "), lines[0])
    expect(lines[0].endswith("[ADM301 ssh-admin-command]"), lines[0])
    expect(lines[1] == "ssh deploy@web1 'python manage.py migrate'", lines[1])
    expect(lines[2] == " " * 17 + "^" + "~" * 23, repr(lines[2]))
    expect("1 error" in r[2], r[2])


@test
def paths_are_shown_relative_to_the_current_directory(t):
    t.write("ops/deploy.sh", SSH)
    os.makedirs(t.path("sub"))
    r = t.run("--select", "ADM301", "..", cwd=t.path("sub"))
    expect_rc(r, 1)
    expect(r[1].startswith("../ops/deploy.sh:2:18:"), r[1])


@test
def quiet_drops_the_summary(t):
    t.write("deploy.sh", SSH)
    r = t.run("-q")
    expect_rc(r, 1)
    expect(r[2] == "", r[2])


@test
def fail_on_levels(t):
    t.write("deploy.sh", "#!/bin/sh\n# adminlint ignore=ADM999\necho\n")
    expect_rc(t.run("--fail-on", "note"), 1)
    expect_rc(t.run("--fail-on=warning"), 0)
    expect_rc(t.run("--fail-on", "error"), 0)
    t.write("deploy.sh", SSH)
    expect_rc(t.run("--fail-on", "never"), 0)
    r = t.run("--fail-on", "sometimes")
    expect_rc(r, 2)
    expect("'--fail-on'" in r[2], r[2])


@test
def usage_errors_exit_2_naming_the_flag(t):
    r = t.run("--frmat", "json")
    expect_rc(r, 2)
    expect("unknown option '--frmat'; did you mean '--format'?" in r[2], r[2])
    r = t.run("--format", "yaml")
    expect_rc(r, 2)
    expect("'--format'" in r[2] and "sarif" in r[2], r[2])
    r = t.run("--jobs", "many")
    expect_rc(r, 2)
    expect("'--jobs'" in r[2], r[2])
    r = t.run("--max-file-size", "big")
    expect_rc(r, 2)
    expect("'--max-file-size'" in r[2], r[2])
    r = t.run("--color", "sometimes")
    expect_rc(r, 2)
    expect("'--color'" in r[2], r[2])
    r = t.run("--config")
    expect_rc(r, 2)
    expect("'--config' needs a value" in r[2], r[2])
    r = t.run("--quiet=yes")
    expect_rc(r, 2)
    r = t.run("no-such-dir")
    expect_rc(r, 2)
    expect("no-such-dir" in r[2], r[2])


@test
def select_and_ignore(t):
    t.write("deploy.sh",
            "#!/bin/sh\nssh web1 'cd /srv/app && python manage.py migrate'\n")
    r = t.run("--select", "ADM3", "--ignore", "deploy-path-admin", "-q")
    expect_rc(r, 1)
    expect("[ADM301" in r[1] and "ADM303" not in r[1], r[1])
    r = t.run("--select", "ssh-admin-command,ADM303", "-q")
    expect("[ADM301" in r[1] and "[ADM303" in r[1], r[1])
    r = t.run("--ignore", "ADM3", "-q")
    expect_rc(r, 0)
    r = t.run("--select", "ADM3O1")
    expect_rc(r, 2)
    expect("unknown rule 'ADM3O1' in --select; did you mean 'ADM301'?" in r[2],
           r[2])


@test
def json_format(t):
    t.write("deploy.sh", SSH)
    r = t.run("--format", "json")
    expect_rc(r, 1)
    doc = json.loads(r[1])
    expect(doc["version"] == 1, doc)
    f = doc["findings"][0]
    expect(f["code"] == "ADM301" and f["name"] == "ssh-admin-command", f)
    expect(f["path"] == "deploy.sh", f)
    expect(f["range"]["start"] == {"line": 2, "column": 18, "offset": 27}, f)
    expect(f["fingerprint"] != "", f)
    expect(f["suppressed"] is False, f)


@test
def other_formats_come_from_the_emitters(t):
    t.write("deploy.sh", SSH)
    for fmt in ("sarif", "github", "gitlab", "checkstyle"):
        r = t.run("--format", fmt, "--sarif-category", "adminlint")
        expect_rc(r, 1)
        expect(r[1] != "", fmt + " wrote nothing")


@test
def output_file_is_written_atomically(t):
    t.write("deploy.sh", SSH)
    r = t.run("--format", "json", "-o", "report.json")
    expect_rc(r, 1)
    expect(r[1] == "", r[1])
    expect("1 error" in r[2], r[2])
    with open(t.path("report.json")) as f:
        expect(json.load(f)["findings"], "empty report")
    leftovers = [n for n in os.listdir(t.root) if ".tmp-" in n]
    expect(not leftovers, leftovers)
    r = t.run("--output=" + t.path("missing/dir/report.txt"))
    expect_rc(r, 2)
    expect("'--output'" in r[2], r[2])


@test
def config_errors_exit_2_with_position(t):
    t.write(".adminlint.yaml", "select: [ADM301]\nignroe: [ADM303]\n")
    t.write("deploy.sh", SSH)
    r = t.run()
    expect_rc(r, 2)
    expect(r[2].strip() == t.path(".adminlint.yaml") +
           ":2:1: error: unknown key 'ignroe'; did you mean 'ignore'?", r[2])


@test
def config_file_settings(t):
    t.write(".adminlint.yaml", "levels: {ADM301: warning}\n"
            "per-path: {\"ops/\": {ignore: [ADM301]}}\nexclude: [legacy/]\n")
    t.write("a.sh", SSH)
    t.write("ops/b.sh", SSH)
    t.write("legacy/c.sh", SSH)
    r = t.run("--select", "ADM301", "--color", "never")
    expect_rc(r, 1)
    expect(r[1].startswith("a.sh:2:18: warning: "), r[1])
    expect("ops/b.sh" not in r[1] and "legacy" not in r[1], r[1])
    expect_rc(t.run("--select", "ADM301", "--fail-on", "error"), 0)


@test
def explicit_config_path(t):
    t.write("cfg/strict.yaml", "ignore: [ADM301]\n")
    t.write("deploy.sh", SSH)
    expect_rc(t.run("--config", "cfg/strict.yaml"), 0)
    r = t.run("--config", "cfg/none.yaml")
    expect_rc(r, 2)
    expect("cfg/none.yaml" in r[2], r[2])


@test
def ignore_files_and_no_ignore(t):
    t.write(".gitignore", "build/\n")
    t.write(".adminlintignore", "gen.sh\n")
    t.write("build/deploy.sh", SSH)
    t.write("gen.sh", SSH)
    expect_rc(t.run(), 0)
    r = t.run("--no-ignore", "-q")
    expect_rc(r, 1)
    expect("build/deploy.sh" in r[1] and "gen.sh" in r[1], r[1])


@test
def max_file_size_and_binary_files(t):
    t.write("big.sh", "# " + "x" * 5000 + "\n")
    t.write("bin.sh", b"\x00\x01binary")
    r = t.run("--max-file-size", "1K", "--fail-on", "note", "-q")
    expect_rc(r, 1)
    expect("big.sh:1:1: note: " in r[1] and "--max-file-size" in r[1], r[1])
    expect("bin.sh:1:1: note: binary file skipped" in r[1], r[1])
    expect_rc(t.run("--max-file-size", "10000", "--select", "ADM902",
                    "--fail-on", "note", "--", "big.sh"), 0)


@test
def limits_flags(t):
    t.write("deep.yaml", "a: " + "[" * 40 + "]" * 40 + "\n")
    r = t.run("--max-nesting-depth", "10", "--max-yaml-nodes", "100",
              "--max-file-time", "1000", "--fail-on", "note", "-q")
    expect_rc(r, 1)
    expect("--max-nesting-depth" in r[1], r[1])
    expect_rc(t.run("--fail-on", "note"), 0)


@test
def yaml_node_and_file_time_limits(t):
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 6)]
    t.write("k8s/bomb.yaml", "\n".join(bomb) + "\n")
    r = t.run("--max-yaml-nodes", "1000", "--fail-on", "note", "-q")
    expect_rc(r, 1)
    expect("bomb.yaml" in r[1] and "--max-yaml-nodes" in r[1], r[1])
    t.write("slow.sh", "#!/bin/sh\n" + "echo \"$(a b c)\" | x 'y' > z\n" * 20000)
    r = t.run("--max-file-time", "1", "--fail-on", "note", "-q", "--", "slow.sh")
    expect_rc(r, 1)
    expect("slow.sh:1:1: note: " in r[1] and "--max-file-time" in r[1], r[1])


@test
def statistics_table(t):
    t.write("deploy.sh", SSH)
    r = t.run("--statistics", "-q")
    expect_rc(r, 1)
    expect("ADM301  ssh-admin-command" in r[2], r[2])
    expect("files:" in r[2] and "time:" in r[2], r[2])


@test
def colour_control(t):
    t.write("deploy.sh", SSH)
    expect("\033[" in t.run("--color", "always")[1], "no colour")
    expect("\033[" in t.run("--color=always", env={"NO_COLOR": "1"})[1],
           "always wins over NO_COLOR")
    expect("\033[" not in t.run("--color", "never")[1], "colour with never")
    expect("\033[" not in t.run()[1], "colour on a pipe")


@test
def stdin_filename(t):
    t.write("deploy.sh", "#!/bin/sh\necho\n")
    r = t.run("--stdin-filename", "deploy.sh", "--color", "never", stdin=SSH)
    expect_rc(r, 1)
    expect(r[1].startswith("deploy.sh:2:18: error"), r[1])
    r = t.run("--stdin-filename", "new/script.sh", stdin=SSH)
    expect_rc(r, 1)
    expect("new/script.sh:2:18" in r[1], r[1])


@test
def suppressions_and_show_suppressed(t):
    t.write("deploy.sh", "#!/bin/sh\n# adminlint ignore=ADM301 -- approved\n"
            + SSH.split("\n", 1)[1])
    r = t.run()
    expect_rc(r, 0)
    expect(r[1] == "" and "(1 suppressed)" in r[2], r)
    r = t.run("--show-suppressed", "--color", "never")
    expect_rc(r, 0)
    expect("(suppressed: approved)" in r[1], r[1])
    doc = json.loads(t.run("--format", "json", "--show-suppressed")[1])
    expect(doc["findings"][0]["suppressed"] is True, doc)
    expect(doc["findings"][0]["justification"] == "approved", doc)


@test
def only_given_paths_are_reported(t):
    t.write("a/deploy.sh", SSH)
    t.write("b/deploy.sh", SSH)
    r = t.run("-q", "a")
    expect_rc(r, 1)
    expect("a/deploy.sh" in r[1] and "b/deploy.sh" not in r[1], r[1])
    r = t.run("-q", "b/deploy.sh")
    expect("b/deploy.sh" in r[1] and "a/deploy.sh" not in r[1], r[1])


@test
def output_is_identical_for_every_job_count(t):
    for i in range(40):
        t.write("d%d/s%d.sh" % (i % 6, i), SSH)
        t.write("d%d/bad%d.sh" % (i % 4, i), "echo 'open\n")
    one = t.run("-j1", "--format", "json")
    four = t.run("--jobs", "4", "--format", "json")
    many = t.run("-j", "16", "--format", "json")
    expect(one[1] == four[1] == many[1], "output differs between -j values")


@test
def baseline_round_trip(t):
    t.write("deploy.sh", SSH)
    r = t.run("--write-baseline", "baseline.json", "-q")
    expect_rc(r, 1)
    expect(os.path.exists(t.path("baseline.json")), "no baseline written")
    r = t.run("--baseline", "baseline.json")
    expect_rc(r, 0)
    t.write("deploy.sh", "#!/bin/sh\n\n\n" + SSH.split("\n", 1)[1])
    expect_rc(t.run("--baseline", "baseline.json"), 0)
    t.write("other.sh", SSH)
    r = t.run("--baseline", "baseline.json", "-q")
    expect_rc(r, 1)
    expect("other.sh" in r[1] and "deploy.sh" not in r[1], r[1])
    r = t.run("--baseline", "missing.json")
    expect_rc(r, 2)
    expect("'--baseline'" in r[2], r[2])


@test
def rules_command(t):
    r = t.run("rules")
    expect_rc(r, 0)
    expect(r[1].splitlines()[0].startswith("ADM101  admin-script-outside-app"),
           r[1])
    doc = json.loads(t.run("rules", "--format", "json")[1])
    codes = [x["code"] for x in doc["rules"]]
    expect("ADM301" in codes and codes == sorted(codes), codes)
    expect(doc["rules"][0]["tags"], doc["rules"][0])
    expect_rc(t.run("rules", "--format", "xml"), 2)


@test
def explain_command(t):
    r = t.run("explain", "ADM301")
    expect_rc(r, 0)
    expect(r[1].startswith("ADM301 ssh-admin-command\n"), r[1][:80])
    expect("What it does" in r[1] and "##" not in r[1] and "```" not in r[1],
           r[1])
    expect("\n    ssh deploy@web1" in r[1], "code blocks are indented")
    expect_rc(t.run("explain", "ssh-admin-command"), 0)
    r = t.run("explain", "ADM3011")
    expect_rc(r, 2)
    expect("did you mean" in r[2], r[2])
    expect_rc(t.run("explain"), 2)


@test
def version_command(t):
    for args in (["version"], ["--version"]):
        r = t.run(*args)
        expect_rc(r, 0)
        expect(r[1].startswith("adminlint "), r[1])
        expect("LLVM 14" in r[1] and "yaml-cpp" in r[1] and "nlohmann" in r[1],
               r[1])


@test
def help_exits_0(t):
    for args in (["--help"], ["-h"], ["check", "--help"]):
        r = t.run(*args)
        expect_rc(r, 0)
        expect("usage: adminlint" in r[1], r[1])


@test
def init_writes_a_config_once(t):
    t.write("deploy.sh", "#!/bin/sh\necho\n")
    r = t.run("init")
    expect_rc(r, 0)
    expect(os.path.exists(t.path(".adminlint.yaml")), r)
    expect_rc(t.run(), 0)
    r = t.run("init")
    expect_rc(r, 2)
    expect("already exists" in r[2], r[2])


@test
def root_is_the_config_directory_without_git(t):
    shutil.rmtree(t.path(".git"))
    t.write("app/.adminlint.yaml", "ignore: [ADM301]\n")
    t.write("app/ops/deploy.sh", SSH)
    expect_rc(t.run(cwd=t.path("app/ops")), 0)


CXX_TOOL = os.path.join(os.path.dirname(BIN), "adminlint-cxx")
CXX_MAIN = ("#include <stdlib.h>\nint main(void) {\n"
            "  return system(\"ssh prod 'python manage.py migrate'\");\n}\n")


def write_cxx_tree(t):
    t.write("main.c", CXX_MAIN)
    t.write("compile_commands.json", json.dumps([{
        "directory": t.root, "file": "main.c",
        "arguments": ["cc", "-c", "main.c"]}]))


def cxx_command_string_is_checked(t):
    write_cxx_tree(t)
    r = t.run("check", "--color", "never", "--select", "ADM301")
    expect_rc(r, 1)
    lines = r[1].splitlines()
    expect(lines[0].startswith("main.c:3:28: error: "), r[1])
    expect(lines[0].endswith("[ADM301 ssh-admin-command]"), lines[0])
    expect(lines[2] == " " * 27 + "^" + "~" * 23, repr(lines[2]))


def cxx_frontend_compiles_only_the_given_paths(t):
    t.write("app/main.c", CXX_MAIN)
    t.write("other/broken.c", "int main( {\n")
    t.write("compile_commands.json", json.dumps([
        {"directory": t.root, "file": f, "arguments": ["cc", "-c", f]}
        for f in ("app/main.c", "other/broken.c")]))
    rc, out, err = t.run("check", "--format", "json", "--select", "ADM301", "app")
    expect_rc((rc, out, err), 1)
    doc = json.loads(out)
    expect([f["path"] for f in doc["findings"]] == ["app/main.c"], out)
    expect(not any("broken.c" in n["message"] for n in doc["notifications"]),
           "other/broken.c is outside the given path and not compiled: " + out)
    rc, out, err = t.run("check", "--format", "json", "--select", "ADM301")
    expect(any("broken.c" in n["message"]
               for n in json.loads(out)["notifications"]),
           "a whole-root scan compiles it: " + out)


if os.access(CXX_TOOL, os.X_OK):
    test(cxx_command_string_is_checked)
    test(cxx_frontend_compiles_only_the_given_paths)


@test
def missing_cxx_tool_is_a_note_not_a_failure(t):
    write_cxx_tree(t)
    alone = t.path("bin/adminlint")
    os.makedirs(os.path.dirname(alone))
    shutil.copy(BIN, alone)
    p = subprocess.run([alone, "check", "--format", "json"], cwd=t.root,
                       capture_output=True, text=True, timeout=60,
                       env={"PATH": "/nonexistent"})
    expect_rc((p.returncode, p.stdout, p.stderr), 0)
    notes = json.loads(p.stdout)["notifications"]
    expect(any(n["level"] == "note" and "adminlint-cxx not found" in
               n["message"] for n in notes), p.stdout)
    text = subprocess.run([alone, "check"], cwd=t.root, capture_output=True,
                          text=True, timeout=60, env={"PATH": "/nonexistent"})
    expect("adminlint: note: adminlint-cxx not found" in text.stderr,
           "the text report tells on stderr: " + text.stderr)
    quiet = subprocess.run([alone, "check", "-q"], cwd=t.root,
                           capture_output=True, text=True, timeout=60,
                           env={"PATH": "/nonexistent"})
    expect(quiet.stderr == "", "-q keeps stderr quiet: " + quiet.stderr)

@test
def config_context_overrides_the_compose_file_name(t):
    t.write("docker-compose.yml", "services:\n  web:\n    image: shop:1.2.3\n"
            "    command: sh -c \"python manage.py migrate && gunicorn shop.wsgi\"\n")
    rc, out, _ = t.run("check", "--select", "ADM502")
    expect_rc((rc, out, _), 0)
    t.write(".adminlint.yaml", "contexts:\n  production: [docker-compose.yml]\n")
    rc, out, err = t.run("check", "--select", "ADM502")
    expect_rc((rc, out, err), 1)
    expect("docker-compose.yml:4:21: warning:" in out, "ADM502 at 4:21: " + out)


GEN_TREE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                        "bench", "gen-tree")
CANDIDATE_SUFFIXES = (".sh", ".bash", ".yaml", ".yml", ".py", ".mk", ".json",
                      ".txt", ".dockerfile")


def findings_json(t, *args):
    rc, out, err = t.run("check", "--format", "json", "--fail-on", "never", *args)
    expect_rc((rc, out, err), 0)
    return json.loads(out)["findings"]


@test
def pre_commit_files_get_the_full_scans_findings(t):
    # A generated repository (Deployments, migration Jobs, charts, scripts,
    # Python, noise); for random sets of 5 files, a scan of just those files
    # reports exactly what the full scan reports in them.
    import random
    tree = os.path.join(t.root, "repo")
    subprocess.run([sys.executable, GEN_TREE, "1500", tree, "--manifests", "40"],
                   check=True, capture_output=True, timeout=120)
    full = findings_json(t, tree)
    expect(len(full) > 20, "the generated tree has findings: %d" % len(full))
    files = []
    for d, _, names in os.walk(tree):
        if ".git" in d.split(os.sep):
            continue
        for n in names:
            if n.endswith(CANDIDATE_SUFFIXES) or "." not in n or "Dockerfile" in n:
                files.append(os.path.relpath(os.path.join(d, n), tree))
    files.sort()
    with_findings = sorted({f["path"] for f in full})
    rng = random.Random(20261126)
    for i in range(8):
        five = rng.sample(with_findings, 2 if i % 2 else 4)
        five += rng.sample(files, 5 - len(five))
        jobs = ["-j1"] if i == 3 else ["-j3"] if i == 5 else []
        got = findings_json(t, *jobs, *[os.path.join(tree, f) for f in five])
        want = [f for f in full if f["path"] in five]
        expect(want, "set %d has findings" % i)
        expect(got == want, "pre-commit on %s:\n%s\nfull scan:\n%s"
               % (five, json.dumps(got, indent=1)[:3000],
                  json.dumps(want, indent=1)[:3000]))


def main():
    failed = 0
    for fn in TESTS:
        t = Tree()
        try:
            fn(t)
            print("PASS", fn.__name__)
        except Exception:
            failed += 1
            print("FAIL", fn.__name__)
            traceback.print_exc()
        finally:
            t.cleanup()
    print("%d tests, %d failed" % (len(TESTS), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
