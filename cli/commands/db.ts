import { CLI_ACTOR } from "@/lib/auth/actor";
import { perform } from "@/lib/operations";
import { migrate, seedDemo } from "@/lib/runtime/database";
import { installed, installStarter } from "@/lib/taxonomies/starter";
import { failure } from "../failure";
import type { CliCommand } from "../types";

export const commands: CliCommand[] = [
  {
    name: "db migrate",
    usage: "db migrate",
    description: "Apply committed migrations to the configured database",
    skipMigrationCheck: true,
    async run(_args, { out }) {
      out(`Migrations applied (${await migrate()}).`);
      return 0;
    },
  },
  {
    name: "db seed",
    usage: "db seed [--reference]",
    description:
      "Write the demo data (users, markets, two years of complaints; no-op if there), or with --reference only the starter taxonomy",
    options: {
      reference: {
        type: "boolean",
        description:
          "Only the starter taxonomy: root causes, categories, authorities and deadline rules of existing markets",
      },
    },
    async run({ options }, { out, err }) {
      if (options.reference) {
        const result = await perform(CLI_ACTOR, installStarter, {});
        if (!("data" in result)) failure(result);
        const r = result.data;
        out(
          installed(r) === 0
            ? "The starter taxonomy is already there; nothing written."
            : `Starter taxonomy installed: ${r.rootCauses.length} root causes, ${r.categories.length} categories, ${r.authorities.length} authorities, ${r.deadlineRules.length} deadline rules`,
        );
        for (const item of [...r.rootCauses.map((n) => `root cause ${n}`), ...r.categories.map((n) => `category ${n}`)])
          err(`  + ${item}`);
        for (const item of r.authorities) err(`  + authority ${item}`);
        if (r.marketsWithoutStarter.length)
          err(
            `No starter authorities for ${r.marketsWithoutStarter.join(", ")}: add them on the Taxonomies page (Authorities).`,
          );
        if (!r.authorities.length && !r.deadlineRules.length && !r.marketsWithoutStarter.length && installed(r) > 0)
          err("No markets yet: create them (market create) and run this again for their authorities and deadlines.");
        return 0;
      }
      const result = await seedDemo({ log: err });
      out(
        result.seeded
          ? `Demo data written: ${JSON.stringify(result.summary)}`
          : "Demo data is already there; nothing written.",
      );
      return 0;
    },
  },
];
