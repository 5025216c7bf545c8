-- The audit trail also records transformation changes: their ids ("tr-" and a SHA-256) are longer than asset ids.
ALTER TABLE audit_entry ALTER COLUMN asset_id TYPE VARCHAR(80);
