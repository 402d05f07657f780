require "active_record"

# EXPECT: ADM101 @+1:1 "opens its own database connection with ActiveRecord::Base.establish_connection); make it a rake task in lib/tasks/purge_sessions.rake"
ActiveRecord::Base.establish_connection(ENV.fetch("DATABASE_URL"))

class Session < ActiveRecord::Base; end

Session.where("updated_at < ?", 30.days.ago).delete_all if __FILE__ == $PROGRAM_NAME
