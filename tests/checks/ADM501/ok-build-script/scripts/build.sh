#!/bin/sh
set -e
bundle install
bundle exec rake assets:precompile
