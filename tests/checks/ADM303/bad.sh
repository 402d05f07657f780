#!/bin/bash
# Running tasks from the server checkout.
set -e
cd /var/www/shop
git pull
# EXPECT: ADM303 @+1:1 "runs from the server checkout in '/var/www/shop'"
python manage.py migrate
# EXPECT: ADM303 @+1:1 "runs a script from server path '/srv/shop/scripts/backfill_orders.sh'"
/srv/shop/scripts/backfill_orders.sh
# EXPECT: ADM303 @+1:27 "runs from the server checkout in '/opt/shop'"
ssh web1 'cd /opt/shop && bundle exec rake db:migrate'
