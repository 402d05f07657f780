# Lower-cases emails; the literals below must not confuse the reader.
NOTE = %q(a "quoted" (nested) note with # no comment)
PATTERN = /config\/environment/
LABEL = "#{NOTE.size} rows: #{PATTERN.source}"

# EXPECT: ADM101 @+1:1 "requires config/environment); make it a rake task in lib/tasks/backfill_emails.rake"
require File.expand_path("../config/environment", __dir__)

ActiveRecord::Base.connection.execute(<<~SQL)
  UPDATE users SET email = lower(email)
  WHERE email <> lower(email)
SQL
puts LABEL
