// `npm run db:migrate`: applies the pending migrations (on PostgreSQL under the advisory lock every
// instance takes, so instances and this command never migrate at once).
import { prepareDatabase } from "./runtime";

prepareDatabase({ url: process.env.DATABASE_URL || undefined, seed: "never" })
  .then(() => console.log("Migrations applied"))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
