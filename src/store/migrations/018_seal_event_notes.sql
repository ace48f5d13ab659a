-- Notes on a road event and on a headcount become sealed fields (docs/data-responsibility.md): a
-- driver's note on a screening point may describe the people held there, and a remark on a count
-- may name people in the shelter. The operations log sealed them already (its key 'note'). The
-- columns stay text; no SQL filters, sorts or groups on them. Their clear values are sealed on the
-- next start with the keys, as in migrations 012 and 017.
INSERT INTO sealing_pending (table_name, column_name, kind) VALUES
  ('convoy_event', 'note', 'text'),
  ('headcount', 'note', 'text')
ON CONFLICT DO NOTHING;
