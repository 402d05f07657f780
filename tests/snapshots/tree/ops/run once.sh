#!/bin/bash
# Café 𝄞 maintenance helpers
echo "répare 𝄞" && docker run --rm postgres:16 psql -f fix.sql
