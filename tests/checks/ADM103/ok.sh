#!/bin/sh
docker run -e DATABASE_URL shop:1.4.2 python manage.py migrate
docker run -e DATABASE_URL="$DATABASE_URL" shop:1.4.2 python manage.py migrate
DATABASE_URL=postgres://postgres:postgres@localhost:5432/test python manage.py migrate
DATABASE_URL="<url>" python manage.py migrate
DATABASE_URL=... python manage.py migrate
python manage.py migrate --settings=shop.settings
