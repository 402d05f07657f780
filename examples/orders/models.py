from django.db import models


class Order(models.Model):
    total = models.DecimalField(max_digits=10, decimal_places=2)
    total_with_tax = models.DecimalField(max_digits=10, decimal_places=2, null=True)
