"use server";

import { operationAction } from "@/lib/operations/action";
import { searchPalette } from "./queries";

/** The command palette's lookup for the signed-in user: only what their role may read comes back. */
export const findForPaletteAction = operationAction(searchPalette);
