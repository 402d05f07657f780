#!/bin/sh
# Patching a running release by hand.
# EXPECT: ADM203 @+1:28 "'pip install requests' installs dependencies inside a 'kubectl exec' one-off"
kubectl exec deploy/web -- pip install requests
# EXPECT: ADM203 @+1:21 "'pip install pandas' installs dependencies inside a 'heroku run' one-off"
heroku run -a shop "pip install pandas && python scripts/report.py"
# EXPECT: ADM203 @+1:17 "'npm install left-pad'"
docker exec web npm install left-pad
# EXPECT: ADM203 @+1:44 "'pip install -r requirements.txt' installs"
docker run --rm shop:1.2 sh -c "cd /app && pip install -r requirements.txt && python manage.py migrate"
