import { and, eq, sql } from "drizzle-orm";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/db";
import { users } from "@/db/schema";
import { recordFailedSignIn } from "@/lib/audit/auth-events";
import { writeAudit } from "@/lib/audit/log";
import { burnPasswordCheck, verifyPassword } from "./password";
import {
  ACCOUNT_FAILURE_LIMIT,
  ADDRESS_FAILURE_LIMIT,
  accountKey,
  addressKey,
  clearFailures,
  lockedUntil,
  recordFailure,
} from "./throttle";

class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

const credentialsSchema = z.object({ email: z.string().trim().email(), password: z.string().min(1) });

function clientAddress(request: Request | undefined): string {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || "unknown";
}

const findActiveUserByEmail = async (email: string) =>
  (
    await db
      .select()
      .from(users)
      .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, eq(users.active, true)))
  )[0];

async function recordSignIn(user: { id: string; email: string; role: string }, method: string) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await writeAudit(
      tx,
      { userId: user.id, role: user.role as never, name: user.email, email: user.email, label: "web" },
      { action: "auth.sign_in", entityType: "user", entityId: user.id, meta: { method } },
    );
  });
}

const providers: NextAuthConfig["providers"] = [
  Credentials({
    credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
    async authorize(raw, request) {
      const parsed = credentialsSchema.safeParse(raw);
      if (!parsed.success) throw new CredentialsSignin();
      const { email, password } = parsed.data;
      const keys = [accountKey(email), addressKey(clientAddress(request))];
      if (await lockedUntil(db, keys)) throw new ThrottledSignin();

      const user = await findActiveUserByEmail(email);
      const valid = user
        ? await verifyPassword(user.passwordHash, password)
        : (await burnPasswordCheck(password), false);
      if (!user || !valid) {
        await recordFailure(db, keys[0], ACCOUNT_FAILURE_LIMIT);
        await recordFailure(db, keys[1], ADDRESS_FAILURE_LIMIT);
        await recordFailedSignIn(db, email, clientAddress(request));
        throw new CredentialsSignin();
      }
      await clearFailures(db, keys[0]);
      await recordSignIn(user, "password");
      return { id: user.id, email: user.email, name: user.name };
    },
  }),
];

const oidcIssuer = process.env.AUTH_OIDC_ISSUER;
if (oidcIssuer && process.env.AUTH_OIDC_ID && process.env.AUTH_OIDC_SECRET) {
  providers.push({
    id: "oidc",
    name: process.env.AUTH_OIDC_NAME ?? "Single sign-on",
    type: "oidc",
    issuer: oidcIssuer,
    clientId: process.env.AUTH_OIDC_ID,
    clientSecret: process.env.AUTH_OIDC_SECRET,
  });
}

export const oidcEnabled = providers.some((p) => typeof p !== "function" && p.id === "oidc");

export const { handlers, auth, signIn, signOut } = NextAuth({
  providers,
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  callbacks: {
    // No self sign-up: a single sign-on identity must match an existing, active user by e-mail.
    async signIn({ account, profile, user }) {
      if (account?.provider !== "oidc") return true;
      const email = (profile?.email ?? user.email ?? "").toString();
      const existing = email ? await findActiveUserByEmail(email) : undefined;
      if (!existing) return false;
      await recordSignIn(existing, "oidc");
      return true;
    },
    async jwt({ token, user, account }) {
      if (account?.provider === "oidc" && token.email) {
        token.uid = (await findActiveUserByEmail(token.email))?.id;
      } else if (user?.id) {
        token.uid = user.id;
      }
      return token;
    },
    async session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});
