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
