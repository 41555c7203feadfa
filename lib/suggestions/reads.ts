import "server-only";
import { z } from "zod";
import { refuse } from "@/lib/i18n/say";
import { defineRead } from "@/lib/operations";
import { getComplaintSuggestions } from "./queries";

/** The most similar complaints and the root causes their tags suggest, for one complaint. */
export const readSuggestions = defineRead({
  name: "suggestions.readSuggestions",
  permission: "complaints:read",
  input: z.object({ complaintId: z.string() }),
  read: async ({ actor, input }) => {
    const found = z.uuid().safeParse(input.complaintId).success
      ? await getComplaintSuggestions(actor, input.complaintId)
      : null;
    if (!found) throw refuse("not_found", "complaintRules.complaintNotFound");
    return found;
  },
});
