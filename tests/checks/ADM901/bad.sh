#!/bin/sh
# EXPECT: ADM901 @+1:1 "unknown rule 'ADM999' in suppression"
# adminlint ignore=ADM999 -- typo
echo hi

# EXPECT: ADM901 @+1:1 "suppression of 'ADM301' suppresses nothing"
# adminlint ignore=ADM301 -- nothing to suppress on the next line
echo hi

# EXPECT: ADM901 @+1:11 "suppression of 'deploy-path-admin' suppresses nothing"
echo done # adminlint ignore=deploy-path-admin

# EXPECT: ADM901 @+1:1 "suppression expired on 2020-01-31"
# adminlint ignore=ADM301 until=2020-01-31 -- until the release job exists
ssh deploy@web1 'python manage.py migrate'

# EXPECT: ADM901 @+1:1 "parse errors (ADM900) cannot be suppressed inline"
# adminlint ignore=ADM900
echo fine

# EXPECT: ADM901 @+1:1 "bad date in 'until=31.12.2099'"
# adminlint ignore=ADM301 until=31.12.2099 -- approved
ssh deploy@web1 'python manage.py migrate'
