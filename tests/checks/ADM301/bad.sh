#!/bin/bash
# Migrating production by hand over ssh.
set -euo pipefail
# EXPECT: ADM301 @+1:1 "migration 'python manage.py migrate' runs on a remote host over ssh"
ssh deploy@web1 'cd /srv/shop && python manage.py migrate --noinput'
# EXPECT: ADM301 @+1:1 "migration 'bundle exec rake db:migrate' runs on a remote host over ssh"
ssh -p 2222 web1 sudo -u shop bundle exec rake db:migrate
# EXPECT: ADM301 @+1:1 "local script 'scripts/fix_orders.sh' runs on a remote host over ssh"
ssh web1 bash -s < scripts/fix_orders.sh
# EXPECT: ADM301 @+1:1 "data task 'php artisan db:seed'"
ssh -t web2 <<'REMOTE'
cd /srv/shop
php artisan db:seed --force
REMOTE
# EXPECT: ADM301 @+1:1 "runs on a remote host over ansible"
ansible webservers -m shell -a "cd /srv/shop && python manage.py migrate"
# EXPECT: ADM301 @+1:1 "data task './scripts/backfill_orders.py' runs on a remote host over fab"
fab -H web1 -- ./scripts/backfill_orders.py
