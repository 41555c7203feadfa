import type { Phrase } from "@/lib/i18n/say";
import type { MappingTarget, ValueMappedField } from "./fields";
import type { CategoryRef, Lookups, ProductRef, RowError } from "./resolve-types";
import { type CategoryName, MEMO_MAX, splitCategory } from "./resolve-values";
import type { MappingConfig } from "./validations";

type Cells = {
  /** A field's trimmed cell (or the mapping's constant). */
  text(values: string[], field: MappingTarget): string;
  /** A value through the mapping's value map. */
  mapValue(field: ValueMappedField, value: string): string;
  /** Records a problem with a field's cell. */
  fail(errors: RowError[], line: number, field: MappingTarget, phrase: Phrase): void;
};

/**
 * A row's references to the taxonomies: its product, category and root causes found by name, to be
 * created (with create-missing or the mapping's policy), left blank, or refused.
 */
export class ReferenceResolver {
  private readonly categoryNames = new Map<string, CategoryName>();
  /** One `{ id }` per product or category for all the rows naming it: a cache of resolved rows allocates less. */
  private readonly refs = new Map<string, { id: string }>();

  constructor(
    private readonly config: MappingConfig,
    private readonly lookups: Lookups,
    private readonly cells: Cells,
  ) {}

  product(name: string, errors: RowError[], line: number): ProductRef | null {
    if (!name) return null;
    const mapped = this.cells.mapValue("product", name);
    const id = this.lookups.products.get(mapped.toLowerCase());
    if (id) return this.ref(id);
    if (this.config.unknownProducts === "create") return { create: mapped };
    if (this.config.unknownProducts === "blank") return null;
    const hint = this.config.unknownProducts === "error";
    this.cells.fail(errors, line, "product", [
      hint ? "importRules.row.unknownProductCreate" : "importRules.row.unknownProduct",
      { value: mapped },
    ]);
    return null;
  }

  category(values: string[], errors: RowError[], line: number): CategoryRef | null {
    const parentText = this.cells.text(values, "category");
    if (!parentText) return null;
    const childText = this.cells.text(values, "category_detail");
    let joined = childText ? `${parentText} > ${childText}` : parentText;
    joined = this.cells.mapValue("category", joined);
    let name = this.categoryNames.get(joined);
    if (name === undefined) {
      name = splitCategory(joined);
      if (this.categoryNames.size < MEMO_MAX) this.categoryNames.set(joined, name);
    }
    if (!name) {
      this.cells.fail(errors, line, "category", ["importRules.row.notCategory", { value: joined }]);
      return null;
    }
    const { parent, child } = name;
    const id = this.lookups.categories.get(name.key);
    if (id) return this.ref(id);
    if (this.config.unknownCategories === "create") return { create: { parent, child } };
    if (this.config.unknownCategories === "blank") return null;
    const hint = this.config.unknownCategories === "error";
    this.cells.fail(errors, line, "category", [
      hint ? "importRules.row.unknownCategoryCreate" : "importRules.row.unknownCategory",
      { value: child ? `${parent} > ${child}` : parent },
    ]);
    return null;
  }

  private ref(id: string): { id: string } {
    let ref = this.refs.get(id);
    if (!ref) this.refs.set(id, (ref = { id }));
    return ref;
  }

  rootCauses(list: string, errors: RowError[], line: number): { ids: string[]; names?: string[] } {
    const ids: string[] = [];
    if (!list) return { ids };
    const names: string[] = [];
    let unknown = false;
    for (const part of list.split("|")) {
      const name = part.trim();
      if (!name || names.some((n) => n.toLowerCase() === name.toLowerCase())) continue;
      names.push(name);
      const id = this.lookups.rootCauses.get(name.toLowerCase());
      if (id) {
        if (!ids.includes(id)) ids.push(id);
      } else if (this.config.createMissing) unknown = true;
      else this.cells.fail(errors, line, "root_causes", ["importRules.row.unknownRootCause", { value: name }]);
    }
    return unknown ? { ids, names } : { ids };
  }
}
