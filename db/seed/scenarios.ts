import type { Channel, JourneyStage } from "@/db/schema";
import type { MarketCode } from "./context";
import type { CategoryPath, ProductName, RootCauseName } from "./reference";

/** A kind of customer matter: what the complaint is about, why it happened, and where it tends to arrive. */
export type Scenario = {
  key: ScenarioKey;
  /** Complaints per million purchases in Sweden in 2018. */
  rate: number;
  categories: [CategoryPath, number][];
  rootCause: RootCauseName;
  secondary: RootCauseName[];
  stages: [JourneyStage, number][];
  products: [ProductName | null, number][];
  channels: [Channel, number][];
};

export const SCENARIO_KEYS = [
  "missed_due_date",
  "payment_not_registered",
  "unclear_name",
  "unclear_terms",
  "slow_refund",
  "credit_decision",
  "not_reachable",
  "technical_error",
  "merchant_issue",
  "privacy",
] as const;
export type ScenarioKey = (typeof SCENARIO_KEYS)[number];

const CHANNELS_DEFAULT: [Channel, number][] = [
  ["customer_service", 0.925],
  ["consumer_agency", 0.035],
  ["disputes_board", 0.017],
  ["financial_supervisor", 0.013],
  ["data_protection_authority", 0.01],
];

const AFTER: [JourneyStage, number][] = [["after_purchase", 1]];

export const SCENARIOS: Record<ScenarioKey, Scenario> = {
  missed_due_date: {
    key: "missed_due_date",
    rate: 9,
    categories: [
      ["Payments > Missed due date", 6],
      ["Payments > Reminder fee", 3],
      ["Payments > Debt collection", 1],
    ],
    rootCause: "Missed due date",
    secondary: ["Unclear terms", "Payment not registered"],
    stages: AFTER,
    products: [
      ["Faktura", 0.7],
      ["Klarna delbetalningskonto", 0.25],
      ["Fast delbetalning", 0.05],
    ],
    channels: CHANNELS_DEFAULT,
  },
  payment_not_registered: {
    key: "payment_not_registered",
    rate: 6,
    categories: [["Payments > Payment not registered", 1]],
    rootCause: "Payment not registered",
    secondary: ["Technical error", "Missed due date"],
    stages: AFTER,
    products: [
      ["Faktura", 0.6],
      ["Klarna delbetalningskonto", 0.25],
      ["Fast delbetalning", 0.1],
      ["Klarna Card", 0.05],
    ],
    channels: CHANNELS_DEFAULT,
  },
  unclear_name: {
    key: "unclear_name",
    rate: 5,
    categories: [
      ["Credit > Unexpected credit account", 3],
      ["Product > Unclear product name", 2],
    ],
    rootCause: "Unclear product name",
    secondary: ["Unclear terms"],
    stages: [
      ["during_purchase", 0.6],
      ["after_purchase", 0.3],
      ["before_purchase", 0.1],
    ],
    products: [["Klarna delbetalningskonto", 1]],
    channels: [
      ["customer_service", 0.9],
      ["consumer_agency", 0.06],
      ["financial_supervisor", 0.02],
      ["disputes_board", 0.02],
    ],
  },
  unclear_terms: {
    key: "unclear_terms",
    rate: 4,
    categories: [
      ["Product > Unclear terms", 3],
      ["Credit > Interest and fees", 2],
    ],
    rootCause: "Unclear terms",
    secondary: ["Unclear product name", "Merchant issue"],
    stages: [
      ["before_purchase", 0.4],
      ["during_purchase", 0.4],
      ["after_purchase", 0.2],
    ],
    products: [
      ["Klarna delbetalningskonto", 0.4],
      ["Fast delbetalning", 0.3],
      ["Faktura", 0.2],
      ["Klarna Card", 0.1],
    ],
    channels: CHANNELS_DEFAULT,
  },
  slow_refund: {
    key: "slow_refund",
    rate: 5,
    categories: [
      ["Refunds > Slow refund", 3],
      ["Refunds > Refund not received", 1],
    ],
    rootCause: "Slow refund",
    secondary: ["Merchant issue"],
    stages: AFTER,
    products: [
      ["Faktura", 0.5],
      ["Kortbetalning", 0.25],
      ["Direktbetalning", 0.2],
      ["Klarna delbetalningskonto", 0.05],
    ],
    channels: CHANNELS_DEFAULT,
  },
  credit_decision: {
    key: "credit_decision",
    rate: 3,
    categories: [["Credit > Credit decision", 1]],
    rootCause: "Credit decision not explained",
    secondary: ["Unclear terms"],
    stages: [
      ["during_purchase", 0.8],
      ["before_purchase", 0.2],
    ],
    products: [
      ["Klarna delbetalningskonto", 0.5],
      ["Faktura", 0.3],
      ["Fast delbetalning", 0.2],
    ],
    channels: [
      ["customer_service", 0.88],
      ["financial_supervisor", 0.05],
      ["consumer_agency", 0.04],
      ["disputes_board", 0.03],
    ],
  },
  not_reachable: {
    key: "not_reachable",
    rate: 3,
    categories: [
      ["Customer service > Not reachable", 3],
      ["Customer service > Unhelpful answer", 1],
    ],
    rootCause: "Service not reachable",
    secondary: ["Technical error"],
    stages: AFTER,
    products: [
      ["Faktura", 0.5],
      ["Klarna delbetalningskonto", 0.2],
      ["Kortbetalning", 0.15],
      ["Direktbetalning", 0.15],
    ],
    channels: [
      ["customer_service", 0.95],
      ["consumer_agency", 0.05],
    ],
  },
  technical_error: {
    key: "technical_error",
    rate: 2,
    categories: [["Purchase > Checkout error", 1]],
    rootCause: "Technical error",
    secondary: ["Merchant issue"],
    stages: [["during_purchase", 1]],
    products: [
      ["Direktbetalning", 0.35],
      ["Kortbetalning", 0.35],
      ["Faktura", 0.2],
      ["Klarna Card", 0.1],
    ],
    channels: CHANNELS_DEFAULT,
  },
  merchant_issue: {
    key: "merchant_issue",
    rate: 2,
    categories: [["Purchase > Goods not delivered", 1]],
    rootCause: "Merchant issue",
    secondary: ["Slow refund"],
    stages: AFTER,
    products: [
      ["Faktura", 0.5],
      ["Direktbetalning", 0.2],
      ["Kortbetalning", 0.2],
      ["Klarna delbetalningskonto", 0.1],
    ],
    channels: CHANNELS_DEFAULT,
  },
  privacy: {
    key: "privacy",
    rate: 1,
    categories: [
      ["Privacy > Data request", 2],
      ["Privacy > Marketing consent", 1],
    ],
    rootCause: "Unclear terms",
    secondary: ["Technical error", "Service not reachable"],
    stages: AFTER,
    products: [
      [null, 0.6],
      ["Faktura", 0.4],
    ],
    channels: [
      ["customer_service", 0.6],
      ["data_protection_authority", 0.35],
      ["consumer_agency", 0.05],
    ],
  },
};

/** The rename shipped 2019-03-01 and round-the-clock customer service 2019-01-15 (Sweden). */
export const RENAME_SHIPPED = "2019-03-01";
export const AROUND_THE_CLOCK_SHIPPED = "2019-01-15";

// Norway runs at about two thirds of the Swedish rate and had neither change.
const NORWAY_FACTOR = 0.68;

/** Complaints per million purchases expected for one scenario in one market and month, before seasonality. */
export function scenarioRate(key: ScenarioKey, market: MarketCode, month: string): number {
  const base = SCENARIOS[key].rate;
  if (market === "NO") return base * NORWAY_FACTOR;
  if (key === "unclear_name") {
    if (month < "2019-03") return base;
    // Customers who opened a "Klarna konto" before the rename still write in for a while.
    return month === "2019-03" ? base * 0.6 : base * 0.3;
  }
  if (key === "not_reachable") {
    if (month < "2019-01") return base;
    return month === "2019-01" ? base * 0.67 : base * 0.35;
  }
  return base;
}

/** Complaints run high after the Christmas invoices fall due in January and ease towards the year's end. */
export const COMPLAINT_SEASON = [1.12, 1.06, 1.0, 1.0, 0.98, 0.97, 1.03, 1.02, 0.98, 0.97, 0.95, 0.96];
