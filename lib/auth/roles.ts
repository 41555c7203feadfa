import type { Role } from "@/lib/domain/values";

export type { Role };

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  reviewer: "Reviewer",
  product_manager: "Product manager",
  leadership: "Leadership",
};

/** Who may do what; the single source for guards, navigation and UI controls. */
export const PERMISSIONS = {
  "complaints:read": ["admin", "reviewer", "product_manager"],
  "complaints:read_personal": ["admin", "reviewer"],
  "complaints:write": ["admin", "reviewer"],
  "complaints:comment": ["admin", "reviewer", "product_manager"],
  "imports:run": ["admin", "reviewer"],
  "exports:run": ["admin", "reviewer", "product_manager"],
  "reports:read": ["admin", "reviewer", "product_manager", "leadership"],
  "remediation:read": ["admin", "reviewer", "product_manager", "leadership"],
  "remediation:write": ["admin", "reviewer"],
  // A product manager proposes actions for the causes in their report; they own what they propose.
  "remediation:propose": ["admin", "reviewer", "product_manager"],
  "remediation:update_own": ["admin", "reviewer", "product_manager"],
  // Those with an inbox discuss any action, as they comment on complaints; leadership reads along.
  "remediation:comment": ["admin", "reviewer", "product_manager"],
  "admin:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Leadership sees aggregates only: breakdown cells under this count are suppressed. */
export const SMALL_CELL_THRESHOLD = 5;
