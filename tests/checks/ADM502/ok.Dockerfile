FROM python:3.12-slim AS migrate
CMD python manage.py migrate && echo done

FROM python:3.12-slim
CMD ["gunicorn", "shop.wsgi"]
