#!/bin/sh
# Data copied out inside `sh -c`, and a copied script only inspected.
sh -c "kubectl cp web:/tmp/report.csv ./report.csv && kubectl exec web -- rm /tmp/report.csv"
kubectl cp tools/audit.py web:/tmp/audit.py
kubectl exec web -- sh -c 'ls -l /tmp/audit.py && rm /tmp/audit.py'
ssh deploy@web1 "sh -c 'cat /tmp/audit.py'"
