import { and, asc, eq, or } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { savedViews, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { phraseIn, refuse, rule } from "@/lib/i18n/say";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { parseComplaintFilters } from "./filters";

export const saveViewSchema = z.object({
  name: z.string().trim().min(1, rule("complaintRules.viewNameMissing")).max(80),
  query: z
    .string()
    .max(4000)
    .transform((q) => q.replace(/^\?/, "")),
  shared: z.boolean().default(false),
});
export const deleteViewSchema = z.object({ id: z.uuid() });

/** The user's own views and those teammates shared. */
export async function listSavedViews(q: Db | Tx, userId: string) {
  return q
    .select({
      id: savedViews.id,
      name: savedViews.name,
      query: savedViews.query,
      shared: savedViews.shared,
      ownerId: savedViews.ownerId,
      ownerName: users.name,
    })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .where(or(eq(savedViews.ownerId, userId), eq(savedViews.shared, true)))
    .orderBy(asc(savedViews.name));
}

/** Saves the list's current URL query under a name (replacing the user's view of that name). */
export const saveView = defineOperation({
  name: "complaints.saveView",
  permission: "complaints:read",
  input: saveViewSchema,
  work: async ({ tx, input, actor, audit }) => {
    if (!actor.userId) throw refuse("forbidden", "complaintRules.viewsSignedInOnly");
    // A view that cannot be opened again is no use: check its filters now. Paging is not part of a view.
    const params = new URLSearchParams(input.query);
    params.delete("page");
    try {
      parseComplaintFilters(params, actor.locale);
    } catch (error) {
      const why =
        error instanceof AppError ? error.in(actor.locale ?? DEFAULT_LOCALE).message : (error as Error).message;
      throw new AppError("invalid", (locale) => ({
        message: phraseIn(locale, "complaintRules.viewFiltersInvalid"),
        details: { query: [why] },
      }));
    }
    const view = first(
      await tx
        .insert(savedViews)
        .values({ ownerId: actor.userId, name: input.name, query: params.toString(), shared: input.shared })
        .onConflictDoUpdate({
          target: [savedViews.ownerId, savedViews.name],
          set: { query: params.toString(), shared: input.shared },
        })
        .returning(),
      "inserted saved views",
    );
    await audit({
      action: "saved_view.save",
      entityType: "saved_view",
      entityId: view.id,
      after: { name: view.name, query: view.query, shared: view.shared },
    });
    return view;
  },
});

export const deleteView = defineOperation({
  name: "complaints.deleteView",
  permission: "complaints:read",
  input: deleteViewSchema,
  work: async ({ tx, input, actor, audit }) => {
    const [view] = await tx
      .delete(savedViews)
      .where(and(eq(savedViews.id, input.id), eq(savedViews.ownerId, actor.userId ?? "")))
      .returning();
    if (!view) throw refuse("not_found", "complaintRules.viewNotFound");
    await audit({
      action: "saved_view.delete",
      entityType: "saved_view",
      entityId: view.id,
      before: { name: view.name },
    });
    return { deleted: true };
  },
});
