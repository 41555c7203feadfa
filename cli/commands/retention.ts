import { CLI_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { run } from "@/lib/operations";
import { runRetentionNow } from "@/lib/privacy/operations";
import { failure } from "../failure";
import type { CliCommand } from "../types";

export const commands: CliCommand[] = [
  {
    name: "retention run",
    usage: "retention run [--dry-run]",
    description:
      "Erase the personal data of closed complaints past their market's retention rule (for a nightly schedule)",
    options: { "dry-run": { type: "boolean", description: "Only count what is due" } },
    async run({ options, positionals }, { out, err }) {
      if (positionals.length) throw new AppError("invalid", `Unexpected argument: ${positionals[0]}`);
      const dryRun = !!options["dry-run"];
      const result = await run(CLI_ACTOR, runRetentionNow, { dryRun });
      if (!("data" in result)) failure(result);
      const retention = result.data;
      if (retention.markets.length === 0)
        err("No market has a retention rule: nothing is erased until an admin sets one.");
      for (const m of retention.markets) {
        err(
          `${m.market}: closed before ${m.cutoff} (${m.months} months): ${dryRun ? `${m.due} due` : `${m.erased} erased`}`,
        );
      }
      out(JSON.stringify(retention));
      return 0;
    },
  },
];
