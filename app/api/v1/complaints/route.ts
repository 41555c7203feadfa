import { NextResponse } from "next/server";
import { operationRoute, readBody } from "@/lib/api/route";
import { readComplaintList } from "@/lib/complaints/reads";
import { createComplaint } from "@/lib/complaints/write";

/**
 * The list's filters, `q`, `sort`, `page` and `perPage`; answers `{ data, total, totalIsEstimate, page, perPage }`.
 * Totals past 10,000 are the planner's estimate, flagged by `totalIsEstimate`.
 */
export const GET = operationRoute(readComplaintList, {
  input: ({ request }) => request.nextUrl.searchParams,
  respond: ({ rows, total, totalIsEstimate, page, perPage }) =>
    NextResponse.json({ data: rows, total, totalIsEstimate, page, perPage }),
});

/** Creates a complaint; 201 with the complaint, its `id` and `version`. */
export const POST = operationRoute(createComplaint, { input: ({ request }) => readBody(request), status: 201 });
