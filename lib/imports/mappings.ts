import { asc, eq, sql } from "drizzle-orm";
import { type Db, db, type Tx } from "@/db";
import { importMappings } from "@/db/schema";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { phraseIn, refuse } from "@/lib/i18n/say";
import { first } from "@/lib/must";
import { parseIn } from "@/lib/validation";
import { CFPB_MAPPING, CFPB_MAPPING_NAME } from "./mapping";
import { type MappingConfig, type MappingConfigInput, mappingConfigSchema } from "./validations";

export type SavedMapping = { id: string; name: string; config: MappingConfig };

const BUILT_IN: Record<string, MappingConfigInput> = { [CFPB_MAPPING_NAME.toLowerCase()]: CFPB_MAPPING };

/** Saved mappings by name; the built-in CFPB one is created the first time it is asked for. */
export async function listMappings(): Promise<SavedMapping[]> {
  await ensureBuiltInMappings();
  const rows = await db
    .select()
    .from(importMappings)
    .where(eq(importMappings.kind, "complaints"))
    .orderBy(asc(importMappings.name));
  return rows.map((r) => ({ id: r.id, name: r.name, config: mappingConfigSchema.parse(r.config) }));
}

export async function getMappingByName(name: string): Promise<SavedMapping> {
  await ensureBuiltInMappings();
  const [row] = await db
    .select()
    .from(importMappings)
    .where(sql`lower(${importMappings.name}) = ${name.trim().toLowerCase()}`);
  if (!row) throw refuse("not_found", ["importRules.noSuchMapping", { name }]);
  const parsed = mappingConfigSchema.safeParse(row.config);
  if (!parsed.success) {
    // The schema's first problem in each reader's language: parsed again for them, as zod words its issues per parse.
    const config = row.config;
    throw new AppError("invalid", (locale) => {
      const again = parseIn(mappingConfigSchema, config, locale);
      const problem = again.success ? "" : (again.error.issues[0]?.message ?? "");
      return { message: phraseIn(locale, ["importRules.mappingInvalid", { name: row.name, problem }]) };
    });
  }
  return { id: row.id, name: row.name, config: parsed.data };
}

export async function getMappingById(id: string): Promise<SavedMapping | null> {
  const [row] = await db.select().from(importMappings).where(eq(importMappings.id, id));
  return row ? { id: row.id, name: row.name, config: mappingConfigSchema.parse(row.config) } : null;
}

async function ensureBuiltInMappings() {
  for (const [key, config] of Object.entries(BUILT_IN)) {
    const name = key === CFPB_MAPPING_NAME.toLowerCase() ? CFPB_MAPPING_NAME : key;
    await db
      .insert(importMappings)
      .values({ name, kind: "complaints", config: mappingConfigSchema.parse(config) as Record<string, unknown> })
      .onConflictDoNothing();
  }
}

/** Creates or replaces a named mapping (in the caller's transaction, audited). */
export async function saveMapping(
  tx: Db | Tx,
  actor: Actor,
  name: string,
  config: MappingConfig,
): Promise<SavedMapping> {
  const [before] = await tx
    .select()
    .from(importMappings)
    .where(sql`lower(${importMappings.name}) = ${name.toLowerCase()}`);
  let id: string;
  if (before) {
    await tx.update(importMappings).set({ config, updatedAt: sql`now()` }).where(eq(importMappings.id, before.id));
    id = before.id;
  } else {
    id = first(
      await tx
        .insert(importMappings)
        .values({ name, kind: "complaints", config, createdBy: actor.userId })
        .returning({ id: importMappings.id }),
      "import mapping",
    ).id;
  }
  await writeAudit(tx, actor, {
    action: before ? "import_mapping.update" : "import_mapping.create",
    entityType: "import_mapping",
    entityId: id,
    before: before?.config ?? null,
    after: config,
  });
  return { id, name: before?.name ?? name, config };
}
