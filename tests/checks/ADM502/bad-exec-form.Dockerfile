FROM python:3.12-slim
WORKDIR /app
# EXPECT: ADM502 @+1:26 "migration 'flask db upgrade'"
ENTRYPOINT ["sh", "-c", "flask db upgrade && gunicorn app:app"]
