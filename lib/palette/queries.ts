import "server-only";
import { desc, ilike, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { remediationActions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import { parseComplaintFilters } from "@/lib/complaints/filters";
import { listComplaints } from "@/lib/complaints/list-query";
import { defineRead } from "@/lib/operations";
import { personalDataAccessOf } from "@/lib/privacy/gate";
import { REMEDIATION_STATUS_LABELS } from "@/lib/remediation/workflow";
import { paletteQuerySchema } from "./validations";

export type PaletteHit = { kind: "complaint" | "action"; id: string; title: string; detail: string; href: string };

const PER_KIND = 6;

/** `%` and `_` are wildcards in ILIKE: a title search for "50%" means the characters. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * What the command palette offers for a typed text: complaints found as the list's search finds them
 * (a reference, external id or words), redacted as the list redacts them, and remediation actions by
 * title; each only for a role that may read it.
 */
export async function findForPalette(db: Db, actor: Actor, text: string): Promise<PaletteHit[]> {
  const hits: PaletteHit[] = [];
  if (can(actor.role, "complaints:read")) {
    const params = new URLSearchParams({ q: text, per_page: String(PER_KIND) });
    const filters = parseComplaintFilters(params, actor.locale);
    const { rows } = await listComplaints(db, filters, { access: personalDataAccessOf(actor.role) });
    for (const row of rows) {
      hits.push({
        kind: "complaint",
        id: row.id,
        title: row.reference,
        detail: row.summary,
        href: `/complaints/${row.id}`,
      });
    }
  }
  if (can(actor.role, "remediation:read")) {
    const actions = await db
      .select({ id: remediationActions.id, title: remediationActions.title, status: remediationActions.status })
      .from(remediationActions)
      .where(ilike(remediationActions.title, likePattern(text)))
      .orderBy(desc(remediationActions.updatedAt), sql`${remediationActions.id}`)
      .limit(PER_KIND);
    for (const action of actions) {
      hits.push({
        kind: "action",
        id: action.id,
        title: action.title,
        detail: REMEDIATION_STATUS_LABELS[action.status],
        href: `/remediation/${action.id}`,
      });
    }
  }
  return hits;
}

/**
 * The command palette's lookup: every role may open it (each holds remediation:read), and what comes
 * back is only what the reader's role may read, complaint text through the gate.
 */
export const searchPalette = defineRead({
  name: "palette.searchPalette",
  permission: "remediation:read",
  input: paletteQuerySchema,
  read: ({ actor, input, db }) => findForPalette(db, actor, input.text),
});
