from app import create_app
from app.models import User, db

app = create_app()
# EXPECT: ADM101 @+1:6 "run it with `flask backfill_users`"
with app.app_context():
    for user in User.query.filter_by(email_verified=None):
        user.email_verified = False
    db.session.commit()
