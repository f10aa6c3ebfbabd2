-- Datasets as the catalog knows them, built from provisioning-service's events.
CREATE TABLE dataset (
    id            UUID PRIMARY KEY,
    domain        VARCHAR(63) NOT NULL,
    name          VARCHAR(63) NOT NULL,
    storage       VARCHAR(1024) NOT NULL,
    schema_urn    VARCHAR(512),
    state         VARCHAR(32) NOT NULL,
    requested_by  VARCHAR(255),
    requested_at  TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT dataset_domain_name_unique UNIQUE (domain, name)
);
