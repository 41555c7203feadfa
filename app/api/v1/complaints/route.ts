import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/db";
import { apiRoute, readJson, respond } from "@/lib/api/route";
import { parseComplaintFilters } from "@/lib/complaints/filters";
import { listComplaints } from "@/lib/complaints/list-query";
import { createComplaint } from "@/lib/complaints/write";
import { perform } from "@/lib/operations";
import { personalDataAccessOf } from "@/lib/privacy/gate";

/**
 * The list's filters, `q`, `sort`, `page` and `perPage`; answers `{ data, total, totalIsEstimate, page, perPage }`.
 * Totals past 10,000 are the planner's estimate, flagged by `totalIsEstimate`.
 */
export const GET = apiRoute({ permission: "complaints:read" }, async ({ request, actor }) => {
  const filters = parseComplaintFilters(request.nextUrl.searchParams);
  const { rows, total, totalIsEstimate } = await listComplaints(db, filters, {
    access: personalDataAccessOf(actor.role),
  });
  return NextResponse.json({ data: rows, total, totalIsEstimate, page: filters.page, perPage: filters.perPage });
});

/** Creates a complaint; 201 with the complaint, its `id` and `version`. */
export const POST = apiRoute({ permission: "complaints:write" }, async ({ request, actor }) => {
  const body = await readJson(request, z.unknown());
  return respond(await perform(actor, createComplaint, body), 201);
});
