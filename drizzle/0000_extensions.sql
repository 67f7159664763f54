CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- Kazakh alphabetical order: А Ә Б … Е Ё … У Ұ Ү … Х Һ … Ы І Ь … Я. The default collation sorts by
-- code point. ICU's kk tailoring does this where the ICU build carries Kazakh data (a server's
-- system ICU); PGlite's ICU does not, so from PostgreSQL 16 on the tailoring is spelled out as rules.
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 160000 THEN
    EXECUTE $c$CREATE COLLATION IF NOT EXISTS kazakh (provider = icu, locale = 'kk-KZ', rules = '&Е < ё <<< Ё &У < ұ <<< Ұ < ү <<< Ү &Х < һ <<< Һ &Ы < і <<< І')$c$;
  ELSE
    CREATE COLLATION IF NOT EXISTS kazakh (provider = icu, locale = 'kk-KZ');
  END IF;
END
$$;
