-- Confluent-compatible schema registry.

-- Schema contents, identified by a global id; the same content under several subjects shares its id.
CREATE SEQUENCE schema_id_seq START 1;
CREATE TABLE schema_content (
    id            INTEGER PRIMARY KEY,
    schema_type   VARCHAR(16) NOT NULL,
    canonical     TEXT NOT NULL,
    references_json TEXT NOT NULL DEFAULT '[]',
    fingerprint   CHAR(64) NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL
);

-- A subject belongs to one data domain; only that domain's owners (or platform admins) change it.
CREATE TABLE subject (
    name          VARCHAR(255) PRIMARY KEY,
    domain        VARCHAR(63) NOT NULL,
    compatibility VARCHAR(32),
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE subject_version (
    subject       VARCHAR(255) NOT NULL REFERENCES subject (name) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    schema_id     INTEGER NOT NULL REFERENCES schema_content (id),
    deleted       BOOLEAN NOT NULL DEFAULT FALSE,
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject, version)
);
CREATE INDEX subject_version_schema ON subject_version (schema_id);

-- Registry-wide settings (one row).
CREATE TABLE registry_config (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    compatibility VARCHAR(32) NOT NULL
);
INSERT INTO registry_config (id, compatibility) VALUES (1, 'BACKWARD');
