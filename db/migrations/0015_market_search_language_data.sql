-- Markets carry their text-search language (migration 0014). Existing markets keep the language their
-- complaints were indexed in until now (Swedish for SE, English for every other market), so nothing
-- an existing search found is lost; from here on the language is data an admin changes on the
-- Taxonomies page or with `market language`, and a change re-indexes that market's complaints.
UPDATE "markets" SET "search_language" = (CASE WHEN "code" = 'SE' THEN 'swedish' ELSE 'english' END)::regconfig;--> statement-breakpoint
-- A complaint's copy of its market's language, set on insert (COPY included) and when its market
-- changes. BEFORE triggers run before generated columns are computed, so the search vector uses it.
-- Rewriting the copies after a market's language changes is the application's batched job.
CREATE OR REPLACE FUNCTION complaints_search_language() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.market IS DISTINCT FROM OLD.market THEN
    NEW.search_language := coalesce(
      (SELECT m.search_language FROM markets m WHERE m.code = NEW.market), 'simple'::regconfig);
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER complaints_search_language BEFORE INSERT OR UPDATE OF market ON complaints
  FOR EACH ROW EXECUTE FUNCTION complaints_search_language();--> statement-breakpoint
UPDATE "complaints" c SET "search_language" = m."search_language"
  FROM "markets" m WHERE m."code" = c."market" AND c."search_language" <> m."search_language";--> statement-breakpoint
-- The query a search asks: per word, its prefix stemmed in each distinct language of the markets in
-- scope (all markets when market_codes is null), ORed, where languages stem it alike asked once (each
-- prefix term is a separate scan of the text index); the words ANDed. Words are letters and digits
-- only (lib/complaints/filters.ts searchTerms), so they are safe inside to_tsquery. STABLE: it reads
-- markets, so the planner evaluates it once per query and can still use the text index with it.
CREATE OR REPLACE FUNCTION complaint_search_query(terms text[], market_codes text[]) RETURNS tsquery
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  result tsquery;
  term_query tsquery;
  one tsquery;
  seen text[];
  term text;
  config regconfig;
BEGIN
  FOREACH term IN ARRAY terms LOOP
    term_query := NULL;
    seen := '{}';
    FOR config IN
      SELECT DISTINCT m.search_language FROM markets m
      WHERE market_codes IS NULL OR m.code = ANY (market_codes)
    LOOP
      one := to_tsquery(config, term || ':*');
      CONTINUE WHEN numnode(one) = 0 OR one::text = ANY (seen);
      seen := seen || one::text;
      term_query := CASE WHEN term_query IS NULL THEN one ELSE term_query || one END;
    END LOOP;
    IF term_query IS NOT NULL THEN
      result := CASE WHEN result IS NULL THEN term_query ELSE result && term_query END;
    END IF;
  END LOOP;
  RETURN coalesce(result, ''::tsquery);
END;
$$;
