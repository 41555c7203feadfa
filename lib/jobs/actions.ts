"use server";

import type { z } from "zod";
import type { MutationResult } from "@/lib/operations";
import { operationAction, revalidatePaths } from "@/lib/operations/action";
import { getBoss } from "./boss";
import { saveRetentionSchedule, syncSchedules } from "./schedules";
import type { scheduleSchema } from "./validations";

const save = operationAction(saveRetentionSchedule, { refresh: () => revalidatePaths(["/admin/retention"]) });

/** Saves when retention runs, then hands the schedule to pg-boss (every runner reads it from there). */
export async function saveRetentionScheduleAction(
  input: z.input<typeof scheduleSchema>,
): Promise<MutationResult<{ cron: string | null }>> {
  const result = await save(input);
  if ("data" in result) {
    // Should this not get through, every runner puts the stored schedule into pg-boss when it starts.
    await getBoss()
      .then(syncSchedules)
      .catch((error) => console.error("Could not update the retention schedule in the job runner", error));
  }
  return result;
}
