"""The right home for a data task: a management command, run in the release
with `python manage.py backfill_orders` (see k8s/migrate-job.yaml)."""
from django.core.management.base import BaseCommand

from orders.models import Order


class Command(BaseCommand):
    help = "Fill in total_with_tax for old orders"

    def handle(self, *args, **options):
        for order in Order.objects.filter(total_with_tax__isnull=True).iterator():
            order.total_with_tax = order.total * 1.2
            order.save(update_fields=["total_with_tax"])
