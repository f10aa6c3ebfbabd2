-- Provisioned datasets as provisioning-service announces them: where their data really is.
CREATE TABLE monitored_dataset (
    id            VARCHAR(127) PRIMARY KEY,   -- domain/name
    domain        VARCHAR(63) NOT NULL,
    name          VARCHAR(63) NOT NULL,
    kind          VARCHAR(32) NOT NULL,       -- POSTGRES_TABLE or KAFKA_TOPIC
    database_name VARCHAR(63),
    schema_name   VARCHAR(63),
    table_name    VARCHAR(63),
    topic         VARCHAR(249),
    schema_urn    VARCHAR(255),
    updated_at    TIMESTAMPTZ NOT NULL
);

-- Quality suites: declared checks of one dataset, run on a schedule and on demand.
CREATE TABLE quality_suite (
    name          VARCHAR(127) PRIMARY KEY,
    dataset       VARCHAR(127) NOT NULL,
    domain        VARCHAR(63) NOT NULL,
    origin        VARCHAR(16) NOT NULL,       -- suite (declared) or product (from its spec)
    document      JSONB NOT NULL,
    schedule_seconds BIGINT NOT NULL,
    next_run_at   TIMESTAMPTZ NOT NULL,
    revision      INTEGER NOT NULL,
    updated_by    VARCHAR(255) NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX quality_suite_due ON quality_suite (next_run_at);
CREATE INDEX quality_suite_dataset ON quality_suite (dataset);

-- Every run of a suite with every check's result; the row count feeds the volume baseline.
CREATE TABLE quality_run (
    id            UUID PRIMARY KEY,
    suite         VARCHAR(127) NOT NULL,
    dataset       VARCHAR(127) NOT NULL,
    domain        VARCHAR(63) NOT NULL,
    trigger       VARCHAR(16) NOT NULL,
    outcome       VARCHAR(16) NOT NULL,
    row_count     BIGINT,
    freshness_seconds DOUBLE PRECISION,
    results       JSONB NOT NULL,
    started_by    VARCHAR(255) NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX quality_run_dataset ON quality_run (dataset, started_at DESC);
CREATE INDEX quality_run_suite ON quality_run (suite, started_at DESC);
