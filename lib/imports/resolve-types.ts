import type { Channel, ComplaintStatus, ExcludedReason, JourneyStage, Severity } from "@/lib/domain/values";
import type { Phrase } from "@/lib/i18n/say";

/** A row's problem: its English words (`reason`) and, kept with the job, what it says (`said`) for any reader. */
export type RowError = { line: number; column: string | null; reason: string; said?: Phrase };

/** Reference data held in memory for the whole import (taxonomies are small). Keys are lower-cased names. */
export type Lookups = {
  markets: Set<string>;
  products: Map<string, string>;
  /** "parent" and "parent > child", lower-cased → id. */
  categories: Map<string, string>;
  rootCauses: Map<string, string>;
  /** id → display name ("Parent > Child" for categories), for previews. */
  names: Map<string, string>;
};

export type ProductRef = { id: string } | { create: string };
export type CategoryRef = { id: string } | { create: { parent: string; child: string | null } };

export type ResolvedRow = {
  line: number;
  source: string;
  externalId: string;
  receivedOn: string;
  market: string;
  channel: Channel;
  summary: string;
  product: ProductRef | null;
  category: CategoryRef | null;
  journeyStage: JourneyStage | null;
  narrative: string | null;
  customerRef: string | null;
  appUser: boolean | null;
  severity: Severity | null;
  status: ComplaintStatus | null;
  excludedReason: ExcludedReason | null;
  rootCauseIds: string[];
  /** With createMissing, when a root cause is unknown: all the row's root-cause names, in order (ids come on write). */
  rootCauseNames?: string[];
};

export const categoryKey = (parent: string, child: string | null) =>
  (child ? `${parent.trim()} > ${child.trim()}` : parent.trim()).toLowerCase();
