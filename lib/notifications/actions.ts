"use server";

import { mutationAction, revalidatePaths } from "@/lib/auth/action";
import { markNotificationsRead } from "./write";

export const markNotificationsReadAction = mutationAction(markNotificationsRead, () => revalidatePaths(["/inbox"]));
