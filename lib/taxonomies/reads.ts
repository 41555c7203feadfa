import "server-only";
import { z } from "zod";
import { defineRead } from "@/lib/operations";
import {
  getAuthorityList,
  getCategoryTree,
  getMarketList,
  getProductList,
  getRootCauseList,
  starterOffer,
} from "./queries";

export type { AuthorityListRow, CategoryNode, MarketListRow, ProductListRow, RootCauseListRow } from "./queries";

// The taxonomies page's tabs, each an admin's (as the page requires).
const none = z.object({});

/** Products with their aliases and how much uses them. */
export const readProductList = defineRead({
  name: "taxonomies.readProductList",
  permission: "admin:manage",
  input: none,
  read: () => getProductList(),
});

/** The two-level category tree. */
export const readCategoryTree = defineRead({
  name: "taxonomies.readCategoryTree",
  permission: "admin:manage",
  input: none,
  read: () => getCategoryTree(),
});

/** The root causes with their use. */
export const readRootCauseList = defineRead({
  name: "taxonomies.readRootCauseList",
  permission: "admin:manage",
  input: none,
  read: () => getRootCauseList(),
});

/** The authorities per market and channel, and the markets a new one can belong to. */
export const readAuthorityList = defineRead({
  name: "taxonomies.readAuthorityList",
  permission: "admin:manage",
  input: none,
  read: () => getAuthorityList(),
});

/** The markets with their search language and use. */
export const readMarketList = defineRead({
  name: "taxonomies.readMarketList",
  permission: "admin:manage",
  input: none,
  read: () => getMarketList(),
});

/** Whether to offer the starter taxonomy (an empty installation), and for which markets. */
export const readStarterOffer = defineRead({
  name: "taxonomies.readStarterOffer",
  permission: "admin:manage",
  input: none,
  read: () => starterOffer(),
});
