import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/route";
import { eraseCustomer } from "@/lib/privacy/customer-erasure";
import { customerErasureSchema } from "@/lib/privacy/validations";

/** Erases a customer's personal data: `{ customerRef, dryRun?, reason? }`; answers the complaints covered and what was erased. Admins only. */
export const POST = apiRoute({ permission: "admin:manage" }, async ({ request, actor }) => {
  const input = await readJson(request, customerErasureSchema);
  const run = await eraseCustomer(actor, input);
  return NextResponse.json(run, { status: run.dryRun ? 200 : 201 });
});
