#!/usr/bin/env python
"""Recompute order totals."""
import os
import sys

# EXPECT: ADM101 @+1:1 "shop/management/commands/fix_orders.py"
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")

import django

django.setup()

from shop.models import Order

for order in Order.objects.filter(total=None):
    order.total = sum(line.price for line in order.lines.all())
    order.save()
