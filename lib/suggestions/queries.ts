import "server-only";
import { db } from "@/db";
import type { SessionUser } from "@/lib/auth/session";
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
