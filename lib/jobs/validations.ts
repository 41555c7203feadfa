import { parseExpression } from "cron-parser";
import { z } from "zod";
import { rule, ruleText } from "@/lib/i18n/say";

/** The retention run's default: every night at 02:00 UTC. */
export const DEFAULT_RETENTION_CRON = "0 2 * * *";

export const FREQUENCIES = ["off", "hourly", "nightly", "weekly", "custom"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export function validCron(cron: string): boolean {
  try {
    parseExpression(cron, { tz: "UTC" });
    return cron.trim().split(/\s+/).length === 5;
  } catch {
    return false;
  }
}

/** What an admin picks on the Retention page; turned into a cron expression in UTC. */
export const scheduleSchema = z
  .object({
    frequency: z.enum(FREQUENCIES, rule("importRules.schedule.frequency")),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, rule("importRules.schedule.time"))
      .default("02:00"),
    cron: z.string().trim().max(100).default(""),
  })
  .superRefine((value, ctx) => {
    if (value.frequency === "custom" && !validCron(value.cron))
      ctx.addIssue({
        code: "custom",
        path: ["cron"],
        message: ruleText("importRules.schedule.cron"),
      });
  });
export type ScheduleInput = z.input<typeof scheduleSchema>;

export function cronOf(input: z.output<typeof scheduleSchema>): string | null {
  const [hour, minute] = input.time.split(":").map(Number);
  switch (input.frequency) {
    case "off":
      return null;
    case "hourly":
      return `${minute} * * * *`;
    case "nightly":
      return `${minute} ${hour} * * *`;
    case "weekly":
      return `${minute} ${hour} * * 0`;
    case "custom":
      return input.cron.trim().split(/\s+/).join(" ");
  }
}

/** The form's values for a stored cron expression (null: off). */
export function scheduleOf(cron: string | null): { frequency: Frequency; time: string; cron: string } {
  if (cron === null) return { frequency: "off", time: "02:00", cron: "" };
  const pad = (n: string) => n.padStart(2, "0");
  const [minute, hour, dom, month, dow] = cron.split(" ");
  const plain = (part: string | undefined): part is string => part !== undefined && /^\d+$/.test(part);
  if (plain(minute) && hour === "*" && dom === "*" && month === "*" && dow === "*")
    return { frequency: "hourly", time: `00:${pad(minute)}`, cron };
  if (plain(minute) && plain(hour) && dom === "*" && month === "*") {
    if (dow === "*") return { frequency: "nightly", time: `${pad(hour)}:${pad(minute)}`, cron };
    if (dow === "0") return { frequency: "weekly", time: `${pad(hour)}:${pad(minute)}`, cron };
  }
  return { frequency: "custom", time: "02:00", cron };
}

/** When a cron expression fires next (UTC), or null when off. */
export function nextRun(cron: string | null, after: Date = new Date()): Date | null {
  if (!cron) return null;
  return parseExpression(cron, { tz: "UTC", currentDate: after }).next().toDate();
}
