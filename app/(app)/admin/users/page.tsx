import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { readForPage } from "@/lib/operations/page";
import { readUsers } from "@/lib/users/operations";
import { CreateUserButton } from "./user-dialogs";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireUser("admin:manage");
  const users = await readForPage(readUsers, {});
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can use the tool and with which role. Role changes and deactivation take effect on the user's next request."
        actions={<CreateUserButton />}
      />
      <UsersTable users={users} currentUserId={me.id} />
    </>
  );
}
