import django
from django.core.management.base import BaseCommand

from shop.models import Order


class Command(BaseCommand):
    help = "Recompute order totals"

    def handle(self, *args, **options):
        for order in Order.objects.filter(total=None):
            order.save()
