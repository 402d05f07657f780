#!/bin/sh
# EXPECT: ADM102 @+1:1 "pip install --target /opt/tools"
pip install --target /opt/tools -r requirements.txt
PYTHONPATH=/opt/tools python manage.py migrate
