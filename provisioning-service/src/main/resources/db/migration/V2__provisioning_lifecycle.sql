-- Real provisioning: the full request spec, lifecycle bookkeeping, the resources created, drift,
-- and Idempotency-Key replay.

ALTER TABLE dataset ALTER COLUMN schema_urn DROP NOT NULL;
ALTER TABLE dataset ADD COLUMN spec TEXT NOT NULL DEFAULT '{}';
ALTER TABLE dataset ADD COLUMN resolved_schema TEXT;
ALTER TABLE dataset ADD COLUMN last_error TEXT;
ALTER TABLE dataset ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dataset ADD COLUMN next_attempt_at TIMESTAMPTZ;
ALTER TABLE dataset ADD COLUMN provisioned_at TIMESTAMPTZ;
ALTER TABLE dataset ADD COLUMN deleted_at TIMESTAMPTZ;
ALTER TABLE dataset ADD COLUMN retain_on_delete BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE dataset ADD COLUMN drift TEXT;
ALTER TABLE dataset ADD COLUMN drift_checked_at TIMESTAMPTZ;

-- A deleted dataset frees its name.
ALTER TABLE dataset DROP CONSTRAINT dataset_domain_name_unique;
CREATE UNIQUE INDEX dataset_live_name ON dataset (domain, name) WHERE state <> 'DELETED';
CREATE INDEX dataset_pending_work ON dataset (next_attempt_at) WHERE state IN ('REQUESTED', 'PROVISIONING', 'DEPROVISIONING');

CREATE TABLE dataset_resource (
    id            UUID PRIMARY KEY,
    dataset_id    UUID NOT NULL REFERENCES dataset (id),
    kind          VARCHAR(32) NOT NULL,
    name          VARCHAR(512) NOT NULL,
    uri           VARCHAR(1024) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    details       TEXT NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT dataset_resource_unique UNIQUE (dataset_id, kind, name)
);

CREATE TABLE idempotency_key (
    caller        VARCHAR(255) NOT NULL,
    key           VARCHAR(255) NOT NULL,
    request_hash  CHAR(64) NOT NULL,
    dataset_id    UUID NOT NULL REFERENCES dataset (id),
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, key)
);
