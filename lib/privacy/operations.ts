import { z } from "zod";
import { getRetentionCron } from "@/lib/jobs/schedules";
import { defineBatchOperation, defineRead } from "@/lib/operations";
import { complaintsOfCustomer, eraseCustomer } from "./customer-erasure";
import { getRetentionRuns } from "./queries";
import { retentionDue, runRetention } from "./retention";
import { customerErasureSchema, retentionRunSchema } from "./validations";

/** Applies every market's retention rule now; the run commits batch by batch and audits itself. */
export const runRetentionNow = defineBatchOperation({
  name: "privacy.runRetentionNow",
  permission: "admin:manage",
  input: retentionRunSchema,
  work: ({ actor, input }) => runRetention(actor, input),
});

/** A customer's erasure request: every complaint with their customer reference (or, dry, the list of them). */
export const eraseCustomerData = defineBatchOperation({
  name: "privacy.eraseCustomerData",
  permission: "admin:manage",
  input: customerErasureSchema,
  work: ({ actor, input }) => eraseCustomer(actor, input),
});

/** The complaints a customer's erasure would cover, before any is erased (the admin page's check). */
export const previewCustomerErasure = defineRead({
  name: "privacy.previewCustomerErasure",
  permission: "admin:manage",
  input: customerErasureSchema.pick({ customerRef: true }),
  read: ({ input, db }) => complaintsOfCustomer(db, input.customerRef),
});

/** What retention would erase now per market, its last runs and its schedule: the retention page. */
export const readRetentionOverview = defineRead({
  name: "privacy.readRetentionOverview",
  permission: "admin:manage",
  input: z.object({}),
  read: async () => {
    const [due, runs, cron] = await Promise.all([retentionDue(), getRetentionRuns(), getRetentionCron()]);
    return { due, runs, cron };
  },
});
