"use server";

import { operationAction, revalidatePaths } from "@/lib/operations/action";
import { markNotificationsRead } from "./write";

export const markNotificationsReadAction = operationAction(markNotificationsRead, {
  refresh: () => revalidatePaths(["/inbox"]),
});
