#!/usr/bin/env node
// Lower-cases user emails with a connection of its own.
const { Pool } = require("pg");

const label = `fixing ${process.env.NODE_ENV || "dev"} /* not a comment */`;
const emailish = /[^@\/]+@[^@]+/;

// EXPECT: ADM101 @+1:14 "opens its own database connection with new Pool()); make it a package.json script or a command of the app's CLI"
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

async function main() {
  console.log(label, emailish.source);
  await pool.query(`UPDATE users SET email = lower(email)`);
  await pool.end();
}

main();
