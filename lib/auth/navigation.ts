import type { Role } from "@/lib/domain/values";
import type { Messages } from "@/lib/i18n/messages";
import { can, type Permission } from "./roles";

export type NavItem = {
  href: string;
  /** The page's name in the navigation's messages (nav.items.*). */
  key: keyof Messages["nav"]["items"];
  label: string;
  permission: Permission;
  section: "work" | "admin";
};

/** Every page of the signed-in app that belongs in the navigation, in display order. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", key: "dashboard", label: "Dashboard", permission: "reports:read", section: "work" },
  {
    href: "/reports/root-causes",
    key: "rootCauses",
    label: "Root causes",
    permission: "reports:read",
    section: "work",
  },
  { href: "/complaints", key: "complaints", label: "Complaints", permission: "complaints:read", section: "work" },
  { href: "/inbox", key: "inbox", label: "Inbox", permission: "complaints:comment", section: "work" },
  { href: "/imports", key: "imports", label: "Import", permission: "imports:run", section: "work" },
  { href: "/exports", key: "exports", label: "Exports", permission: "exports:run", section: "work" },
  { href: "/remediation", key: "remediation", label: "Remediation", permission: "remediation:read", section: "work" },
  { href: "/agreement", key: "agreement", label: "Tagging agreement", permission: "complaints:write", section: "work" },
  { href: "/admin/users", key: "users", label: "Users", permission: "admin:manage", section: "admin" },
  { href: "/admin/volumes", key: "volumes", label: "Purchase volumes", permission: "admin:manage", section: "admin" },
  {
    href: "/admin/publication",
    key: "publication",
    label: "Publication",
    permission: "admin:manage",
    section: "admin",
  },
  { href: "/admin/deadlines", key: "deadlines", label: "Deadlines", permission: "admin:manage", section: "admin" },
  { href: "/admin/taxonomies", key: "taxonomies", label: "Taxonomies", permission: "admin:manage", section: "admin" },
  { href: "/admin/retention", key: "retention", label: "Retention", permission: "admin:manage", section: "admin" },
  { href: "/admin/privacy", key: "privacy", label: "Erasure", permission: "admin:manage", section: "admin" },
  { href: "/admin/audit", key: "audit", label: "Audit", permission: "admin:manage", section: "admin" },
];

export function navigationFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  return navigationFor(role)[0]?.href ?? "/dashboard";
}
