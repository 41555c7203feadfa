import { requireUser } from "@/lib/auth/session";

/**
 * Every remediation page needs `remediation:read`, checked here, outside the list's loading skeleton (a page
 * inside a loading boundary starts streaming at once, and its own 403 would arrive with a 200).
 */
export default async function RemediationLayout({ children }: { children: React.ReactNode }) {
  await requireUser("remediation:read");
  return children;
}
