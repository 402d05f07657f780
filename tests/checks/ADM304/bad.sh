#!/bin/sh
# One-off tasks in generic images with the checkout mounted.
# EXPECT: ADM304 @+1:40 "'docker run' runs migration 'python manage.py migrate' in generic image 'python:3.12'"
docker run --rm -v "$PWD":/app -w /app python:3.12 python manage.py migrate
# EXPECT: ADM304 @+1:34 "'kubectl run' runs data task 'python fix_orders.py' in generic image 'python:3.12'"
kubectl run fix --rm -it --image=python:3.12 -- python fix_orders.py
# EXPECT: ADM304 @+1:33 "in generic image 'postgres:16'"
docker run --rm -v "$PWD":/work postgres:16 psql -h db -f /work/fix.sql
