-- An upload writes its file before its event commits. To never leave an orphan when the process
-- dies in between, the key is first queued for deletion at a later time (committed on its own),
-- and the upload's own transaction takes it off the queue. The sweeper only takes due keys.
ALTER TABLE blob_deletion ADD COLUMN not_before TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX blob_deletion_due ON blob_deletion (not_before);
