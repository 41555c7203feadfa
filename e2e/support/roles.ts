import path from "node:path";
import type { Role } from "@/lib/domain/values";

export const DEMO_PASSWORD = "demo-password-2019";

export const DEMO_USERS: Record<Role, { email: string; name: string }> = {
  admin: { email: "admin@demo.example", name: "Alva Admin" },
  reviewer: { email: "reviewer@demo.example", name: "Anna Lind" },
  product_manager: { email: "pm@demo.example", name: "Petra Holm" },
  leadership: { email: "leadership@demo.example", name: "Lars Ek" },
};

/** Storage state saved by auth.setup.ts for each role; use with `test.use({ storageState: authFile("reviewer") })`. */
export function authFile(role: Role): string {
  return path.join(__dirname, "..", "..", "playwright", ".auth", `${role}.json`);
}
