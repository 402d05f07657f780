#!/bin/sh
# A deploy helper that loads its config by hand before migrating.
set -eu
# EXPECT: ADM201 @+1:1 "sources '/home/deploy/.app-env' from outside the repository"
source /home/deploy/.app-env
# EXPECT: ADM201 @+1:1 "activates a virtualenv outside the repository"
. ~/venvs/shop/bin/activate
# EXPECT: ADM201 @+1:1 "bulk-loads an env file with 'export'"
export $(cat .env.production | xargs)
# EXPECT: ADM201 @+1:1 "bulk-loads an env file with 'eval'"
eval "$(cat /etc/shop/env)"
set -a
# EXPECT: ADM201 @+1:1 "bulk-exports env file './prod.env' into the shell"
. ./prod.env
set +a
python manage.py migrate
