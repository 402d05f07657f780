FROM python:3.12-slim AS app
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
# EXPECT: ADM501 @+1:5 "migration 'python manage.py migrate' runs at image build time"
RUN python manage.py migrate --noinput
# EXPECT: ADM501 @+2:5 "data task 'python manage.py loaddata'"
RUN python manage.py collectstatic --noinput && \
    python manage.py loaddata fixtures/products.json
# EXPECT: ADM501 @+1:5 "data task './scripts/seed_data.sh'"
RUN ./scripts/seed_data.sh
# EXPECT: ADM501 @+1:30 "migration 'bundle exec rake db:migrate'"
RUN ["sh", "-c", "cd /app && bundle exec rake db:migrate"]
CMD ["gunicorn", "shop.wsgi"]
