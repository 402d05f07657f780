#!/bin/sh
# EXPECT: ADM103 @+1:1 "DATABASE_URL=postgres://app:***@db.internal.example.com/shop with a literal credential"
DATABASE_URL=postgres://app:hunter2@db.internal.example.com/shop python manage.py migrate
# EXPECT: ADM103 @+1:26 "DJANGO_SETTINGS_MODULE=shop.settings_prod"
python manage.py migrate --settings=shop.settings_prod
# EXPECT: ADM103 @+1:15 "PGPASSWORD=***"
docker run -e PGPASSWORD=s3cr3t shop:1.4.2 python manage.py migrate
# EXPECT: ADM103 @+1:1 "RAILS_ENV=production"
RAILS_ENV=production bundle exec rake db:migrate
