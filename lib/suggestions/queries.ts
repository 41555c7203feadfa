import "server-only";
import { z } from "zod";
import { db } from "@/db";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { defineRead } from "@/lib/operations";
import { gateText, personalDataAccessOf } from "@/lib/privacy/gate";
import { getSuggestions, type Suggestions } from "./engine";

/**
 * Similar complaints and suggested causes as this user may see them: a role without access to
 * personal data reads the similar complaints' summaries with personal data cut out.
 */
export async function getComplaintSuggestions(
  user: Pick<SessionUser, "role">,
  complaintId: string,
): Promise<Suggestions | null> {
  const found = await getSuggestions(db, complaintId);
  const access = personalDataAccessOf(user.role);
  if (!found || access === "full") return found;
  return { ...found, similar: found.similar.map((s) => ({ ...s, summary: gateText(access, s.summary) })) };
}

/** The most similar complaints and the root causes their tags suggest, for one complaint. */
export const readSuggestions = defineRead({
  name: "suggestions.readSuggestions",
  permission: "complaints:read",
  input: z.object({ complaintId: z.string() }),
  read: async ({ actor, input }) => {
    const found = z.uuid().safeParse(input.complaintId).success
      ? await getComplaintSuggestions(actor, input.complaintId)
      : null;
    if (!found) throw new AppError("not_found", "Complaint not found");
    return found;
  },
});
