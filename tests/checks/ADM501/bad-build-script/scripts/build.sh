#!/bin/sh
set -e
bundle install
bundle exec rake assets:precompile
# EXPECT: ADM501 @+1:1 "migration 'bundle exec rake db:migrate' runs at image build time, called by a Dockerfile RUN"
bundle exec rake db:migrate
