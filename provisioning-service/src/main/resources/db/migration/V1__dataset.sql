CREATE TABLE dataset (
    id            UUID PRIMARY KEY,
    domain        VARCHAR(63) NOT NULL,
    name          VARCHAR(63) NOT NULL,
    storage       VARCHAR(1024) NOT NULL,
    schema_urn    VARCHAR(512) NOT NULL,
    state         VARCHAR(32) NOT NULL,
    requested_by  VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT dataset_domain_name_unique UNIQUE (domain, name)
);
CREATE INDEX dataset_domain_state ON dataset (domain, state);
