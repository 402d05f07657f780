#!/bin/sh
# Ad-hoc one-offs against production.
set -eu

# ADM203: installing into the running release
kubectl exec deploy/shop -- pip install pandas

# ADM304: the task runs the local checkout in a generic image
docker run --rm -v "$PWD":/app -w /app python:3.12 python manage.py backfill_orders

# Fine: the release's own image runs the task
kubectl exec deploy/shop -- python manage.py backfill_orders
docker run --rm registry.example.com/shop:1.4.2 python manage.py backfill_orders

# ADM302: code copied into a running container, then run there
kubectl cp scripts/fix_orders.py shop-7d9f8:/tmp/fix_orders.py
kubectl exec shop-7d9f8 -- python /tmp/fix_orders.py

# ADM103: the one-off brings its own settings module
heroku run -a shop python manage.py migrate --settings=shop.settings_prod
