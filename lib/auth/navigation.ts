import type { Role } from "@/lib/domain/values";
import { can, type Permission } from "./roles";

export type NavItem = { href: string; label: string; permission: Permission; section: "work" | "admin" };

/** Every page of the signed-in app that belongs in the navigation, in display order. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", permission: "reports:read", section: "work" },
  { href: "/reports/root-causes", label: "Root causes", permission: "reports:read", section: "work" },
  { href: "/complaints", label: "Complaints", permission: "complaints:read", section: "work" },
  { href: "/inbox", label: "Inbox", permission: "complaints:comment", section: "work" },
  { href: "/imports", label: "Import", permission: "imports:run", section: "work" },
  { href: "/exports", label: "Exports", permission: "exports:run", section: "work" },
  { href: "/remediation", label: "Remediation", permission: "remediation:read", section: "work" },
  { href: "/agreement", label: "Tagging agreement", permission: "complaints:write", section: "work" },
  { href: "/admin/users", label: "Users", permission: "admin:manage", section: "admin" },
  { href: "/admin/volumes", label: "Purchase volumes", permission: "admin:manage", section: "admin" },
  { href: "/admin/publication", label: "Publication", permission: "admin:manage", section: "admin" },
  { href: "/admin/deadlines", label: "Deadlines", permission: "admin:manage", section: "admin" },
  { href: "/admin/taxonomies", label: "Taxonomies", permission: "admin:manage", section: "admin" },
  { href: "/admin/retention", label: "Retention", permission: "admin:manage", section: "admin" },
  { href: "/admin/privacy", label: "Erasure", permission: "admin:manage", section: "admin" },
  { href: "/admin/audit", label: "Audit", permission: "admin:manage", section: "admin" },
];

export function navigationFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  return navigationFor(role)[0]?.href ?? "/dashboard";
}
