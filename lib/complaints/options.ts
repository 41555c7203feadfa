import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import type { Channel, Role } from "@/lib/domain/values";
import { first } from "@/lib/must";

type OptionRows = {
  markets: { code: string; name: string }[];
  authorities: { id: string; market: string; channel: Channel; name: string; shortName: string | null }[];
  products: { id: string; name: string }[];
  categories: { id: string; parentId: string | null; name: string }[];
  rootCauses: { id: string; name: string }[];
  people: { id: string; name: string; email: string; role: Role }[];
};

/**
 * The choices the form, the filters and the bulk bar offer, in one statement: every page that offers them
 * (the list, a complaint, the new-complaint form) used to spend six of the pool's connections on them.
 * Each list comes back as JSON text, parsed here, so both drivers answer alike.
 */
export async function loadComplaintOptions(q: Db | Tx) {
  const result = await q.execute(sql`
    select
      (select coalesce(json_agg(json_build_object('code', code, 'name', name) order by code), '[]')::text
         from markets where active) as markets,
      (select coalesce(json_agg(json_build_object('id', id, 'market', market, 'channel', channel, 'name', name,
                'shortName', short_name) order by market, name), '[]')::text
         from authorities where active) as authorities,
      (select coalesce(json_agg(json_build_object('id', id, 'name', name) order by name), '[]')::text
         from products where active) as products,
      (select coalesce(json_agg(json_build_object('id', c.id, 'parentId', c.parent_id, 'name', c.label)
                order by c.label), '[]')::text
         from (select child.id, child.parent_id, coalesce(parent.name || ' > ', '') || child.name as label
                 from categories child left join categories parent on parent.id = child.parent_id
                 -- A subcategory of a deactivated category is not offered either.
                where child.active and (parent.id is null or parent.active)) c) as categories,
      (select coalesce(json_agg(json_build_object('id', id, 'name', name) order by name), '[]')::text
         from root_causes where active) as root_causes,
      (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'email', email, 'role', role)
                order by name), '[]')::text
         from users where active and role in ('admin', 'reviewer', 'product_manager')) as people
  `);
  const row = first(rowsOf<Record<string, string>>(result), "complaint options");
  const parse = <K extends keyof OptionRows>(key: K, column: string): OptionRows[K] =>
    JSON.parse(row[column] ?? "[]") as OptionRows[K];
  const people = parse("people", "people");
  return {
    markets: parse("markets", "markets"),
    authorities: parse("authorities", "authorities"),
    products: parse("products", "products"),
    categories: parse("categories", "categories"),
    rootCauses: parse("rootCauses", "root_causes"),
    assignees: people.filter((p) => p.role === "admin" || p.role === "reviewer").map(({ id, name }) => ({ id, name })),
    mentionable: people.map(({ id, name, email }) => ({ id, name, email })),
  };
}

export type ComplaintOptions = Awaited<ReturnType<typeof loadComplaintOptions>>;
