import { NextResponse } from "next/server";
import { operationRoute, readBody } from "@/lib/api/route";
import { eraseCustomerData } from "@/lib/privacy/operations";

/** Erases a customer's personal data: `{ customerRef, dryRun?, reason? }`; answers the complaints covered and what was erased. Admins only. */
export const POST = operationRoute(eraseCustomerData, {
  input: ({ request }) => readBody(request),
  respond: (run) => NextResponse.json(run, { status: run.dryRun ? 200 : 201 }),
});
