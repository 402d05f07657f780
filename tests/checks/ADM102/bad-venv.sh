#!/bin/sh
set -e
# EXPECT: ADM102 @+1:1 "builds its own environment"
python3 -m venv /opt/admin-venv
/opt/admin-venv/bin/pip install -r requirements.txt
/opt/admin-venv/bin/python manage.py migrate
