import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, complaints, markets, purchaseVolumes } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { loadComplaintOptions } from "@/lib/complaints/options";
import { bufferSource, runImport } from "@/lib/imports/engine";
import { loadLookups } from "@/lib/imports/lookups";
import { perform } from "@/lib/operations";
import { type TestDatabase, useTestDatabase } from "@/test/db";
import {
  addProductAlias,
  createProduct,
  deleteProduct,
  removeProductAlias,
  setProductActive,
  updateProduct,
} from "./products";
import { ok, REVIEWER } from "./test-util";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
  await db.insert(markets).values({ code: "SE", name: "Sweden" });
});
afterAll(() => database.drop());

async function importRow(externalId: string, product: string) {
  const csv = `external_id,received_on,market,channel,summary,product\n${externalId},2019-03-01,SE,customer_service,Test,${product}\n`;
  const result = await runImport(bufferSource(Buffer.from(csv)), { actor: CLI_ACTOR });
  const [row] = await db
    .select({ productId: complaints.productId })
    .from(complaints)
    .where(eq(complaints.externalId, externalId));
  return { result, productId: row?.productId ?? null };
}

describe("products", () => {
  it("keeps the old name as an alias on rename, so an import with the old name still matches", async () => {
    const product = await ok(createProduct, { name: "Taxo konto", paymentService: false });
    const renamed = await ok(updateProduct, {
      id: product.id,
      name: "Taxo delbetalningskonto",
      paymentService: false,
      description: "Renamed in 2019",
    });
    expect(renamed.aliases).toEqual(["Taxo konto"]);

    const lookups = await loadLookups(db);
    expect(lookups.products.get("taxo konto")).toBe(product.id);
    const imported = await importRow("TAXO-1", "TAXO KONTO");
    expect(imported.result.status).toBe("completed");
    expect(imported.productId).toBe(product.id);

    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, product.id), eq(auditLog.action, "product.rename")));
    expect(entry!.before).toMatchObject({ name: "Taxo konto", aliases: [] });
    expect(entry!.after).toMatchObject({
      name: "Taxo delbetalningskonto",
      aliases: ["Taxo konto"],
      description: "Renamed in 2019",
    });
  });

  it("renaming back to an alias makes it the name again, with no duplicate alias", async () => {
    const product = await ok(createProduct, { name: "Taxo A", paymentService: true });
    await ok(updateProduct, { id: product.id, name: "Taxo B", paymentService: true });
    const back = await ok(updateProduct, { id: product.id, name: "taxo a", paymentService: true });
    expect(back).toMatchObject({ name: "taxo a", aliases: ["Taxo B"], paymentService: true });
  });

  it("refuses a name or alias another product answers to, naming the field", async () => {
    const one = await ok(createProduct, { name: "Taxo Faktura", paymentService: true });
    await ok(addProductAlias, { productId: one.id, alias: "Taxo Pay later" });
    const two = await ok(createProduct, { name: "Taxo Card", paymentService: true });

    const sameName = await perform(CLI_ACTOR, createProduct, { name: "taxo faktura", paymentService: false });
    expect("error" in sameName && sameName.fieldErrors).toEqual({
      name: ["“taxo faktura” is already the name of a product"],
    });
    const nameIsAlias = await perform(CLI_ACTOR, updateProduct, {
      id: two.id,
      name: "TAXO PAY LATER",
      paymentService: true,
    });
    expect("error" in nameIsAlias && nameIsAlias.fieldErrors).toEqual({
      name: ["“TAXO PAY LATER” is already an alias of Taxo Faktura"],
    });
    const aliasIsName = await perform(CLI_ACTOR, addProductAlias, { productId: two.id, alias: "Taxo faktura" });
    expect("error" in aliasIsName && aliasIsName.fieldErrors).toEqual({
      alias: ["“Taxo faktura” is already the name of a product"],
    });
    const ownName = await perform(CLI_ACTOR, addProductAlias, { productId: two.id, alias: "taxo card" });
    expect("error" in ownName && ownName.fieldErrors?.alias).toEqual(["That is the product's own name"]);
    const empty = await perform(CLI_ACTOR, createProduct, { name: "  ", paymentService: false });
    expect("error" in empty && empty.fieldErrors?.name).toEqual(["Enter a product name"]);
  });

  it("removes an alias, after which it no longer matches", async () => {
    const product = await ok(createProduct, { name: "Taxo Direkt", paymentService: true });
    await ok(addProductAlias, { productId: product.id, alias: "Taxo Betala direkt" });
    const after = await ok(removeProductAlias, { productId: product.id, alias: "taxo betala direkt" });
    expect(after.aliases).toEqual([]);
    expect((await loadLookups(db)).products.has("taxo betala direkt")).toBe(false);
  });

  it("leaves a deactivated product out of the pickers but still matches it on import", async () => {
    const product = await ok(createProduct, { name: "Taxo Retired", paymentService: false });
    await ok(setProductActive, { id: product.id, active: false });
    const options = await loadComplaintOptions(db);
    expect(options.products.map((p) => p.id)).not.toContain(product.id);
    const imported = await importRow("TAXO-2", "Taxo Retired");
    expect(imported.productId).toBe(product.id);

    await ok(setProductActive, { id: product.id, active: true });
    expect((await loadComplaintOptions(db)).products.map((p) => p.id)).toContain(product.id);
    const toggles = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, product.id));
    expect(toggles.map((t) => t.action)).toEqual(["product.create", "product.deactivate", "product.reactivate"]);
  });

  it("deletes only an unused product and suggests deactivating a used one", async () => {
    const used = await ok(createProduct, { name: "Taxo Used", paymentService: false });
    await importRow("TAXO-3", "Taxo Used");
    const refused = await perform(CLI_ACTOR, deleteProduct, { id: used.id });
    expect("error" in refused && refused.error).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("used by 1 complaint"),
    });
    expect("error" in refused && refused.error.message).toContain("Deactivate it instead");

    const withVolume = await ok(createProduct, { name: "Taxo Volume", paymentService: false });
    await db
      .insert(purchaseVolumes)
      .values({ market: "SE", month: "2019-01", productId: withVolume.id, purchases: 10 });
    const refusedVolume = await perform(CLI_ACTOR, deleteProduct, { id: withVolume.id });
    expect("error" in refusedVolume && refusedVolume.error.message).toContain("1 purchase volume");

    const unused = await ok(createProduct, { name: "Taxo Unused", paymentService: false });
    await ok(addProductAlias, { productId: unused.id, alias: "Taxo Unused old" });
    expect(await ok(deleteProduct, { id: unused.id })).toEqual({ id: unused.id, deleted: true });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, unused.id), eq(auditLog.action, "product.delete")));
    expect(entry!.before).toMatchObject({ name: "Taxo Unused", aliases: ["Taxo Unused old"] });
  });

  it("refuses non-admins before anything else", async () => {
    const result = await perform(REVIEWER, createProduct, { name: "Taxo Sneaky", paymentService: false });
    expect(result).toEqual({ error: { code: "forbidden", message: "You do not have permission to do this" } });
    const invalidToo = await perform(REVIEWER, createProduct, { name: "" });
    expect("error" in invalidToo && invalidToo.error.code).toBe("forbidden");
    expect((await loadLookups(db)).products.has("taxo sneaky")).toBe(false);
  });
});
