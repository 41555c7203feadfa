import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { defineOperation, defineRead } from "@/lib/operations";
import { getDashboardData } from "./dashboard";
import { getPublicationReview, publishMonth, publishThrough, restateMonth } from "./publication";
import { getMarkets, getProductOptions, getTargets, getZeroMission } from "./queries";
import { deleteTarget, setTarget } from "./targets";
import {
  deleteTargetSchema,
  deleteVolumeSchema,
  metricQuerySchema,
  publishSchema,
  publishThroughSchema,
  restateSchema,
  targetSchema,
  volumeImportSchema,
  volumeSchema,
} from "./validations";
import { deleteVolume, getVolumes, importVolumes, setVolume } from "./volumes";

// Volumes, publications and targets are the metric's inputs: an admin's alone.

export const setPurchaseVolume = defineOperation({
  name: "metric.setPurchaseVolume",
  permission: "admin:manage",
  input: volumeSchema,
  work: (ctx) => setVolume(ctx, ctx.input),
});

export const deletePurchaseVolume = defineOperation({
  name: "metric.deletePurchaseVolume",
  permission: "admin:manage",
  input: deleteVolumeSchema,
  work: (ctx) => deleteVolume(ctx, ctx.input),
});

/** A purchase-volume CSV; the audit entry says whether it came from the command line or the web. */
export const importPurchaseVolumes = defineOperation({
  name: "metric.importPurchaseVolumes",
  permission: "admin:manage",
  input: volumeImportSchema,
  work: (ctx) => importVolumes(ctx, { ...ctx.input, via: ctx.actor.label === "cli" ? "cli" : "web" }),
});

export const publishMetricMonth = defineOperation({
  name: "metric.publishMetricMonth",
  permission: "admin:manage",
  input: publishSchema,
  work: (ctx) => publishMonth(ctx, ctx.input),
});

export const publishMetricThrough = defineOperation({
  name: "metric.publishMetricThrough",
  permission: "admin:manage",
  input: publishThroughSchema,
  work: (ctx) => publishThrough(ctx, ctx.input),
});

export const restateMetricMonth = defineOperation({
  name: "metric.restateMetricMonth",
  permission: "admin:manage",
  input: restateSchema,
  work: (ctx) => restateMonth(ctx, ctx.input),
});

export const setMetricTarget = defineOperation({
  name: "metric.setMetricTarget",
  permission: "admin:manage",
  input: targetSchema,
  work: (ctx) => setTarget(ctx, ctx.input),
});

export const deleteMetricTarget = defineOperation({
  name: "metric.deleteMetricTarget",
  permission: "admin:manage",
  input: deleteTargetSchema,
  work: (ctx) => deleteTarget(ctx, ctx.input),
});

/** Each month of a market with its figure and whether (and as what) it was published: the publication page. */
export const readPublicationReview = defineRead({
  name: "metric.readPublicationReview",
  permission: "admin:manage",
  input: z.object({ market: z.string().trim().min(1) }),
  read: ({ input, db }) => getPublicationReview(input.market, db),
});

/** Current figures per month and year, unpublished months included (the API's and the command line's metric). */
export const readZeroMission = defineRead({
  name: "metric.readZeroMission",
  permission: "reports:read",
  // The same for every reader of a role: shared for a few seconds (lib/operations/shared-reads.ts).
  shared: true,
  input: metricQuerySchema,
  read: ({ input }) => getZeroMission(input),
});

/** The markets of the metric, in display order: every report's and form's market picker. */
export const readMarkets = defineRead({
  name: "metric.readMarkets",
  permission: "reports:read",
  input: z.object({}),
  read: ({ db }) => getMarkets(db),
});

/** Products by name, for the reports' and the volume form's product pickers. */
export const readProductOptions = defineRead({
  name: "metric.readProductOptions",
  permission: "reports:read",
  input: z.object({}),
  read: ({ db }) => getProductOptions(db),
});

/** A market's targets per year, for their administration. */
export const readMetricTargets = defineRead({
  name: "metric.readMetricTargets",
  permission: "admin:manage",
  input: z.object({ market: z.string().trim().min(1) }),
  read: ({ input, db }) => getTargets(input.market, db),
});

/** The dashboard of a market (or all, `null`), small cells withheld for the roles that see aggregates only. */
export const readDashboard = defineRead({
  name: "metric.readDashboard",
  permission: "reports:read",
  // The same for every reader of a role: shared for a few seconds (lib/operations/shared-reads.ts).
  shared: true,
  input: z.object({ market: z.string().nullable(), locale: z.enum(LOCALES).optional() }),
  read: ({ actor, input, db }) =>
    getDashboardData({ market: input.market, role: actor.role, locale: input.locale }, db),
});

/** A market's purchase volumes per month and product, for their administration. */
export const readVolumes = defineRead({
  name: "metric.readVolumes",
  permission: "admin:manage",
  input: z.object({ market: z.string().trim().min(1) }),
  read: ({ input, db }) => getVolumes(input.market, db),
});
