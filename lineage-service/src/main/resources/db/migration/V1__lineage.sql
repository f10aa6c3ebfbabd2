-- The lineage graph: datasets and jobs as nodes, "reads"/"writes" as edges with a validity
-- interval taken from the events' times, column lineage beside it, and every event as received.
--
-- Every row carries tx, the id of the transaction that last wrote it. Each instance keeps the graph
-- in memory and catches up by reading rows written since its last look: rows with tx at or above
-- that look's xmax, or in its list of then-running transactions (see graph/GraphChanges.java).

CREATE TABLE lineage_node (
    id              BIGSERIAL PRIMARY KEY,
    kind            VARCHAR(8) NOT NULL CHECK (kind IN ('DATASET', 'JOB')),
    namespace       TEXT NOT NULL,
    name            TEXT NOT NULL,
    first_seen      TIMESTAMPTZ NOT NULL,
    last_updated    TIMESTAMPTZ,
    processing_type VARCHAR(32),
    job_type        VARCHAR(64),
    integration     VARCHAR(64),
    domain          VARCHAR(63),
    data_product    TEXT,
    owners          JSONB NOT NULL DEFAULT '[]',
    facets          JSONB NOT NULL DEFAULT '{}',
    deleted_at      TIMESTAMPTZ,
    version         BIGINT NOT NULL DEFAULT 1,
    tx              BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    CONSTRAINT lineage_node_identity UNIQUE (kind, namespace, name)
);
CREATE INDEX lineage_node_tx ON lineage_node (tx);
CREATE INDEX lineage_node_name ON lineage_node (name);

-- source -> target: an input dataset -> the job reading it, or a job -> the dataset it writes.
CREATE TABLE lineage_edge (
    id          BIGSERIAL PRIMARY KEY,
    source_id   BIGINT NOT NULL REFERENCES lineage_node (id),
    target_id   BIGINT NOT NULL REFERENCES lineage_node (id),
    valid_from  TIMESTAMPTZ NOT NULL,
    valid_to    TIMESTAMPTZ,
    tx          BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    CONSTRAINT lineage_edge_interval CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX lineage_edge_open ON lineage_edge (source_id, target_id) WHERE valid_to IS NULL;
CREATE INDEX lineage_edge_target ON lineage_edge (target_id);
CREATE INDEX lineage_edge_tx ON lineage_edge (tx);

-- An output field made from an input field by a job (OpenLineage columnLineage facet).
CREATE TABLE lineage_column_edge (
    id               BIGSERIAL PRIMARY KEY,
    job_id           BIGINT NOT NULL REFERENCES lineage_node (id),
    input_id         BIGINT NOT NULL REFERENCES lineage_node (id),
    input_field      TEXT NOT NULL,
    output_id        BIGINT NOT NULL REFERENCES lineage_node (id),
    output_field     TEXT NOT NULL,
    transformations  JSONB NOT NULL DEFAULT '[]',
    valid_from       TIMESTAMPTZ NOT NULL,
    valid_to         TIMESTAMPTZ,
    tx               BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint)
);
CREATE UNIQUE INDEX lineage_column_edge_open
    ON lineage_column_edge (job_id, input_id, input_field, output_id, output_field) WHERE valid_to IS NULL;
CREATE INDEX lineage_column_edge_tx ON lineage_column_edge (tx);

-- Runs, and the datasets each run read and wrote across its events (START may name the inputs,
-- COMPLETE the outputs): a finished run's set is what its job reads and writes from then on.
CREATE TABLE lineage_run (
    run_id          UUID PRIMARY KEY,
    job_id          BIGINT NOT NULL REFERENCES lineage_node (id),
    state           VARCHAR(16) NOT NULL,
    started_at      TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ,
    parent_run_id   UUID,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX lineage_run_job ON lineage_run (job_id, ended_at DESC);

CREATE TABLE lineage_run_dataset (
    run_id      UUID NOT NULL,
    node_id     BIGINT NOT NULL REFERENCES lineage_node (id),
    direction   CHAR(1) NOT NULL CHECK (direction IN ('I', 'O')),
    PRIMARY KEY (run_id, node_id, direction)
);

-- When a job's reads and writes were last set, so that a late event does not undo a newer one.
CREATE TABLE lineage_job_io (
    job_id      BIGINT PRIMARY KEY REFERENCES lineage_node (id),
    as_of       TIMESTAMPTZ NOT NULL
);

-- Every accepted event, whole (unknown facets included), as the record of what was said.
CREATE TABLE lineage_event (
    id              BIGSERIAL PRIMARY KEY,
    received_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    event_time      TIMESTAMPTZ NOT NULL,
    kind            VARCHAR(8) NOT NULL,
    event_type      VARCHAR(16),
    run_id          UUID,
    job_namespace   TEXT,
    job_name        TEXT,
    producer        TEXT NOT NULL,
    payload         JSONB NOT NULL
);
CREATE INDEX lineage_event_run ON lineage_event (run_id);
CREATE INDEX lineage_event_time ON lineage_event (event_time);

-- Datasets the platform provisioned, from provisioning-service's events.
CREATE TABLE platform_dataset (
    dataset_id  UUID PRIMARY KEY,
    domain      VARCHAR(63) NOT NULL,
    name        VARCHAR(63) NOT NULL,
    owner       VARCHAR(255),
    updated_at  TIMESTAMPTZ NOT NULL
);
