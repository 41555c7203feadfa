// Shared reference data for the complaint integration tests (not a test file itself).
import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { authorities, categories, complaints, markets, products, rootCauses, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain/values";
import { exactly } from "@/lib/must";
import { allocateReferences } from "./reference";

export type Fixtures = Awaited<ReturnType<typeof createFixtures>>;

export async function createFixtures() {
  // As in the demo: Swedish complaints in Swedish, the Norwegian market's in English.
  await db.insert(markets).values([
    { code: "SE", name: "Sweden", searchLanguage: "swedish" },
    { code: "NO", name: "Norway", searchLanguage: "english" },
  ]);
  const [konsument, arnSe, forbruker] = exactly(
    await db
      .insert(authorities)
      .values([
        { market: "SE", channel: "consumer_agency", name: "Konsumentverket" },
        { market: "SE", channel: "disputes_board", name: "Allmänna reklamationsnämnden", shortName: "ARN" },
        { market: "NO", channel: "consumer_agency", name: "Forbrukertilsynet" },
      ])
      .returning(),
    3,
    "authorities",
  );
  const [account, invoice] = exactly(
    await db
      .insert(products)
      .values([
        { name: "Klarna delbetalningskonto", paymentService: false },
        { name: "Faktura", paymentService: true },
      ])
      .returning(),
    2,
    "products",
  );
  const [payments] = exactly(await db.insert(categories).values({ name: "Payments" }).returning(), 1, "categories");
  const [missedDue, refunds] = exactly(
    await db
      .insert(categories)
      .values([
        { name: "Missed due date", parentId: payments.id },
        { name: "Refunds", parentId: payments.id },
      ])
      .returning(),
    2,
    "categories",
  );
  const [unclearName, slowRefund, technical] = exactly(
    await db
      .insert(rootCauses)
      .values([{ name: "Unclear product name" }, { name: "Slow refund" }, { name: "Technical error" }])
      .returning(),
    3,
    "root causes",
  );
  const people = await db
    .insert(users)
    .values([
      { email: "admin@test.example", name: "Alva Admin", role: "admin" as Role },
      { email: "reviewer@test.example", name: "Anna Lind", role: "reviewer" as Role },
      { email: "reviewer2@test.example", name: "Erik Berg", role: "reviewer" as Role },
      { email: "pm@test.example", name: "Petra Holm", role: "product_manager" as Role },
      { email: "leadership@test.example", name: "Lars Ek", role: "leadership" as Role },
    ])
    .returning();
  const [admin, reviewer, reviewer2, pm, leadership] = exactly(people, 5, "users");
  return {
    authorities: { konsument, arnSe, forbruker },
    products: { account, invoice },
    categories: { payments, missedDue, refunds },
    rootCauses: { unclearName, slowRefund, technical },
    users: { admin, reviewer, reviewer2, pm, leadership },
  };
}

export function actorFor(user: { id: string; role: Role; name: string; email: string }): Actor {
  return { userId: user.id, role: user.role, name: user.name, email: user.email, label: "test" };
}

/** The data of a mutation result, or the test fails with its error. */
export async function ok<T>(promise: Promise<{ data: T } | { error: unknown }>): Promise<T> {
  const result = await promise;
  if (!("data" in result)) throw new Error(JSON.stringify(result.error));
  return result.data;
}

type ComplaintSeed = Partial<typeof complaints.$inferInsert> & { summary: string };

/** Inserts complaints directly (bypassing actions), for tests about reading and filtering. */
export async function insertComplaints(rows: ComplaintSeed[]) {
  const withDates = rows.map((r) => ({
    receivedOn: "2019-03-01",
    market: "SE",
    channel: "customer_service" as const,
    ...r,
  }));
  const refs = await allocateReferences(
    db,
    withDates.map((r) => r.receivedOn),
  );
  return db
    .insert(complaints)
    .values(withDates.map((r, i) => ({ externalId: `T-${randomUUID()}`, reference: refs[i]!, ...r })))
    .returning();
}
