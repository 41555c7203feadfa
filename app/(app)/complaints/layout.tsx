import { requireUser } from "@/lib/auth/session";

/**
 * Every complaint page needs `complaints:read`, checked here, outside the list's loading skeleton: a page
 * inside a loading boundary starts streaming at once, and its own 403 would arrive with a 200.
 */
export default async function ComplaintsLayout({ children }: { children: React.ReactNode }) {
  await requireUser("complaints:read");
  return children;
}
