#!/usr/bin/env python
"""Backfill invoices straight into the production database."""
import psycopg2

# EXPECT: ADM103 @+2:34 "password=*** with a literal credential"
# EXPECT: ADM103 @+1:52 "host=db.internal.example.com"
conn = psycopg2.connect(password="Tr0ub4dor", host="db.internal.example.com", dbname="shop")
cur = conn.cursor()
cur.execute("UPDATE invoices SET paid = true WHERE paid IS NULL")
conn.commit()
