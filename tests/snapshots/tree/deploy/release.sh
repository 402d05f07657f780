#!/bin/sh
set -eu
ssh deploy@prod.example.com 'cd /srv/shop/current && python manage.py migrate'
kubectl cp fix_orders.py web-0:/tmp/fix_orders.py
kubectl exec web-0 -- python /tmp/fix_orders.py
ssh db1.example.com ./manage.py migrate # adminlint ignore=ADM301 -- legacy host, removed in Q3
