import { operationRoute } from "@/lib/api/route";
import { whoAmI } from "@/lib/auth/operations";

/** Who the token (or session) acts as: lets a script check its credentials before doing work. */
export const GET = operationRoute(whoAmI, { input: () => ({}) });
