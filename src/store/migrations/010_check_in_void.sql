-- Correcting the end of the road: a check-in made in error (the wrong card scanned) is voided, not
-- deleted, and says who voided it; a hold at a screening point ends when the person held is checked
-- in at a reception point, even if no one reported their release.

ALTER TABLE check_in ADD COLUMN voided_by text;
ALTER TABLE check_in ADD COLUMN voided_by_id uuid REFERENCES app_user (id);

-- A hold ends with a reported release (released_event_id) or with the person's check-in
-- (ended_by_check_in_id, released_at then being the check-in's time: when they were let go is not
-- known, only that they had been by then). Voiding that check-in opens the hold again; a release
-- reported afterwards takes the check-in's place.
ALTER TABLE screening_hold ADD COLUMN ended_by_check_in_id uuid REFERENCES check_in (id);
ALTER TABLE screening_hold DROP CONSTRAINT screening_hold_check;
ALTER TABLE screening_hold ADD CONSTRAINT screening_hold_end CHECK (
  CASE WHEN released_at IS NULL THEN released_event_id IS NULL AND ended_by_check_in_id IS NULL
       ELSE (released_event_id IS NULL) <> (ended_by_check_in_id IS NULL) END
);
