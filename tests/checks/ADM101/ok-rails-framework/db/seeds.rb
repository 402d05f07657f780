User.find_or_create_by!(email: "admin@example.com")
