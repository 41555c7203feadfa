import { defineBatchOperation, defineRead } from "@/lib/operations";
import { complaintsOfCustomer, eraseCustomer } from "./customer-erasure";
import { runRetention } from "./retention";
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
