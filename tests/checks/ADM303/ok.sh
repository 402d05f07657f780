#!/bin/bash
# Admin commands that do not run from a server checkout.
cd /tmp
python manage.py migrate
cd "$(dirname "$0")/.."
./scripts/backfill_orders.sh
kubectl exec deploy/shop -- sh -c 'cd /srv/app && python manage.py migrate'
cd /var/www/shop && ls
