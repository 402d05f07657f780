#!/usr/bin/env ruby
# Only calls the framework: the task runs in the app's own process.
system("bin/rails", "runner", "Order.fix_totals!", exception: true)
