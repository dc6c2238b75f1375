-- Customer search key (G-5.8.2, H-7.5.3: find the caller's archive at once). pg_trgm takes no trigram from a fragment
-- shorter than three characters, and Chinese surnames, given names and place names are one or two characters
-- long. Writing every non-ASCII character three times makes each Chinese character a trigram of its own
-- ('海涛' → '海海海涛涛涛'), while digits and Latin letters (phones, account numbers) stay as they are.
-- key(text) contains key(q) exactly when text contains q (case aside), so no recheck on the plain text is needed.
CREATE OR REPLACE FUNCTION ranre_search_key(t text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT regexp_replace(lower(t), '([^\x01-\x7f])', '\1\1\1', 'g') $$;
