import { z } from "zod";
import { defineRead } from "@/lib/operations";

/** Who the caller acts as: lets a script check its credentials before doing work. Every role may ask. */
export const whoAmI = defineRead({
  name: "auth.whoAmI",
  permission: "reports:read",
  input: z.object({}),
  read: async ({ actor }) => ({ id: actor.userId, name: actor.name, email: actor.email, role: actor.role }),
});
