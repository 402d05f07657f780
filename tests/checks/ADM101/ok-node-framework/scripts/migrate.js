#!/usr/bin/env node
// Only calls the framework's own CLI.
const { execSync } = require("child_process");

execSync("npx knex migrate:latest", { stdio: "inherit" });
