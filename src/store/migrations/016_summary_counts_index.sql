-- The site summary (src/services/summary.ts) counts a site's people by status, shelter, triage and
-- vulnerability in one pass. The person table is wide (sealed names and notes, about fifty blind-index
-- keys a person: some 1.5 kB a row, five rows a page), so counting from the table reads every page
-- of it; the site's status index now carries the other three columns, and the counts are read from
-- the index alone (an index-only scan, some fifteen times fewer pages). It replaces the index of
-- (site_id, status) rather than adding one beside it, so a registration still updates one index for these.
DROP INDEX person_site_status;
CREATE INDEX person_site_status ON person (site_id, status) INCLUDE (shelter_id, triage, vulnerabilities);
