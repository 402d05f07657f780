class BackfillTotals < ActiveRecord::Migration[7.1]
  def up
    Order.where(total: nil).update_all(total: 0)
  end
end
