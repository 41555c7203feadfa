import { NextResponse } from "next/server";
import { operationRoute, readBody } from "@/lib/api/route";
import { readRemediationList } from "@/lib/remediation/reads";
import { createRemediationActionByApi } from "@/lib/remediation/write";

/** Filters `status`, `owner`, `root_cause`, `market`, with `sort`, `page`, `perPage`; answers `{ data, total, page, perPage }`. */
export const GET = operationRoute(readRemediationList, {
  input: ({ request }) => request.nextUrl.searchParams,
  respond: ({ rows, total, page, perPage }) => NextResponse.json({ data: rows, total, page, perPage }),
});

/** Proposes an action; 201 with the action, its `id` and `version`. */
export const POST = operationRoute(createRemediationActionByApi, {
  input: ({ request }) => readBody(request),
  status: 201,
});
