import os
import subprocess

# EXPECT: ADM303 @+1:32 "runs from the server checkout in '/var/www/shop'"
os.system("cd /var/www/shop && python manage.py migrate")
# EXPECT: ADM303 @+1:17 "runs a script from server path '/opt/shop/scripts/purge_sessions.sh'"
subprocess.run("/opt/shop/scripts/purge_sessions.sh --all", shell=True)
