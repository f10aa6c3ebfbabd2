-- Other names a dataset answers to besides its storage name: a dataset provisioned by the platform
-- is known by its platform name ("customer_segments") and its domain-qualified name
-- ("marketing/customer_segments"), while its node keeps the storage's OpenLineage name.
ALTER TABLE lineage_node ADD COLUMN aliases TEXT[] NOT NULL DEFAULT '{}';
