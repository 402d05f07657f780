#!/bin/bash
# How this app used to be deployed: by hand, on the server.
set -euo pipefail

# ADM201: config sourced from the deploy user's home, env file bulk-loaded
source /home/deploy/.shop-env
export $(cat .env.production | xargs)

# ADM301 and ADM303: admin commands over ssh, from the server checkout
ssh deploy@web1 'cd /var/www/shop && git pull && python manage.py migrate --noinput'
ssh deploy@web1 bash -s < scripts/fix_orders.sh

# Fine: a tunnel, and a remote command that is not an admin command
ssh -N -L 5432:db.internal:5432 deploy@bastion &
ssh deploy@web1 'sudo systemctl restart shop'
