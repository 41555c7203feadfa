"use server";

import { operationAction, revalidatePaths } from "@/lib/operations/action";
import { getBoss } from "./boss";
import { saveRetentionSchedule, syncSchedules } from "./schedules";

/** Saves when retention runs; once committed, hands the schedule to pg-boss (every runner reads it from there). */
export const saveRetentionScheduleAction = operationAction(saveRetentionSchedule, {
  refresh: async () => {
    revalidatePaths(["/admin/retention"]);
    // Should this not get through, every runner puts the stored schedule into pg-boss when it starts.
    await getBoss()
      .then(syncSchedules)
      .catch((error) => console.error("Could not update the retention schedule in the job runner", error));
  },
});
