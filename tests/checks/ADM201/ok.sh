#!/bin/sh
# Local development: shell libraries and the repository's own virtualenv.
set -eu
. /etc/os-release
. /lib/lsb/init-functions
source "$NVM_DIR/nvm.sh"
source .venv/bin/activate
. ./scripts/lib.sh
python manage.py migrate
