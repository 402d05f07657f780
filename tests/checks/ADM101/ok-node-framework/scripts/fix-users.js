// Already a package.json script ("fix-users"): it runs through the package.
const db = require("../src/db");

db("users").update({ verified: true }).then(() => db.destroy());
