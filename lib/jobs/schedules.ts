import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { db } from "@/db";
import { jobSchedules } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { defineOperation } from "@/lib/operations";
import { runRetention } from "@/lib/privacy/retention";
import { QUEUES } from "./boss";
import { cronOf, DEFAULT_RETENTION_CRON, scheduleSchema } from "./validations";

export const EXPORT_CLEANUP_CRON = "7 * * * *";
/** The similar-complaint pools of the complaints being worked are looked over every minute (lib/suggestions/pools.ts). */
export const SIMILAR_POOLS_CRON = "* * * * *";

/** Who a scheduled run is recorded as in the audit log. */
export const SCHEDULE_ACTOR: Actor = { userId: null, role: "admin", name: "Schedule", email: null, label: "schedule" };

/** The retention schedule: its row's cron (null: off), or the nightly default when no admin has set one. */
export async function getRetentionCron(): Promise<string | null> {
  const [row] = await db
    .select({ cron: jobSchedules.cron })
    .from(jobSchedules)
    .where(eq(jobSchedules.name, QUEUES.retention));
  return row ? row.cron : DEFAULT_RETENTION_CRON;
}

/**
 * Puts the stored schedules into pg-boss, whose schedule table every runner reads. pg-boss lets one
 * runner at a time check the schedules and sends each one's job once a minute at most, so a
 * schedule fires once however many instances run.
 */
export async function syncSchedules(boss: PgBoss): Promise<void> {
  const cron = await getRetentionCron();
  if (cron) await boss.schedule(QUEUES.retention, cron, {}, { tz: "UTC" });
  else await boss.unschedule(QUEUES.retention);
  // Expired export files are removed every hour.
  await boss.schedule(QUEUES.exportCleanup, EXPORT_CLEANUP_CRON, {}, { tz: "UTC" });
  await boss.schedule(QUEUES.similarPools, SIMILAR_POOLS_CRON, {}, { tz: "UTC" });
}

/** A retention run sent by the schedule: every market's rule applied, recorded like any run. */
export async function runScheduledRetention() {
  return runRetention(SCHEDULE_ACTOR);
}

/** Sets when retention runs (an admin, on the Retention page). pg-boss takes it up after the commit. */
export const saveRetentionSchedule = defineOperation({
  name: "jobs.saveRetentionSchedule",
  permission: "admin:manage",
  input: scheduleSchema,
  work: async ({ tx, input, actor, audit }) => {
    const [before] = await tx.select().from(jobSchedules).where(eq(jobSchedules.name, QUEUES.retention));
    const cron = cronOf(input);
    const values = { name: QUEUES.retention, cron, updatedBy: actor.userId, updatedAt: new Date() };
    await tx.insert(jobSchedules).values(values).onConflictDoUpdate({ target: jobSchedules.name, set: values });
    await audit({
      action: "schedule.update",
      entityType: "job_schedule",
      entityId: QUEUES.retention,
      before: { cron: before ? before.cron : DEFAULT_RETENTION_CRON },
      after: { cron },
    });
    return { cron };
  },
});
