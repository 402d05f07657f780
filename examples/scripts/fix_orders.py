#!/usr/bin/env python
"""A standalone admin script that bootstraps Django on its own (ADM101):
it belongs in orders/management/commands/."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")

import django

django.setup()

from orders.models import Order

for order in Order.objects.filter(total__lt=0):
    order.total = -order.total
    order.save()
