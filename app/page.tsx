import { redirect } from "next/navigation";
import { homeFor } from "@/lib/auth/navigation";
import { getCurrentUser } from "@/lib/auth/session";

export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? homeFor(user.role) : "/sign-in");
}
