import knex from "knex";

interface Order {
  id: number;
  total: number | null;
}

// EXPECT: ADM101 @+1:12 "run it with `npm run backfill-orders`"
const db = knex({ client: "pg", connection: process.env.DATABASE_URL });

async function backfill(): Promise<void> {
  const rows: Order[] = await db<Order>("orders").whereNull("total");
  console.log(`${rows.length} orders`);
  await db("orders").whereNull("total").update({ total: 0 });
}

backfill().finally(() => db.destroy());
