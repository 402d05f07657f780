#!/bin/sh
# One-offs that run the release as it is.
kubectl exec deploy/web -- python manage.py migrate
heroku run -a shop python manage.py migrate
docker compose run --rm web python manage.py migrate
pip install -r requirements-dev.txt
