-- Business-day arithmetic for complaint deadlines (mirrors addBusinessDays in lib/complaints/deadlines.ts):
-- weekends are skipped and a weekend date counts from the Friday before.
CREATE OR REPLACE FUNCTION add_business_days(d date, n integer) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT b.base + (n / 5) * 7 + (n % 5)
    + CASE WHEN extract(isodow FROM b.base)::int + (n % 5) > 5 THEN 2 ELSE 0 END
  FROM (SELECT d - CASE extract(isodow FROM d)::int WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END AS base) b
$$;
