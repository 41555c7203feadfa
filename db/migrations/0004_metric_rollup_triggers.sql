-- Monthly rollups behind the zero-mission metric. Imports, the form, the API and bulk actions all write
-- complaints, so the database keeps the counts itself, in the writing transaction. Statement-level
-- triggers with transition tables aggregate a whole batch into one upsert per key (imports stay fast);
-- keys are upserted in a fixed order so concurrent writers lock rollup rows in the same order.

-- (Re)counts everything from scratch: used once below, and available for repairs.
CREATE OR REPLACE FUNCTION metric_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM complaint_month_counts;
  DELETE FROM root_cause_month_counts;
  INSERT INTO complaint_month_counts (market, month, channel, authority_id, product_id, journey_stage, app_user, excluded, count)
  SELECT market, to_char(received_on, 'YYYY-MM'), channel, authority_id, product_id, journey_stage, app_user,
         excluded_reason IS NOT NULL, count(*)::int
  FROM complaints
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  INSERT INTO root_cause_month_counts (market, month, root_cause_id, excluded, count)
  SELECT c.market, to_char(c.received_on, 'YYYY-MM'), t.root_cause_id, c.excluded_reason IS NOT NULL, count(*)::int
  FROM complaint_root_causes t JOIN complaints c ON c.id = t.complaint_id
  GROUP BY 1, 2, 3, 4;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION metric_rollup_complaints_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO complaint_month_counts AS r (market, month, channel, authority_id, product_id, journey_stage, app_user, excluded, count)
  SELECT market, to_char(received_on, 'YYYY-MM'), channel, authority_id, product_id, journey_stage, app_user,
         excluded_reason IS NOT NULL, count(*)::int
  FROM new_rows
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ON CONSTRAINT complaint_month_counts_key DO UPDATE SET count = r.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION metric_rollup_complaints_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO complaint_month_counts AS r (market, month, channel, authority_id, product_id, journey_stage, app_user, excluded, count)
  SELECT market, month, channel, authority_id, product_id, journey_stage, app_user, excluded, sum(delta)::int
  FROM (
    SELECT market, to_char(received_on, 'YYYY-MM') AS month, channel, authority_id, product_id, journey_stage, app_user,
           excluded_reason IS NOT NULL AS excluded, -1 AS delta
    FROM old_rows
    UNION ALL
    SELECT market, to_char(received_on, 'YYYY-MM'), channel, authority_id, product_id, journey_stage, app_user,
           excluded_reason IS NOT NULL, 1
    FROM new_rows
  ) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(delta) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ON CONSTRAINT complaint_month_counts_key DO UPDATE SET count = r.count + EXCLUDED.count;

  -- Tags move with their complaint when its market, month or exclusion changes.
  INSERT INTO root_cause_month_counts AS r (market, month, root_cause_id, excluded, count)
  SELECT market, month, root_cause_id, excluded, sum(delta)::int
  FROM (
    SELECT o.market, to_char(o.received_on, 'YYYY-MM') AS month, t.root_cause_id,
           o.excluded_reason IS NOT NULL AS excluded, -1 AS delta
    FROM old_rows o
    JOIN new_rows n ON n.id = o.id
    JOIN complaint_root_causes t ON t.complaint_id = o.id
    WHERE (o.market, to_char(o.received_on, 'YYYY-MM'), o.excluded_reason IS NOT NULL)
          IS DISTINCT FROM (n.market, to_char(n.received_on, 'YYYY-MM'), n.excluded_reason IS NOT NULL)
    UNION ALL
    SELECT n.market, to_char(n.received_on, 'YYYY-MM'), t.root_cause_id, n.excluded_reason IS NOT NULL, 1
    FROM old_rows o
    JOIN new_rows n ON n.id = o.id
    JOIN complaint_root_causes t ON t.complaint_id = n.id
    WHERE (o.market, to_char(o.received_on, 'YYYY-MM'), o.excluded_reason IS NOT NULL)
          IS DISTINCT FROM (n.market, to_char(n.received_on, 'YYYY-MM'), n.excluded_reason IS NOT NULL)
  ) d
  GROUP BY 1, 2, 3, 4
  HAVING sum(delta) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT root_cause_month_counts_key DO UPDATE SET count = r.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION metric_rollup_complaints_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO complaint_month_counts AS r (market, month, channel, authority_id, product_id, journey_stage, app_user, excluded, count)
  SELECT market, to_char(received_on, 'YYYY-MM'), channel, authority_id, product_id, journey_stage, app_user,
         excluded_reason IS NOT NULL, -count(*)::int
  FROM old_rows
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ON CONSTRAINT complaint_month_counts_key DO UPDATE SET count = r.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- A deleted complaint's tags go by cascade after the complaint row is gone, when their trigger can no
-- longer see its market and month; so the complaint takes its tags out of the rollup on its way out.
CREATE OR REPLACE FUNCTION metric_rollup_complaint_tags_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE root_cause_month_counts r SET count = r.count - 1
  FROM complaint_root_causes t
  WHERE t.complaint_id = OLD.id
    AND r.root_cause_id = t.root_cause_id
    AND r.market = OLD.market
    AND r.month = to_char(OLD.received_on, 'YYYY-MM')
    AND r.excluded = (OLD.excluded_reason IS NOT NULL);
  RETURN OLD;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION metric_rollup_tags_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO root_cause_month_counts AS r (market, month, root_cause_id, excluded, count)
  SELECT c.market, to_char(c.received_on, 'YYYY-MM'), t.root_cause_id, c.excluded_reason IS NOT NULL, count(*)::int
  FROM new_rows t JOIN complaints c ON c.id = t.complaint_id
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT root_cause_month_counts_key DO UPDATE SET count = r.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION metric_rollup_tags_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO root_cause_month_counts AS r (market, month, root_cause_id, excluded, count)
  SELECT market, month, root_cause_id, excluded, sum(delta)::int
  FROM (
    SELECT c.market, to_char(c.received_on, 'YYYY-MM') AS month, t.root_cause_id,
           c.excluded_reason IS NOT NULL AS excluded, -1 AS delta
    FROM old_rows t JOIN complaints c ON c.id = t.complaint_id
    UNION ALL
    SELECT c.market, to_char(c.received_on, 'YYYY-MM'), t.root_cause_id, c.excluded_reason IS NOT NULL, 1
    FROM new_rows t JOIN complaints c ON c.id = t.complaint_id
  ) d
  GROUP BY 1, 2, 3, 4
  HAVING sum(delta) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT root_cause_month_counts_key DO UPDATE SET count = r.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- Only tags whose complaint still exists: a complaint's own deletion has already taken its tags out.
CREATE OR REPLACE FUNCTION metric_rollup_tags_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO root_cause_month_counts AS r (market, month, root_cause_id, excluded, count)
  SELECT c.market, to_char(c.received_on, 'YYYY-MM'), t.root_cause_id, c.excluded_reason IS NOT NULL, -count(*)::int
  FROM old_rows t JOIN complaints c ON c.id = t.complaint_id
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT root_cause_month_counts_key DO UPDATE SET count = r.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION metric_rollups_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'complaints' THEN
    DELETE FROM complaint_month_counts;
  END IF;
  DELETE FROM root_cause_month_counts;
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE TRIGGER complaints_rollup_insert AFTER INSERT ON complaints
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollup_complaints_insert();--> statement-breakpoint
CREATE TRIGGER complaints_rollup_update AFTER UPDATE ON complaints
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollup_complaints_update();--> statement-breakpoint
CREATE TRIGGER complaints_rollup_delete AFTER DELETE ON complaints
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollup_complaints_delete();--> statement-breakpoint
CREATE TRIGGER complaints_rollup_tags_before_delete BEFORE DELETE ON complaints
  FOR EACH ROW EXECUTE FUNCTION metric_rollup_complaint_tags_before_delete();--> statement-breakpoint
CREATE TRIGGER complaints_rollup_truncate AFTER TRUNCATE ON complaints
  FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_truncate();--> statement-breakpoint
CREATE TRIGGER complaint_root_causes_rollup_insert AFTER INSERT ON complaint_root_causes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollup_tags_insert();--> statement-breakpoint
CREATE TRIGGER complaint_root_causes_rollup_update AFTER UPDATE ON complaint_root_causes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollup_tags_update();--> statement-breakpoint
CREATE TRIGGER complaint_root_causes_rollup_delete AFTER DELETE ON complaint_root_causes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_rollup_tags_delete();--> statement-breakpoint
CREATE TRIGGER complaint_root_causes_rollup_truncate AFTER TRUNCATE ON complaint_root_causes
  FOR EACH STATEMENT EXECUTE FUNCTION metric_rollups_truncate();--> statement-breakpoint

SELECT metric_rollups_rebuild();
