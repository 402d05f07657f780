FROM python:3.12-slim AS base
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
RUN python manage.py collectstatic --noinput && python manage.py compilemessages
RUN bundle exec rake assets:precompile

FROM base AS test
RUN DATABASE_URL=sqlite:///tmp/test.db python manage.py migrate && pytest

FROM base
CMD ["gunicorn", "shop.wsgi"]
