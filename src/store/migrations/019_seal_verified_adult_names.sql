-- The name of the adult verified for a child's case, as the operations log kept it before Corridor
-- sealed it there (docs/data-responsibility.md). The log's key 'name' mostly holds the names of
-- places and pause windows, so the 'log' pass of migrations 012 and 017 leaves it in clear; only the
-- child-case 'verify' entries hold a person's name under it. A pending entry of kind
-- 'verified-name' has the next start with the keys seal just those (src/store/crypto/seal-clear.ts).
-- The same column may now be pending for more than one kind, so the kind joins the key.
ALTER TABLE sealing_pending DROP CONSTRAINT sealing_pending_kind_check;
ALTER TABLE sealing_pending
  ADD CONSTRAINT sealing_pending_kind_check CHECK (kind IN ('text', 'integer', 'log', 'verified-name'));
ALTER TABLE sealing_pending DROP CONSTRAINT sealing_pending_pkey;
ALTER TABLE sealing_pending ADD PRIMARY KEY (table_name, column_name, kind);
INSERT INTO sealing_pending (table_name, column_name, kind) VALUES
  ('operation', 'after', 'verified-name')
ON CONFLICT DO NOTHING;
