#!/bin/sh
# Runs inside the image, whose WORKDIR is /opt/shop.
set -e
cd /opt/shop
python manage.py collectstatic --noinput
python manage.py migrate --noinput
exec "$@"
