import { z } from "zod";

export const markNotificationsReadSchema = z.object({
  ids: z
    .array(z.uuid({ message: "Must be a notification id" }))
    .max(500)
    .optional(),
  all: z.boolean().optional(),
});
