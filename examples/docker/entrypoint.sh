#!/bin/sh
# The image's entrypoint: every replica migrates at every start (ADM502).
set -e
python manage.py migrate --noinput
exec "$@"
