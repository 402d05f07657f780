#!/bin/sh
# adminlint ignore-file=ADM301 -- legacy runbook, removed with OPS-99
ssh deploy@web1 'python manage.py migrate'
ssh deploy@web2 'python manage.py migrate'
