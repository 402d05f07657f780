#!/usr/bin/env ruby
# Recomputes order totals outside the app's rake tasks.
# EXPECT: ADM101 @+1:1 "make it a rake task in lib/tasks/fix_orders.rake and run it with `bin/rails fix_orders`"
require_relative "../config/environment"

Order.where(total: nil).find_each do |order|
  order.update!(total: order.line_items.sum(:price))
end
