#!/usr/bin/env bash
# Generates a hostile repository in DIR (nothing binary is committed; this script makes it).
#   tests/hostile/gen-hostile.sh DIR
set -euo pipefail
D=$1
rm -rf "$D"
mkdir -p "$D/.git" "$D/k8s" "$D/scripts" "$D/deep" "$D/names"
cd "$D"

# Links out of the tree and loops: never followed out of the root.
ln -s /etc etc-link
ln -s /etc/passwd scripts/passwd.sh
ln -s ../.. scripts/up-loop
ln -s loop-b scripts/loop-a
ln -s loop-a scripts/loop-b
ln -s scripts scripts-again

# A 50 MB file with a script name, and binary files with script names.
head -c 52428800 /dev/zero | tr '\0' 'a' > scripts/huge.sh
printf 'python manage.py migrate\0\1\2\3binary' > scripts/binary-migrate.sh
head -c 4096 /dev/urandom > Dockerfile.bin
printf '#!/bin/sh\nssh prod "python manage.py migrate"\n\xff\xfe\xc3(\xe2\x82 invalid\n' > scripts/invalid-utf8.sh

# CRLF with a BOM, with a finding whose position must be exact.
printf '\xEF\xBB\xBF#!/bin/sh\r\nset -e\r\nssh prod "cd /srv/app && python manage.py migrate"\r\n' > scripts/crlf-bom.sh
printf '\xEF\xBB\xBFweb: python manage.py migrate && gunicorn app.wsgi\r\n' > Procfile

# 20,000-deep nesting: YAML flow and block, shell subshells.
python3 - <<'PY'
depth = 20000
open("deep/flow.yaml", "w").write("a: " + "[" * depth + "]" * depth + "\n")
block = 1500  # quadratic in bytes: 1500 levels stay under the default --max-file-size
open("deep/block.yaml", "w").write("".join(" " * i + "k:\n" for i in range(block)) + " " * block + "k: v\n")
open("deep/subshell.sh", "w").write("(" * depth + "true" + ")" * depth + "\n")
open("deep/subst.sh", "w").write("echo " + "$(" * depth + "x" + ")" * depth + "\n")
# Billion laughs: 10 levels of 10 aliases.
lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for i in range(1, 10):
    prev = f"*a{i-1}"
    lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
open("deep/laughs.yaml", "w").write("\n".join(lines) + "\n")
# A 1 MB single line of shell and of YAML.
open("scripts/long-line.sh", "w").write("echo " + "x" * (1 << 20) + "\n")
open("k8s/long-line.yaml", "w").write("a: " + "y" * (1 << 20) + "\n")
PY

# Unterminated quotes and here-documents; a Dockerfile with an unterminated heredoc.
printf '#!/bin/sh\necho "never closed\nssh prod python manage.py migrate\n' > scripts/unterminated-quote.sh
printf '#!/bin/sh\ncat <<EOF\nno end here\n' > scripts/unterminated-heredoc.sh
printf 'FROM python:3.12\nRUN <<EOF\npython manage.py migrate\n' > Dockerfile
printf 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: x\n' > k8s/broken.yaml

# File names with spaces, newlines and %; text crafted to inject into the github format.
printf '#!/bin/sh\nssh prod "python manage.py migrate"\n' > "names/with space.sh"
printf '#!/bin/sh\nssh prod "python manage.py migrate"\n' > "names/new
line.sh"
printf '#!/bin/sh\nssh prod "python manage.py migrate"\n' > "names/per%cent%0A.sh"
printf '#!/bin/sh\nssh prod "python manage.py migrate %%0A::error::injected"\n::warning file=x::injected\n' > "names/inject::error file=a,line=1::x.sh"
cat > k8s/inject.yaml <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: "migrate\n::error::injected"
spec:
  template:
    spec:
      containers:
        - name: migrate
          image: "evil%0A::error file=x::injected:latest"
          command: ["python", "manage.py", "migrate"]
YAML
