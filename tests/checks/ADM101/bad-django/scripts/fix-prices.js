#!/usr/bin/env node
// A Node script against a Django app's database: the task belongs in a
// management command, not in a script with a connection of its own.
import pg from "pg";

// EXPECT: ADM101 @+1:16 "shop/management/commands/fix_prices.py and run it with `python manage.py fix_prices`"
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
await client.query("UPDATE shop_product SET price = 0 WHERE price < 0");
await client.end();
