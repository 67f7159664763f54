CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- Kazakh alphabetical order (Ә after А, Ө after О, Ұ and Ү after У); the default collation sorts by code point.
CREATE COLLATION IF NOT EXISTS kazakh (provider = icu, locale = 'kk-KZ');
