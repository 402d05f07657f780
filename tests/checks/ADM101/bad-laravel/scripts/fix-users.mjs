import mysql from "mysql2/promise";

// EXPECT: ADM101 @+1:20 "make it an Artisan command in app/Console/Commands/FixUsers.php and run it with `php artisan app:fix-users`"
const conn = await mysql.createConnection({ host: process.env.DB_HOST });
await conn.execute("UPDATE users SET email_verified_at = NOW() WHERE email_verified_at IS NULL");
await conn.end();
