import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/db";
import { apiRoute, readJson, respond } from "@/lib/api/route";
import { suppressesSmallCells } from "@/lib/metric/suppression";
import { perform } from "@/lib/operations";
import { personalDataAccessOf } from "@/lib/privacy/gate";
import { parseRemediationFilters } from "@/lib/remediation/filters";
import { listRemediationActions } from "@/lib/remediation/list-query";
import { createRemediationAction } from "@/lib/remediation/write";

/** Filters `status`, `owner`, `root_cause`, `market`, with `sort`, `page`, `perPage`; answers `{ data, total, page, perPage }`. */
export const GET = apiRoute({ permission: "remediation:read" }, async ({ request, actor }) => {
  const filters = parseRemediationFilters(request.nextUrl.searchParams);
  const { rows, total } = await listRemediationActions(db, filters, {
    suppressSmallCells: suppressesSmallCells(actor.role),
    access: personalDataAccessOf(actor.role),
  });
  return NextResponse.json({ data: rows, total, page: filters.page, perPage: filters.perPage });
});

/** Proposes an action; 201 with the action, its `id` and `version`. */
export const POST = apiRoute({ permission: "remediation:write" }, async ({ request, actor }) => {
  const body = await readJson(request, z.unknown());
  return respond(await perform(actor, createRemediationAction, body), 201);
});
