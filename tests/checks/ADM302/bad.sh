#!/bin/sh
set -eu
POD=$(kubectl get pod -l app=shop -o name | head -1)
# EXPECT: ADM302 @+1:12 "'fix_orders.py' is copied with kubectl cp"
kubectl cp scripts/fix_orders.py "$POD":/tmp/fix_orders.py
kubectl exec "$POD" -- python /tmp/fix_orders.py

# EXPECT: ADM302 @+1:11 "'cleanup.sql' is copied with docker cp"
docker cp cleanup.sql db:/tmp/cleanup.sql
docker exec db psql -U app -f /tmp/cleanup.sql

# EXPECT: ADM302 @+1:5 "'backfill.rb' is copied with scp"
scp backfill.rb deploy@app1.example.com:/srv/shop/current/
ssh deploy@app1.example.com 'cd /srv/shop/current && bin/rails runner backfill.rb'
