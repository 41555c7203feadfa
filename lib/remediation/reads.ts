import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/roles";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { parsingIn, refuse } from "@/lib/i18n/say";
import { suppressesSmallCells } from "@/lib/metric/suppression";
import { defineRead } from "@/lib/operations";
import { personalDataAccessOf } from "@/lib/privacy/gate";
import { loadActionComments, mentionablePeople } from "./comments";
import { getRemediationDetail, loadRemediationOptions } from "./detail-query";
import { parseRemediationFilters } from "./filters";
import { listRemediationActions } from "./list-query";
import { getActionRateTrend, windowsOfCheck } from "./rate-trend";

/** A page of remediation actions; evidence text through the gate, small counts suppressed for leadership. */
export const readRemediationList = defineRead({
  name: "remediation.readRemediationList",
  permission: "remediation:read",
  input: z.instanceof(URLSearchParams),
  read: async ({ actor, input, db }) => {
    const filters = parsingIn(actor.locale ?? DEFAULT_LOCALE, () => parseRemediationFilters(input));
    const list = await listRemediationActions(db, filters, {
      suppressSmallCells: suppressesSmallCells(actor.role),
      access: personalDataAccessOf(actor.role),
      locale: actor.locale,
    });
    return { ...list, page: filters.page, perPage: filters.perPage };
  },
});

/** The action with its root causes, evidence complaints (for those who read complaints), checks and history. */
export const readRemediationAction = defineRead({
  name: "remediation.readRemediationAction",
  permission: "remediation:read",
  input: z.object({ id: z.string() }),
  read: async ({ actor, input, db }) => {
    const withEvidence = can(actor.role, "complaints:read");
    const detail = z.uuid().safeParse(input.id).success
      ? await getRemediationDetail(db, input.id, {
          withEvidence,
          access: personalDataAccessOf(actor.role),
          suppressSmallCells: suppressesSmallCells(actor.role),
          locale: actor.locale,
        })
      : null;
    if (!detail) throw refuse("not_found", "remediationRules.actionNotFound");
    return { ...detail, withEvidence };
  },
});

/** The choices an action's fields offer (root causes, markets, products, owners). */
export const readRemediationOptions = defineRead({
  name: "remediation.readRemediationOptions",
  permission: "remediation:read",
  input: z.object({}),
  read: ({ db }) => loadRemediationOptions(db),
});

/** The action's discussion (personal data through the gate), and the colleagues a new comment can mention. */
export const readActionDiscussion = defineRead({
  name: "remediation.readActionDiscussion",
  permission: "remediation:read",
  input: z.object({ actionId: z.uuid() }),
  read: async ({ actor, input, db }) => {
    const [comments, people] = await Promise.all([
      loadActionComments(db, input.actionId, personalDataAccessOf(actor.role)),
      can(actor.role, "remediation:comment") ? mentionablePeople(db) : [],
    ]);
    return { comments, people: people.filter((p) => p.id !== actor.userId) };
  },
});

const checkWindows = z.object({
  beforeFrom: z.string(),
  beforeTo: z.string(),
  afterFrom: z.string(),
  afterTo: z.string(),
});

/** A shipped action's monthly rate around its shipped date, in its latest check's windows; small cells suppressed for leadership. */
export const readRemediationRateTrend = defineRead({
  name: "remediation.readRemediationRateTrend",
  permission: "remediation:read",
  input: z.object({
    market: z.string().nullable(),
    productId: z.string().nullable(),
    shippedOn: z.string(),
    rootCauseIds: z.array(z.string()),
    latestCheck: checkWindows.optional(),
  }),
  read: ({ actor, input, db }) => {
    const { latestCheck, ...action } = input;
    return getActionRateTrend(
      db,
      action,
      latestCheck ? windowsOfCheck(latestCheck) : null,
      suppressesSmallCells(actor.role),
    );
  },
});
