#!/bin/sh
# adminlint ignore=ADM301 -- approved one-off, ticket OPS-12
ssh deploy@web1 'python manage.py migrate'
ssh deploy@web1 'python manage.py migrate' # adminlint ignore=ssh-admin-command -- OPS-13
# adminlint ignore=ADM301 until=2999-12-31 -- until the release job exists
ssh deploy@web1 'python manage.py migrate'
# A mention of adminlint ignore=ADM301 in prose after other text is a
# directive only right after the comment marker, so this line is not one.
echo "adminlint ignore=ADM301"
