import { z } from "zod";
import { rule } from "@/lib/i18n/say";

export const markNotificationsReadSchema = z.object({
  ids: z
    .array(z.uuid(rule("notificationRules.notNotificationId")))
    .max(500)
    .optional(),
  all: z.boolean().optional(),
});
