#!/bin/sh
# Not called by the Dockerfile: the release phase runs it.
bundle exec rake db:migrate
