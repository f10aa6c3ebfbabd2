-- The catalog follows each dataset's lifecycle: state, real resources, failures, drift.
ALTER TABLE dataset DROP CONSTRAINT dataset_domain_name_unique;
CREATE INDEX dataset_domain_name ON dataset (domain, name);
ALTER TABLE dataset ADD COLUMN owner VARCHAR(255);
ALTER TABLE dataset ADD COLUMN classification VARCHAR(32);
ALTER TABLE dataset ADD COLUMN description VARCHAR(2000);
ALTER TABLE dataset ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE dataset ADD COLUMN resources TEXT NOT NULL DEFAULT '[]';
ALTER TABLE dataset ADD COLUMN last_error TEXT;
ALTER TABLE dataset ADD COLUMN drift TEXT NOT NULL DEFAULT '[]';
ALTER TABLE dataset ADD COLUMN provisioned_at TIMESTAMPTZ;
ALTER TABLE dataset ADD COLUMN deleted_at TIMESTAMPTZ;
