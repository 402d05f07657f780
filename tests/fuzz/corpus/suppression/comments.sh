#!/bin/sh
# adminlint ignore=ADM301,ssh-admin-command -- vetted by ops
ssh prod 'python manage.py migrate'
python manage.py migrate  # adminlint ignore=ADM502 until=2027-03-31 -- until the job lands
// adminlint ignore=ADM9,nope until=2020-01-01
/* adminlint ignore-file=ADM405 -- third-party */
<!-- adminlint ignore= -- -->
# adminlint ignore=ADM3 until=9999-99-99
