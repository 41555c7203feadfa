import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { readForPage } from "@/lib/operations/page";
import { readUsers } from "@/lib/users/operations";
import { CreateUserButton } from "./user-dialogs";
import { UsersTable } from "./users-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const me = await requireUser("admin:manage");
  const users = await readForPage(readUsers, {});
  const t = await getTranslations("users");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={<CreateUserButton />} />
      <UsersTable users={users} currentUserId={me.id} />
    </>
  );
}
