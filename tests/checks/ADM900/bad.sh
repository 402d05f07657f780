#!/bin/sh
# The rest of the file is still checked after an unterminated quote.
echo "starting"
# EXPECT: ADM900 @+1:6 "unterminated single quote"
echo 'unterminated
