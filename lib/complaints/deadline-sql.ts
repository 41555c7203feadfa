import { type SQL, sql } from "drizzle-orm";
import { complaints, deadlineRules, products } from "@/db/schema";
import { DEFAULT_ACKNOWLEDGE, DEFAULT_FINAL_RESPONSE, PAYMENT_SERVICE_FINAL_RESPONSE, todayIso } from "./deadlines";

// The same rules as deadlines.ts, in SQL, so the list can sort and filter by them without loading rows.
// `add_business_days` is an immutable SQL function from the migrations mirroring addBusinessDays().
const c = complaints;
const r = deadlineRules;

function span(days: SQL | number, business: boolean | SQL): SQL {
  if (typeof business === "boolean") {
    return business ? sql`add_business_days(${c.receivedOn}, ${days}::int)` : sql`(${c.receivedOn} + ${days}::int)`;
  }
  return sql`case when ${business} then add_business_days(${c.receivedOn}, ${days}) else ${c.receivedOn} + ${days} end`;
}

function ruleDue(days: SQL, business: SQL): SQL {
  return sql`(select ${span(days, business)} from ${r} where ${r.market} = ${c.market} and ${r.channel} = ${c.channel})`;
}

export function acknowledgeDueSql(): SQL<string> {
  const fallback = span(DEFAULT_ACKNOWLEDGE.days, DEFAULT_ACKNOWLEDGE.businessDays);
  return sql<string>`coalesce(${ruleDue(sql`${r.acknowledgeDays}`, sql`${r.acknowledgeBusinessDays}`)}, ${fallback})`;
}

export function respondDueSql(): SQL<string> {
  const fallback = span(DEFAULT_FINAL_RESPONSE.days, DEFAULT_FINAL_RESPONSE.businessDays);
  const psd = span(PAYMENT_SERVICE_FINAL_RESPONSE.days, PAYMENT_SERVICE_FINAL_RESPONSE.businessDays);
  // least() skips the NULL when the product is not a payment service.
  return sql<string>`least(coalesce(${ruleDue(sql`${r.finalResponseDays}`, sql`${r.finalResponseBusinessDays}`)}, ${fallback}), case when exists (select 1 from ${products} where ${products.id} = ${c.productId} and ${products.paymentService}) then ${psd} end)`;
}

/** Open, counted complaints whose acknowledgement or final response is past due as of `today`. */
export function overdueCondition(today = todayIso()): SQL {
  return sql`(${c.status} in ('new', 'triaged', 'in_analysis', 'analysed') and ${c.excludedReason} is null and ((${c.acknowledgedAt} is null and ${acknowledgeDueSql()} < ${today}::date) or (${c.respondedAt} is null and ${respondDueSql()} < ${today}::date)))`;
}
