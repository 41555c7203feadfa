import { test as setup } from "@playwright/test";
import { ROLES } from "@/lib/domain/values";
import { authFile, DEMO_PASSWORD, DEMO_USERS } from "./support/roles";
import { expectSignedIn, signIn } from "./support/sign-in";

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, DEMO_USERS[role].email, DEMO_PASSWORD);
    await expectSignedIn(page);
    await page.context().storageState({ path: authFile(role) });
  });
}
