ALTER TABLE "complaints" DROP CONSTRAINT "complaints_market_markets_code_fk";
--> statement-breakpoint
ALTER TABLE "complaints" DROP CONSTRAINT "complaints_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "complaints" DROP CONSTRAINT "complaints_category_id_categories_id_fk";--> statement-breakpoint
-- A complaint's market, product and category must exist. A foreign key checks that with one query per
-- row; an import writes thousands of rows per statement, so these triggers check all of a statement's
-- rows at once. Like a foreign key, the check locks the rows referred to (FOR KEY SHARE): a delete of
-- one waits for the writer to finish and then finds the complaint (complaint_references_restrict); a
-- writer that comes after the delete finds the row gone.
CREATE OR REPLACE FUNCTION complaint_references_check(market_codes text[], product_ids uuid[], category_ids uuid[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  IF market_codes IS NULL AND product_ids IS NULL AND category_ids IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM markets WHERE code = ANY (market_codes) FOR KEY SHARE;
  PERFORM 1 FROM products WHERE id = ANY (product_ids) FOR KEY SHARE;
  PERFORM 1 FROM categories WHERE id = ANY (category_ids) FOR KEY SHARE;
  SELECT string_agg(x, ', ') INTO missing FROM (
    SELECT format('market "%s"', r) AS x FROM unnest(market_codes) r
      WHERE NOT EXISTS (SELECT 1 FROM markets m WHERE m.code = r)
    UNION ALL
    SELECT format('product %s', r) FROM unnest(product_ids) r
      WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = r)
    UNION ALL
    SELECT format('category %s', r) FROM unnest(category_ids) r
      WHERE NOT EXISTS (SELECT 1 FROM categories c WHERE c.id = r)
  ) s;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'Complaints refer to what does not exist: %', missing USING ERRCODE = 'foreign_key_violation';
  END IF;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION complaints_references_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM complaint_references_check(
    (SELECT array_agg(DISTINCT n.market) FROM new_rows n),
    (SELECT array_agg(DISTINCT n.product_id) FROM new_rows n WHERE n.product_id IS NOT NULL),
    (SELECT array_agg(DISTINCT n.category_id) FROM new_rows n WHERE n.category_id IS NOT NULL));
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- Only references an update changes are checked, as a foreign key does.
CREATE OR REPLACE FUNCTION complaints_references_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM complaint_references_check(
    (SELECT array_agg(DISTINCT n.market) FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.market IS DISTINCT FROM o.market),
    (SELECT array_agg(DISTINCT n.product_id) FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.product_id IS NOT NULL AND n.product_id IS DISTINCT FROM o.product_id),
    (SELECT array_agg(DISTINCT n.category_id) FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.category_id IS NOT NULL AND n.category_id IS DISTINCT FROM o.category_id));
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE TRIGGER complaints_references_insert AFTER INSERT ON complaints
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaints_references_insert();--> statement-breakpoint
CREATE TRIGGER complaints_references_update AFTER UPDATE ON complaints
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaints_references_update();--> statement-breakpoint

-- The other side of the check: a market, product or category that complaints refer to cannot be
-- deleted or have its key changed (a foreign key's NO ACTION). Runs after the row is gone, when any
-- writer holding it has committed, so the lookup sees that writer's complaints.
-- Arguments: the key column of the table, the complaints column, its type.
CREATE OR REPLACE FUNCTION complaint_references_restrict() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_key text := to_jsonb(OLD) ->> TG_ARGV[0];
  used boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) ->> TG_ARGV[0]) IS NOT DISTINCT FROM old_key THEN
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM complaints WHERE %I = $1::%s)', TG_ARGV[1], TG_ARGV[2]) INTO used USING old_key;
  IF used THEN
    RAISE EXCEPTION '% % is still referenced from complaints', TG_TABLE_NAME, old_key USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE TRIGGER markets_complaint_references AFTER DELETE OR UPDATE ON markets
  FOR EACH ROW EXECUTE FUNCTION complaint_references_restrict('code', 'market', 'text');--> statement-breakpoint
CREATE TRIGGER products_complaint_references AFTER DELETE OR UPDATE ON products
  FOR EACH ROW EXECUTE FUNCTION complaint_references_restrict('id', 'product_id', 'uuid');--> statement-breakpoint
CREATE TRIGGER categories_complaint_references AFTER DELETE OR UPDATE ON categories
  FOR EACH ROW EXECUTE FUNCTION complaint_references_restrict('id', 'category_id', 'uuid');
