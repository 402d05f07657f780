FROM python:3.12-slim
WORKDIR /app
COPY . .
# EXPECT: ADM502 @+1:5 "the image's start command runs migration 'python manage.py migrate' before the app starts; run it once per release as a release phase, Job or Helm hook"
CMD python manage.py migrate --noinput && exec gunicorn shop.wsgi
