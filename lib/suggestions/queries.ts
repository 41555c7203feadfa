import "server-only";
import { db } from "@/db";
import type { SessionUser } from "@/lib/auth/session";
import { redactsFor } from "@/lib/complaints/queries";
import { redactText } from "@/lib/privacy/redact";
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
  if (!found || !redactsFor(user)) return found;
  return { ...found, similar: found.similar.map((s) => ({ ...s, summary: redactText(s.summary) })) };
}
