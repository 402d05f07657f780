#!/usr/bin/env node
// The app's CLI (package.json "bin"): the admin mechanism itself.
const { Sequelize } = require("sequelize");

const sequelize = new Sequelize(process.env.DATABASE_URL);
sequelize.query("DELETE FROM sessions WHERE expires_at < now()");
