import { and, eq, sql } from "drizzle-orm";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/db";
import { users } from "@/db/schema";
import { recordFailedSignIn } from "@/lib/audit/auth-events";
import { writeAudit } from "@/lib/audit/log";
import { clientAddress } from "@/lib/security/client-address";
import { isUnavailable } from "@/lib/security/outage";
import { burnPasswordCheck, verifyPassword } from "./password";
import { endSessions, type SessionWithVersion } from "./session-version";
import {
  ADDRESS_POLICY,
  addressKey,
  clearFailures,
  lockedUntil,
  PAIR_POLICY,
  pairKey,
  recordFailure,
  retryAfterSeconds,
} from "./throttle";

class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

/** The database did not answer: the sign-in form says the service is unavailable, not "wrong password". */
class UnavailableSignin extends CredentialsSignin {
  code = "unavailable";
}

const credentialsSchema = z.object({ email: z.string().trim().email(), password: z.string().min(1) });

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

/** Pair and address throttles around the password check; a correct password clears its pair. */
async function checkPassword(email: string, password: string, address: string) {
  const pair = pairKey(email, address);
  const byAddress = addressKey(address);
  const locked = await lockedUntil(db, [pair, byAddress]);
  if (locked) throw new ThrottledSignin(`retry-after:${retryAfterSeconds(locked)}`);

  const user = await findActiveUserByEmail(email);
  // An unknown e-mail costs the same time as a known one, so timing does not tell which exist.
  if (!user) await burnPasswordCheck(password);
  const valid = user ? await verifyPassword(user.passwordHash, password) : false;
  if (!user || !valid) {
    await recordFailure(db, pair, PAIR_POLICY);
    await recordFailure(db, byAddress, ADDRESS_POLICY);
    await recordFailedSignIn(db, email, address);
    throw new CredentialsSignin();
  }
  await clearFailures(db, pair);
  await recordSignIn(user, "password");
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

const providers: NextAuthConfig["providers"] = [
  Credentials({
    credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
    async authorize(raw, request) {
      const parsed = credentialsSchema.safeParse(raw);
      if (!parsed.success) throw new CredentialsSignin();
      const { email, password } = parsed.data;
      try {
        return await checkPassword(email, password, clientAddress(request.headers));
      } catch (error) {
        if (error instanceof CredentialsSignin) throw error;
        if (isUnavailable(error)) throw new UnavailableSignin();
        throw error;
      }
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
      // The session version is fixed into the cookie at sign-in; a later bump makes this cookie stale.
      if (account?.provider === "oidc" && token.email) {
        const found = await findActiveUserByEmail(token.email);
        token.uid = found?.id;
        token.sv = found?.sessionVersion;
      } else if (user?.id) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    async session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      (session as SessionWithVersion).sessionVersion = typeof token.sv === "number" ? token.sv : null;
      return session;
    },
  },
  events: {
    // Signing out ends this session everywhere: a copy of the cookie is refused from now on.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.uid === "string") await endSessions(db, token.uid);
    },
  },
});
