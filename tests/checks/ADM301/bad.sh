#!/bin/bash
# Migrating production by hand over ssh.
set -euo pipefail
# EXPECT: ADM301 @+1:34 "migration 'python manage.py migrate' runs on a remote host over ssh"
ssh deploy@web1 'cd /srv/shop && python manage.py migrate --noinput'
# EXPECT: ADM301 @+1:31 "migration 'bundle exec rake db:migrate' runs on a remote host over ssh"
ssh -p 2222 web1 sudo -u shop bundle exec rake db:migrate
# EXPECT: ADM301 @+1:20 "local script 'scripts/fix_orders.sh' runs on a remote host over ssh"
ssh web1 bash -s < scripts/fix_orders.sh
ssh -t web2 <<'REMOTE'
cd /srv/shop
# EXPECT: ADM301 @+1:1 "data task 'php artisan db:seed'"
php artisan db:seed --force
REMOTE
# EXPECT: ADM301 @+1:49 "runs on a remote host over ansible"
ansible webservers -m shell -a "cd /srv/shop && python manage.py migrate"
# EXPECT: ADM301 @+1:16 "data task './scripts/backfill_orders.py' runs on a remote host over fab"
fab -H web1 -- ./scripts/backfill_orders.py
