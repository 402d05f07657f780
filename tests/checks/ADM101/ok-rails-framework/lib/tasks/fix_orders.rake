namespace :orders do
  desc "Recompute order totals"
  task fix_totals: :environment do
    Order.where(total: nil).find_each { |order| order.update!(total: 0) }
  end
end
