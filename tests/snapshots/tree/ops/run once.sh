#!/bin/bash
# Café 𝄞 maintenance helpers
echo "répare 𝄞" && ssh ops@db.example.com ./manage.py migrate
