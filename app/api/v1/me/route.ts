import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";

/** Who the token (or session) acts as: lets a script check its credentials before doing work. */
export const GET = apiRoute({ permission: "reports:read" }, async ({ actor }) =>
  NextResponse.json({ id: actor.userId, name: actor.name, email: actor.email, role: actor.role }),
);
