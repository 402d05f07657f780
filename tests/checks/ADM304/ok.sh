#!/bin/sh
# The app's image, database tools on a dump, and debug pods.
docker run --rm registry.example.com/shop:1.4.2 python manage.py migrate
docker run --rm -v "$PWD/backup":/backup postgres:16 pg_restore -d "$DATABASE_URL" /backup/db.dump
docker run --rm postgres:16 psql -h db -f /docker-entrypoint-initdb.d/init.sql
kubectl run -it --rm debug --image=busybox -- sh
kubectl run curl --rm -it --image=curlimages/curl -- curl http://shop/health
