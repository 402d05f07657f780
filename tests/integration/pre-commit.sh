#!/bin/sh
# Runs the adminlint hook of .pre-commit-hooks.yaml with Debian's real
# pre-commit (`pre-commit try-repo`, called from a scratch repository's git
# pre-commit hook) and checks that:
#   1. a clean commit passes,
#   2. a script that runs a migration over ssh blocks the commit (ADM301),
#   3. a new Job whose image tag differs from the unchanged, already committed
#      Deployment blocks the commit (ADM402): only the Job is passed to the
#      hook, the Deployment is read from the repository model,
#   4. the fixed Job passes.
#   usage: pre-commit.sh ADMINLINT SOURCE_DIR
set -eu
bin=$1
src=$2

if ! command -v pre-commit >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "pre-commit.sh: pre-commit is missing; run as root to install it" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q pre-commit >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
PRE_COMMIT_HOME=$work/cache
PATH=$(cd "$(dirname "$bin")" && pwd):$PATH
export PRE_COMMIT_HOME PATH
repo=$work/repo
mkdir "$repo"
cd "$repo"
git init -q
git config user.email test@example.com
git config user.name test
git config commit.gpgsign false
cat >.git/hooks/pre-commit <<HOOK
#!/bin/sh
exec pre-commit try-repo "$src" adminlint
HOOK
chmod +x .git/hooks/pre-commit

fail() {
  echo "pre-commit.sh: $1" >&2
  cat "$work/out" >&2
  exit 1
}

# Commits what is staged; $1 = pass|block, $2 = what the output must contain.
commit() {
  if git commit -q -m "$3" >"$work/out" 2>&1; then
    [ "$1" = pass ] || fail "commit '$3' was not blocked"
  else
    [ "$1" = block ] || fail "commit '$3' was blocked"
  fi
  [ -z "$2" ] || grep -q -- "$2" "$work/out" || fail "no '$2' in the output of '$3'"
}

workload() { # NAME KIND TAG COMMAND
  cat <<YAML
apiVersion: $( [ "$2" = Job ] && echo batch/v1 || echo apps/v1 )
kind: $2
metadata:
  name: $1
spec:
  template:
    spec:
      containers:
        - name: $1
          image: registry.example.com/shop/app:$3
          command: $4
          envFrom:
            - configMapRef:
                name: shop-config
            - secretRef:
                name: shop-secrets
YAML
}

mkdir k8s deploy
workload web Deployment 1.4.2 '["gunicorn", "shop.wsgi"]' >k8s/deployment.yaml
printf '#!/bin/sh\necho "deploying"\n' >deploy/notify.sh
git add k8s/deployment.yaml deploy/notify.sh
commit pass "" "clean deployment"

printf '#!/bin/sh\nssh deploy@prod.example.com ./manage.py migrate\n' >deploy/migrate.sh
git add deploy/migrate.sh
commit block ADM301 "migration over ssh"
git rm -q --cached deploy/migrate.sh
rm deploy/migrate.sh

workload migrate Job 1.3.0 '["python", "manage.py", "migrate"]' >k8s/migrate-job.yaml
git add k8s/migrate-job.yaml
commit block ADM402 "job at another tag"
grep -q "k8s/migrate-job.yaml" "$work/out" || fail "the finding is not in the Job"

workload migrate Job 1.4.2 '["python", "manage.py", "migrate"]' >k8s/migrate-job.yaml
git add k8s/migrate-job.yaml
commit pass "" "job at the app's tag"
echo "pre-commit.sh: OK"
