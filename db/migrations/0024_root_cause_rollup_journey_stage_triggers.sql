-- The root-cause report filters by journey stage, so the root-cause rollup carries the complaint's
-- journey stage (the column comes in the migration before). Its maintenance is rewritten for the new
-- key: tags move with their complaint when its journey stage changes, as they do for its market,
-- month, channel, product and exclusion. The rollup is derived data, rebuilt from the complaints at
-- the end (the backfill of the new column).

CREATE OR REPLACE FUNCTION metric_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM complaint_month_counts;
  DELETE FROM root_cause_month_counts;
  INSERT INTO complaint_month_counts (market, month, channel, authority_id, product_id, journey_stage, app_user, excluded, count)
  SELECT market, to_char(received_on, 'YYYY-MM'), channel, authority_id, product_id, journey_stage, app_user,
         excluded_reason IS NOT NULL, count(*)::int
  FROM complaints
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  INSERT INTO root_cause_month_counts (market, month, root_cause_id, channel, product_id, journey_stage, is_primary, excluded, count)
  SELECT c.market, to_char(c.received_on, 'YYYY-MM'), t.root_cause_id, c.channel, c.product_id, c.journey_stage,
         t.is_primary, c.excluded_reason IS NOT NULL, count(*)::int
  FROM complaint_root_causes t JOIN complaints c ON c.id = t.complaint_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
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

  -- Tags move with their complaint when its market, month, channel, product, journey stage or exclusion changes.
  INSERT INTO root_cause_month_counts AS r (market, month, root_cause_id, channel, product_id, journey_stage, is_primary, excluded, count)
  SELECT market, month, root_cause_id, channel, product_id, journey_stage, is_primary, excluded, sum(delta)::int
  FROM (
    SELECT o.market, to_char(o.received_on, 'YYYY-MM') AS month, t.root_cause_id, o.channel, o.product_id,
           o.journey_stage, t.is_primary, o.excluded_reason IS NOT NULL AS excluded, -1 AS delta
    FROM old_rows o
    JOIN new_rows n ON n.id = o.id
    JOIN complaint_root_causes t ON t.complaint_id = o.id
    WHERE (o.market, to_char(o.received_on, 'YYYY-MM'), o.channel, o.product_id, o.journey_stage, o.excluded_reason IS NOT NULL)
          IS DISTINCT FROM (n.market, to_char(n.received_on, 'YYYY-MM'), n.channel, n.product_id, n.journey_stage, n.excluded_reason IS NOT NULL)
    UNION ALL
    SELECT n.market, to_char(n.received_on, 'YYYY-MM'), t.root_cause_id, n.channel, n.product_id,
           n.journey_stage, t.is_primary, n.excluded_reason IS NOT NULL, 1
    FROM old_rows o
    JOIN new_rows n ON n.id = o.id
    JOIN complaint_root_causes t ON t.complaint_id = n.id
    WHERE (o.market, to_char(o.received_on, 'YYYY-MM'), o.channel, o.product_id, o.journey_stage, o.excluded_reason IS NOT NULL)
          IS DISTINCT FROM (n.market, to_char(n.received_on, 'YYYY-MM'), n.channel, n.product_id, n.journey_stage, n.excluded_reason IS NOT NULL)
  ) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(delta) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ON CONSTRAINT root_cause_month_counts_key DO UPDATE SET count = r.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION metric_rollup_complaint_tags_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE root_cause_month_counts r SET count = r.count - 1
  FROM complaint_root_causes t
  WHERE t.complaint_id = OLD.id
    AND r.root_cause_id = t.root_cause_id
    AND r.market = OLD.market
    AND r.month = to_char(OLD.received_on, 'YYYY-MM')
    AND r.channel = OLD.channel
    AND r.product_id IS NOT DISTINCT FROM OLD.product_id
    AND r.journey_stage IS NOT DISTINCT FROM OLD.journey_stage
    AND r.is_primary = t.is_primary
    AND r.excluded = (OLD.excluded_reason IS NOT NULL);
  RETURN OLD;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION metric_rollup_tags_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO root_cause_month_counts AS r (market, month, root_cause_id, channel, product_id, journey_stage, is_primary, excluded, count)
  SELECT c.market, to_char(c.received_on, 'YYYY-MM'), t.root_cause_id, c.channel, c.product_id, c.journey_stage,
         t.is_primary, c.excluded_reason IS NOT NULL, count(*)::int
  FROM new_rows t JOIN complaints c ON c.id = t.complaint_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ON CONSTRAINT root_cause_month_counts_key DO UPDATE SET count = r.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION metric_rollup_tags_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO root_cause_month_counts AS r (market, month, root_cause_id, channel, product_id, journey_stage, is_primary, excluded, count)
  SELECT market, month, root_cause_id, channel, product_id, journey_stage, is_primary, excluded, sum(delta)::int
  FROM (
    SELECT c.market, to_char(c.received_on, 'YYYY-MM') AS month, t.root_cause_id, c.channel, c.product_id,
           c.journey_stage, t.is_primary, c.excluded_reason IS NOT NULL AS excluded, -1 AS delta
    FROM old_rows t JOIN complaints c ON c.id = t.complaint_id
    UNION ALL
    SELECT c.market, to_char(c.received_on, 'YYYY-MM'), t.root_cause_id, c.channel, c.product_id,
           c.journey_stage, t.is_primary, c.excluded_reason IS NOT NULL, 1
    FROM new_rows t JOIN complaints c ON c.id = t.complaint_id
  ) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(delta) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ON CONSTRAINT root_cause_month_counts_key DO UPDATE SET count = r.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- Only tags whose complaint still exists: a complaint's own deletion has already taken its tags out.
CREATE OR REPLACE FUNCTION metric_rollup_tags_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO root_cause_month_counts AS r (market, month, root_cause_id, channel, product_id, journey_stage, is_primary, excluded, count)
  SELECT c.market, to_char(c.received_on, 'YYYY-MM'), t.root_cause_id, c.channel, c.product_id, c.journey_stage,
         t.is_primary, c.excluded_reason IS NOT NULL, -count(*)::int
  FROM old_rows t JOIN complaints c ON c.id = t.complaint_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ON CONSTRAINT root_cause_month_counts_key DO UPDATE SET count = r.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;--> statement-breakpoint

SELECT metric_rollups_rebuild();
