import type { Channel } from "@/db/schema";
import type { MarketCode } from "./context";
import { shiftTime } from "./dates";
import { cardNumber, emailAddress, iban, personnummer, phoneNumber } from "./personal-data";
import type { Rng } from "./random";
import type { ProductName } from "./reference";
import type { ScenarioKey } from "./scenarios";
import { EN_TEXTS } from "./texts-en";
import { SV_TEXTS } from "./texts-sv";

/** Templates in one language. Placeholders: {merchant} {amount} {date} {days} {product}. */
export type LanguageTexts = {
  scenarios: Record<ScenarioKey, { summaries: string[]; bodies: string[] }>;
  openings: string[];
  closings: string[];
  /** Prefix for a complaint that reached us through an authority. */
  authorityIntros: Partial<Record<Channel, string[]>>;
  /** Added to a later member of a complaint family. */
  familyLines: string[];
  /** Placeholders {pnr} {email} {phone} {iban} {card}; only Swedish texts use {pnr}. */
  personalData: string[];
  question: { summaries: string[]; bodies: string[] };
  test: { summaries: string[]; bodies: string[] };
  products: Record<ProductName | "none", string>;
  /** How customers name the credit account after the March 2019 rename. */
  renamedAccount: string;
  months: string[];
  merchants: string[];
  currency: (amount: number) => string;
};

export function textsFor(market: MarketCode): LanguageTexts {
  return market === "SE" ? SV_TEXTS : EN_TEXTS;
}

export type TextInput = {
  market: MarketCode;
  scenario: ScenarioKey;
  product: ProductName | null;
  channel: Channel;
  /** Canonical (2018–2019); `monthOffset` moves the dates a customer writes to the demo's months. */
  receivedOn: string;
  monthOffset: number;
  familyFollowUp: boolean;
  withPersonalData: boolean;
};

/** A complaint's summary (≤ 200 characters) and narrative, filled from the templates of its market's language. */
export function writeComplaintText(rng: Rng, input: TextInput): { summary: string; narrative: string } {
  const texts = textsFor(input.market);
  const set = texts.scenarios[input.scenario];
  const vars = variables(rng, texts, input);
  const summary = fill(rng.pick(set.summaries), vars);
  const parts: string[] = [];
  const intro = texts.authorityIntros[input.channel];
  if (intro) parts.push(rng.pick(intro));
  if (input.familyFollowUp) parts.push(rng.pick(texts.familyLines));
  const opening = rng.pick(texts.openings);
  if (opening) parts.push(opening);
  const body = rng.pick(set.bodies);
  parts.push(fill(body, vars));
  if (rng.chance(0.35)) parts.push(fill(rng.pick(set.bodies.filter((b) => b !== body)), vars));
  if (input.withPersonalData) parts.push(personalDataLine(rng, texts, input.market));
  const closing = rng.pick(texts.closings);
  if (closing) parts.push(closing);
  return { summary: clip(summary, 200), narrative: parts.join(input.channel === "customer_service" ? "\n\n" : "\n") };
}

/** Text for an entry that is not a complaint at all: a plain question, or a test entry. */
export function writeSpecialText(
  rng: Rng,
  input: Pick<TextInput, "market" | "receivedOn" | "monthOffset">,
  kind: "question" | "test",
) {
  const texts = textsFor(input.market);
  const vars = variables(rng, texts, { ...input, product: null });
  const set = texts[kind];
  return { summary: clip(fill(rng.pick(set.summaries), vars), 200), narrative: fill(rng.pick(set.bodies), vars) };
}

function personalDataLine(rng: Rng, texts: LanguageTexts, market: MarketCode): string {
  const line = rng.pick(texts.personalData);
  return line
    .replace("{pnr}", () => personnummer(rng))
    .replace("{email}", () => emailAddress(rng))
    .replace("{phone}", () => phoneNumber(rng, market))
    .replace("{iban}", () => iban(rng, market))
    .replace("{card}", () => cardNumber(rng));
}

function variables(
  rng: Rng,
  texts: LanguageTexts,
  input: Pick<TextInput, "market" | "product" | "receivedOn" | "monthOffset">,
): Record<string, string> {
  const received = new Date(`${input.receivedOn}T12:00:00Z`);
  const earlier = shiftTime(new Date(received.getTime() - rng.int(5, 40) * 86_400_000), input.monthOffset);
  let product = texts.products[input.product ?? "none"];
  // Customers kept using the old name for a while after the rename.
  if (input.product === "Klarna delbetalningskonto" && input.receivedOn >= "2019-03-01" && rng.chance(0.5)) {
    product = texts.renamedAccount;
  }
  return {
    merchant: rng.pick(texts.merchants),
    amount: texts.currency(rng.int(2, 120) * 50 - 1),
    date: `${earlier.getUTCDate()} ${texts.months[earlier.getUTCMonth()]}`,
    days: String(rng.int(9, 45)),
    product,
  };
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => vars[key] ?? match);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
