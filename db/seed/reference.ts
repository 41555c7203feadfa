import { isNull } from "drizzle-orm";
import {
  authorities,
  type Channel,
  categories,
  deadlineRules,
  markets,
  productAliases,
  products,
  rootCauses,
} from "@/db/schema";
import { must } from "@/lib/must";
import { STARTER_AUTHORITIES, starterDeadlines } from "@/lib/taxonomies/starter-data";
import type { MarketCode, ReferenceIds, SeedStep } from "./context";
import { shiftMonth } from "./dates";
import { RENAME_SHIPPED } from "./scenarios";

// The demo's Norwegian complaints are written in English (db/seed/texts.ts), so they are indexed in it.
export const MARKETS: { code: MarketCode; name: string; searchLanguage: string }[] = [
  { code: "SE", name: "Sweden", searchLanguage: "swedish" },
  { code: "NO", name: "Norway", searchLanguage: "english" },
];

const AUTHORITIES = MARKETS.flatMap(({ code }) =>
  must(STARTER_AUTHORITIES[code], `starter authorities for ${code}`).map((a) => ({ market: code, ...a })),
);

export const PRODUCTS = [
  {
    name: "Faktura",
    description: "Pay after delivery: an invoice due in 14 or 30 days.",
    paymentService: true,
    aliases: ["Klarna faktura", "Pay later"],
  },
  {
    name: "Klarna delbetalningskonto",
    description: 'Revolving credit account for paying in monthly instalments. Called "Klarna konto" until {renamed}.',
    paymentService: false,
    aliases: ["Klarna konto"],
  },
  {
    name: "Fast delbetalning",
    description: "Fixed instalment plan over 6–36 months.",
    paymentService: false,
    aliases: ["Delbetalning"],
  },
  {
    name: "Direktbetalning",
    description: "Pay now by direct bank transfer.",
    paymentService: true,
    aliases: ["Betala direkt"],
  },
  {
    name: "Kortbetalning",
    description: "Card payment in the Klarna checkout.",
    paymentService: true,
    aliases: ["Kortköp"],
  },
  {
    name: "Klarna Card",
    description: "Debit card linked to the Klarna app.",
    paymentService: true,
    aliases: ["Klarna kort"],
  },
] as const;

export type ProductName = (typeof PRODUCTS)[number]["name"];

export const CATEGORY_TREE = {
  Payments: ["Missed due date", "Payment not registered", "Reminder fee", "Debt collection"],
  Credit: ["Credit decision", "Unexpected credit account", "Interest and fees"],
  Refunds: ["Slow refund", "Refund not received"],
  "Customer service": ["Not reachable", "Unhelpful answer"],
  Product: ["Unclear terms", "Unclear product name"],
  Purchase: ["Checkout error", "Goods not delivered"],
  Privacy: ["Data request", "Marketing consent"],
} as const;

type Tree = typeof CATEGORY_TREE;
export type CategoryPath = { [P in keyof Tree]: `${P} > ${Tree[P][number]}` }[keyof Tree];

export const ROOT_CAUSES = [
  [
    "Unclear product name",
    'The product\'s name does not tell the customer what it is (e.g. a credit account called "Klarna konto").',
  ],
  ["Missed due date", "The customer missed the invoice due date and got a reminder fee or a collection notice."],
  ["Unclear terms", "Terms, fees or interest were not explained clearly before the purchase."],
  ["Slow refund", "A refund took longer than the customer could reasonably expect."],
  ["Payment not registered", "A payment the customer made was not matched to the invoice in time."],
  ["Credit decision not explained", "A declined or changed credit decision came without an understandable reason."],
  ["Service not reachable", "The customer could not reach customer service when they needed to."],
  ["Technical error", "A fault in the checkout, the app or an integration caused the problem."],
  ["Merchant issue", "The merchant's delivery, return handling or information caused the problem."],
] as const;

export type RootCauseName = (typeof ROOT_CAUSES)[number][0];

/**
 * Markets, authorities, deadline rules, products with aliases, categories and root causes.
 * Rows that already exist (an admin may have set up markets before asking for demo data) are reused.
 */
export const referenceStep: SeedStep = {
  name: "reference",
  async run(ctx) {
    const { tx } = ctx;
    const insertedMarkets = await tx.insert(markets).values(MARKETS).onConflictDoNothing().returning();
    const insertedAuthorities = await tx.insert(authorities).values(AUTHORITIES).onConflictDoNothing().returning();
    const rules = MARKETS.flatMap(({ code }) =>
      Object.entries(starterDeadlines(code)).map(([channel, d]) => ({
        market: code,
        channel: channel as Channel,
        acknowledgeDays: d.ack,
        acknowledgeBusinessDays: true,
        finalResponseDays: d.final,
        finalResponseBusinessDays: d.finalBusiness,
      })),
    );
    const insertedRules = await tx.insert(deadlineRules).values(rules).onConflictDoNothing().returning();

    const insertedProducts = await tx
      .insert(products)
      .values(
        PRODUCTS.map(({ name, description, paymentService }) => ({
          name,
          description: description.replace("{renamed}", () => renamedIn(ctx.calendar.offset)),
          paymentService,
        })),
      )
      .onConflictDoNothing()
      .returning();
    const productIds = byLowerName(await tx.select().from(products), (p) => p.name);
    const aliasRows = PRODUCTS.flatMap((p) =>
      p.aliases.map((alias) => ({ productId: productIds.get(p.name.toLowerCase())!, alias })),
    );
    const insertedAliases = await tx.insert(productAliases).values(aliasRows).onConflictDoNothing().returning();

    const parents = Object.keys(CATEGORY_TREE);
    const insertedParents = await tx
      .insert(categories)
      .values(parents.map((name) => ({ name })))
      .onConflictDoNothing()
      .returning();
    const parentIds = byLowerName(await tx.select().from(categories).where(isNull(categories.parentId)), (c) => c.name);
    const childRows = Object.entries(CATEGORY_TREE).flatMap(([parent, children]) =>
      children.map((name) => ({ parentId: parentIds.get(parent.toLowerCase())!, name })),
    );
    const insertedChildren = await tx.insert(categories).values(childRows).onConflictDoNothing().returning();
    const allCategories = await tx.select().from(categories);
    const categoryIds = new Map<CategoryPath, string>();
    for (const [parent, children] of Object.entries(CATEGORY_TREE)) {
      const parentId = parentIds.get(parent.toLowerCase())!;
      for (const child of children) {
        const row = allCategories.find((c) => c.parentId === parentId && c.name === child);
        if (row) categoryIds.set(`${parent} > ${child}` as CategoryPath, row.id);
      }
    }

    const insertedCauses = await tx
      .insert(rootCauses)
      .values(ROOT_CAUSES.map(([name, description]) => ({ name, description })))
      .onConflictDoNothing()
      .returning();
    const causeIds = byLowerName(await tx.select().from(rootCauses), (r) => r.name);

    const authorityRows = await tx.select().from(authorities);
    const reference: ReferenceIds = {
      authorities: new Map(
        AUTHORITIES.map((a) => {
          const row =
            authorityRows.find((r) => r.market === a.market && r.name === a.name) ??
            authorityRows.find((r) => r.market === a.market && r.channel === a.channel);
          return [`${a.market}:${a.channel}`, row!.id];
        }),
      ),
      products: new Map(PRODUCTS.map((p) => [p.name, productIds.get(p.name.toLowerCase())!])),
      categories: categoryIds,
      rootCauses: new Map(ROOT_CAUSES.map(([name]) => [name, causeIds.get(name.toLowerCase())!])),
    };
    ctx.reference = reference;
    Object.assign(ctx.summary, {
      markets: insertedMarkets.length,
      authorities: insertedAuthorities.length,
      deadlineRules: insertedRules.length,
      products: insertedProducts.length,
      productAliases: insertedAliases.length,
      categories: insertedParents.length + insertedChildren.length,
      rootCauses: insertedCauses.length,
    });
    ctx.log(`reference data: ${insertedProducts.length} products, ${insertedCauses.length} root causes`);
  },
};

function byLowerName<T extends { id: string }>(rows: T[], name: (row: T) => string): Map<string, string> {
  return new Map(rows.map((row) => [name(row).toLowerCase(), row.id]));
}

const MONTH_NAMES = "January February March April May June July August September October November December".split(" ");

/** The month the credit account was renamed in, moved with the demo ("March 2019" on the canonical timeline). */
function renamedIn(offset: number): string {
  const month = shiftMonth(RENAME_SHIPPED.slice(0, 7), offset);
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
