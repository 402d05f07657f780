#!/bin/sh
set -e
./wait-for-it.sh db:5432
# EXPECT: ADM502 @+1:1 "the image's entrypoint script runs migration 'python manage.py migrate'"
python manage.py migrate --noinput
exec "$@"
