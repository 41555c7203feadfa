"use server";

import type { z } from "zod";
import { operationAction, revalidatePaths } from "@/lib/operations/action";
import { enqueueExport } from "./jobs";
import { type exportRequestSchema, requestExport } from "./request";

const request = operationAction(requestExport, { refresh: () => revalidatePaths(["/exports"]) });

/** The list's "prepare the file" for a large export: the job is created, then handed to the runner. */
export async function requestExportAction(input: z.input<typeof exportRequestSchema>) {
  const result = await request(input);
  // Should the send not get through, the job waits queued; asking again sends a new one.
  if ("data" in result)
    await enqueueExport(result.data.id).catch((error) => console.error("Could not queue the export", error));
  return result;
}
