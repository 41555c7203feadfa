import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed";
import type { CliCommand } from "../types";

export const commands: CliCommand[] = [
  {
    name: "db migrate",
    usage: "db migrate",
    description: "Apply committed migrations to the configured database",
    skipMigrationCheck: true,
    async run(_args, { handle, out }) {
      await migrateDatabase(handle);
      out(`Migrations applied (${handle.kind}).`);
      return 0;
    },
  },
  {
    name: "db seed",
    usage: "db seed",
    description: "Write the demo data (users, markets, two years of complaints); does nothing if already there",
    async run(_args, { db, out, err }) {
      const result = await seedDemoData(db, { log: err });
      out(
        result.seeded
          ? `Demo data written: ${JSON.stringify(result.summary)}`
          : "Demo data is already there; nothing written.",
      );
      return 0;
    },
  },
];
