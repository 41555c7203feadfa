import { CLI_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { publishMetricThrough, readZeroMission } from "@/lib/metric/operations";
import type { ZeroMission } from "@/lib/metric/queries";
import { run } from "@/lib/operations";
import { failure } from "../failure";
import type { CliCommand } from "../types";

/** One line per month, `perMillion` unrounded like the API; empty where a month has no volume. */
export function metricCsv(data: ZeroMission): string {
  const lines = ["market,month,complaints,purchases,per_million"];
  for (const m of data.months) {
    lines.push([data.market ?? "all", m.month, m.complaints, m.purchases ?? "", m.perMillion ?? ""].join(","));
  }
  return lines.join("\n");
}

export const commands: CliCommand[] = [
  {
    name: "metric",
    usage: "metric [--market SE] [--from 2018-01] [--to 2019-12] [--format json|csv]",
    description: "Complaints per million purchases per month and year (all markets without --market)",
    options: {
      market: { type: "string", description: "Market code; omit for all markets" },
      from: { type: "string", description: "First month, YYYY-MM" },
      to: { type: "string", description: "Last month, YYYY-MM" },
      format: { type: "string", description: "json (default) or csv" },
    },
    async run({ options, positionals }, { out }) {
      if (positionals.length) throw new AppError("invalid", `Unexpected argument: ${positionals[0]}`);
      const format = String(options.format ?? "json");
      if (format !== "json" && format !== "csv") throw new AppError("invalid", "--format must be json or csv");
      const result = await run(CLI_ACTOR, readZeroMission, {
        market: options.market,
        from: options.from,
        to: options.to,
      });
      if (!("data" in result)) failure(result);
      const data = result.data;
      out(format === "csv" ? metricCsv(data) : JSON.stringify(data, null, 2));
      return 0;
    },
  },
  {
    name: "metric publish",
    usage: "metric publish --market SE --through 2019-03 [--confirm]",
    description: "Publish (freeze) every unpublished month of a market up to and including --through",
    options: {
      market: { type: "string", description: "Market code" },
      through: { type: "string", description: "Last month to publish, YYYY-MM" },
      confirm: {
        type: "boolean",
        description: "Publish even a month with no counted complaints or outside its control limits",
      },
    },
    async run({ options }, { out }) {
      const result = await run(CLI_ACTOR, publishMetricThrough, {
        market: options.market,
        through: options.through,
        confirm: options.confirm === true,
      });
      if (!("data" in result)) failure(result);
      if (result.data.length === 0) {
        out(
          `Nothing to publish: every month of ${String(options.market).toUpperCase()} through ${options.through} is already published`,
        );
        return 0;
      }
      for (const p of result.data)
        out(
          `Published ${p.market} ${p.month}: ${p.complaints} complaints, ${p.purchases} purchases, ${p.perMillion?.toFixed(2)} per million`,
        );
      out(`${result.data.length} month${result.data.length === 1 ? "" : "s"} published`);
      return 0;
    },
  },
];
