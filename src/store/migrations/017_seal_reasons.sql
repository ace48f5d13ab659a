-- The reasons given for changes to people become sealed fields (docs/data-responsibility.md): why
-- someone did not board or was replaced, why a check-in was voided, how an alert about a person was
-- resolved, why two registrations were merged, unmerged or found to be two people, and why a tracing
-- request or a child's case closed. Each says what befell a person (wounded, deceased, held, found,
-- stayed with a relative). The operations log seals the same reasons under their keys, with a
-- person's status change and a screening hold, which the log alone keeps.
--
-- The columns stay text; no SQL filters, sorts or groups on them. Their clear values, and the
-- logged documents' reasons, are sealed on the next start with the keys, as in migration 012.
INSERT INTO sealing_pending (table_name, column_name, kind) VALUES
  ('manifest_entry', 'reason', 'text'),
  ('check_in', 'voided_reason', 'text'),
  ('reconciliation_alert', 'resolution', 'text'),
  ('person_merge', 'reason', 'text'),
  ('person_merge', 'unmerge_reason', 'text'),
  ('duplicate_dismissal', 'reason', 'text'),
  ('tracing_request', 'closed_reason', 'text'),
  ('child_case', 'closed_reason', 'text'),
  ('operation', 'before', 'log'),
  ('operation', 'after', 'log'),
  ('reconciliation_alert', 'details', 'log'),
  ('sync_conflict', 'lost', 'log'),
  ('sync_conflict', 'kept', 'log')
ON CONFLICT DO NOTHING;
