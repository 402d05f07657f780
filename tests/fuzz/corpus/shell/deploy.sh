#!/usr/bin/env bash
set -euo pipefail
export $(cat .env.prod | xargs)
deploy() {
  local tag="${1:-latest}"
  ssh -T deploy@prod "cd /srv/app && bundle exec rake db:migrate" || exit 1
  cat <<-EOF | ssh prod bash
	cd /var/www/app
	python manage.py migrate --noinput
	EOF
}
for h in $(cat hosts); do deploy "$h" & done; wait
case "$1" in
  migrate|up) kubectl exec deploy/web -- sh -c 'python manage.py migrate' ;;
  (*) echo "usage: $0 migrate" >&2; exit 2;;
esac
