#!/bin/sh
# Copying data out of a container is fine.
kubectl cp shop/db-0:/tmp/dump.sql ./dump.sql
docker cp web:/app/logs ./logs
# A config file copied in and never executed.
kubectl cp settings.yaml web-0:/etc/shop/settings.yaml
kubectl exec web-0 -- kill -HUP 1
scp report.csv deploy@app1.example.com:/srv/reports/
