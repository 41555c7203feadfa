import { eq, sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { z } from "zod";
import { importJobs } from "@/db/schema";
import { apiRoute, respond } from "@/lib/api/route";
import { runMutation } from "@/lib/auth/mutation";
import { AppError } from "@/lib/errors";
import { getJob } from "@/lib/imports/queries";

/** Asks a queued or running import to stop after its current batch. */
export const POST = apiRoute<{ id: string }>({ permission: "imports:run" }, async ({ actor, params }) => {
  const result = await runMutation(
    actor,
    { permission: "imports:run", schema: z.object({ id: z.uuid() }) },
    params,
    async ({ tx, input, audit }) => {
      const [job] = await tx
        .update(importJobs)
        .set({
          cancelRequested: true,
          status: sql`case when ${importJobs.status} = 'queued' then 'cancelled'::import_status else ${importJobs.status} end`,
        })
        .where(sql`${importJobs.id} = ${input.id} and ${importJobs.status} in ('queued', 'running')`)
        .returning({ id: importJobs.id });
      if (!job) {
        const [exists] = await tx.select({ id: importJobs.id }).from(importJobs).where(eq(importJobs.id, input.id));
        throw exists
          ? new AppError("conflict", "Only a queued or running import can be cancelled")
          : new AppError("not_found", "Import job not found");
      }
      await audit({ action: "import.cancel", entityType: "import_job", entityId: input.id });
      return input.id;
    },
  );
  if ("error" in result) return respond(result);
  return NextResponse.json(await getJob(result.data), { status: 202 });
});
