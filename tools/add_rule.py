#!/usr/bin/env python3
"""Scaffold a new adminlint rule.

    tools/add_rule.py GROUP CODE NAME [--level error|warning|note]

    tools/add_rule.py shell ADM305 remote-cron-admin

writes, from the repository root:
  rules/Rules.def                       the RULE line, in code order
  checks/Checks.def                     the CHECK line, in code order
  checks/GROUP/<Enum>Check.cpp          the check class, reporting nothing yet
  docs/rules/CODE-NAME.md               the doc page with its fixed sections
  tests/checks/CODE/bad.EXT, ok.EXT     fixtures; bad's placeholder EXPECT
                                        fails until the rule is real
and regenerates the index docs/rules/README.md (`--index-only` does only
that). Write the fixtures first, then the check, then the doc.
"""

import argparse
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
RULES_DEF = ROOT / "rules" / "Rules.def"
CHECKS_DEF = ROOT / "checks" / "Checks.def"
DOCS = ROOT / "docs" / "rules"

RULE_RE = re.compile(
    r'^RULE\((ADM\d{3}), (\w+), "([a-z0-9-]+)", (\w+), "([^"]*)", "(.*)"\)$')
CHECK_RE = re.compile(r"^CHECK\((\w+)\)$")

# The fixture file a group's checks read, and its comment marker.
FIXTURE_KINDS = {
    "dockerfile": ("bad.Dockerfile", "ok.Dockerfile", "#"),
    "k8s": ("bad.yaml", "ok.yaml", "#"),
    "compose": ("bad-compose/docker-compose.prod.yml", "ok-compose/docker-compose.prod.yml", "#"),
    "python": ("bad.py", "ok.py", "#"),
    "cxx": ("bad.cpp", "ok.cpp", "//"),
}
DEFAULT_FIXTURE = ("bad.sh", "ok.sh", "#")


def fail(message):
    print(f"add_rule.py: error: {message}", file=sys.stderr)
    sys.exit(2)


def camel(name):
    return "".join(part.capitalize() for part in name.split("-"))


def read_rules():
    rules = []
    for line in RULES_DEF.read_text().splitlines():
        m = RULE_RE.match(line)
        if m:
            rules.append(m.groups())
    return rules


def insert_sorted(path, new_line, key_of, new_key):
    """Inserts new_line before the first matching line whose key is greater."""
    lines = path.read_text().splitlines(keepends=True)
    last_match = None
    for i, line in enumerate(lines):
        key = key_of(line.rstrip("\n"))
        if key is None:
            continue
        if key > new_key:
            lines.insert(i, new_line + "\n")
            path.write_text("".join(lines))
            return
        last_match = i
    if last_match is None:
        fail(f"{path.relative_to(ROOT)} has no entries to insert beside")
    lines.insert(last_match + 1, new_line + "\n")
    path.write_text("".join(lines))


def add_rule_line(code, enum, name, level):
    for rule in read_rules():
        if rule[0] == code or rule[2] == name:
            fail(f"{rule[0]} {rule[2]} already exists in rules/Rules.def")
    line = (f'RULE({code}, {enum}, "{name}", {level.capitalize()}, '
            f'"reliability,twelve-factor", "One line saying what {name} finds")')

    def key_of(text):
        m = RULE_RE.match(text)
        return m.group(1) if m else None

    insert_sorted(RULES_DEF, line, key_of, code)


def add_check_line(code, enum):
    codes = {rule[1]: rule[0] for rule in read_rules()}

    def key_of(text):
        m = CHECK_RE.match(text)
        return codes.get(m.group(1), "ADM999") if m else None

    insert_sorted(CHECKS_DEF, f"CHECK({enum})", key_of, code)


def write_new(path, text):
    if path.exists():
        fail(f"{path.relative_to(ROOT)} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    print(f"wrote {path.relative_to(ROOT)}")


CHECK_TEMPLATE = """\
//===- {enum}Check.cpp - {code} {name} {pad}===//
//
// Describe what the rule finds and what it must not report (RULES.md).
//
//===----------------------------------------------------------------------===//
#include "lib/Check/Check.h"

namespace adminlint {{
namespace {{

/// {code}: say in one line what this check reports.
class {enum}Check : public Check {{
public:
  explicit {enum}Check(const CheckSettings &S) : Check(RuleId::{enum}, S) {{}}

  void checkShell(const ShellUnit &U, const FileAnalysis &F,
                  Reporter &R) const override {{}}
}};

}} // namespace

std::unique_ptr<Check> create{enum}Check(const CheckSettings &S) {{
  return std::make_unique<{enum}Check>(S);
}}

}} // namespace adminlint
"""

DOC_TEMPLATE = """\
# {code} {name}

## What it does
Say what the rule finds, with the forms it recognises.

## Why is this bad?
Say what goes wrong in production when this happens.

## Example
```bash
# the smallest code that triggers it
```

## Use instead
```bash
# its correct twin
```

## Options
None.

Not reported: list the cases RULES.md says must stay quiet.
"""


def check_header(enum, code, name):
    head = f"//===- {enum}Check.cpp - {code} {name} "
    return max(0, 80 - len(head) - len("===//")) * "-"


def write_fixtures(code, group):
    bad, ok, marker = FIXTURE_KINDS.get(group, DEFAULT_FIXTURE)
    folder = ROOT / "tests" / "checks" / code
    write_new(folder / bad,
              f"{marker} Replace with code that {code} must report.\n"
              f'{marker} EXPECT: {code} @+1:1 "the message"\n'
              "placeholder\n")
    write_new(folder / ok,
              f"{marker} Replace with the correct twin that {code} must not report.\n")


def write_index():
    rows = []
    for code, _enum, name, level, _tags, summary in read_rules():
        doc = f"{code}-{name}.md"
        link = f"[{name}]({doc})" if (DOCS / doc).exists() else name
        rows.append(f"| {code} | {link} | {level.lower()} | {summary} |")
    text = ("# Rules\n\n"
            "Every rule by code. `adminlint explain CODE` prints a rule's page;\n"
            "`adminlint rules` prints this list. Generated by `tools/add_rule.py"
            " --index-only` from `rules/Rules.def`.\n\n"
            "| code | name | level | finds |\n|---|---|---|---|\n" +
            "\n".join(rows) + "\n")
    (DOCS / "README.md").write_text(text)
    print("wrote docs/rules/README.md")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("group", nargs="?", help="checks/ subfolder: shell, dockerfile, k8s, ...")
    parser.add_argument("code", nargs="?", help="ADMxxx")
    parser.add_argument("name", nargs="?", help="kebab-case name")
    parser.add_argument("--level", default="warning", choices=["error", "warning", "note"])
    parser.add_argument("--index-only", action="store_true",
                        help="only regenerate docs/rules/README.md")
    args = parser.parse_args()
    if args.index_only:
        write_index()
        return
    if not (args.group and args.code and args.name):
        parser.error("GROUP, CODE and NAME are required")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", args.group):
        fail(f"bad group '{args.group}': a lower-case folder name")
    if not re.fullmatch(r"ADM\d{3}", args.code):
        fail(f"bad code '{args.code}': ADM and three digits")
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", args.name):
        fail(f"bad name '{args.name}': kebab-case")
    enum = camel(args.name)
    add_rule_line(args.code, enum, args.name, args.level)
    add_check_line(args.code, enum)
    write_new(ROOT / "checks" / args.group / f"{enum}Check.cpp",
              CHECK_TEMPLATE.format(enum=enum, code=args.code, name=args.name,
                                    pad=check_header(enum, args.code, args.name)))
    write_new(DOCS / f"{args.code}-{args.name}.md",
              DOC_TEMPLATE.format(code=args.code, name=args.name))
    write_fixtures(args.code, args.group)
    write_index()
    print("next: re-run cmake, write the fixtures, then the check, then the doc")


if __name__ == "__main__":
    main()
