-- Policies as code: a named HCL document, global or local to one domain, whose every accepted
-- change is an immutable version (the text as written and its policies as read).
CREATE TABLE policy_document (
    name             VARCHAR(63) PRIMARY KEY,
    domain           VARCHAR(63),
    current_version  INTEGER NOT NULL,
    created_by       VARCHAR(255) NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX policy_document_domain ON policy_document (domain);

CREATE TABLE policy_version (
    document      VARCHAR(63) NOT NULL REFERENCES policy_document (name),
    version       INTEGER NOT NULL,
    hcl           TEXT NOT NULL,
    policies      JSONB NOT NULL,
    content_hash  CHAR(64) NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (document, version)
);

-- What governance knows of each data product: its newest spec from the catalog's events, and the
-- provisioned datasets behind its output ports (from provisioning's events).
CREATE TABLE product (
    name          VARCHAR(63) PRIMARY KEY,
    domain        VARCHAR(63) NOT NULL,
    version       VARCHAR(64) NOT NULL,
    status        VARCHAR(32) NOT NULL,
    spec          JSONB NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX product_domain ON product (domain);

CREATE TABLE dataset (
    domain        VARCHAR(63) NOT NULL,
    name          VARCHAR(63) NOT NULL,
    state         VARCHAR(32) NOT NULL,
    resources     JSONB NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (domain, name)
);

-- Reported quality metrics (share of non-null values per field of a product), newest kept.
CREATE TABLE quality_metric (
    product       VARCHAR(63) NOT NULL,
    field         VARCHAR(63) NOT NULL,
    non_null      DOUBLE PRECISION NOT NULL,
    row_count     BIGINT NOT NULL,
    source        VARCHAR(255) NOT NULL,
    measured_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (product, field)
);

-- Every evaluation of a product version against the policies that applied, with its findings.
CREATE TABLE evaluation (
    id             UUID PRIMARY KEY,
    product        VARCHAR(63) NOT NULL,
    domain         VARCHAR(63) NOT NULL,
    version        VARCHAR(64) NOT NULL,
    trigger_kind   VARCHAR(32) NOT NULL,
    outcome        VARCHAR(16) NOT NULL,
    policies       JSONB NOT NULL,
    findings       JSONB NOT NULL,
    evaluated_by   VARCHAR(255) NOT NULL,
    evaluated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX evaluation_product ON evaluation (product, evaluated_at DESC);

-- One review per submission round; a resubmission opens a new one linked to the last.
CREATE TABLE review (
    id               UUID PRIMARY KEY,
    product          VARCHAR(63) NOT NULL,
    domain           VARCHAR(63) NOT NULL,
    version          VARCHAR(64) NOT NULL,
    round            INTEGER NOT NULL,
    previous_review  UUID REFERENCES review (id),
    status           VARCHAR(32) NOT NULL,
    evaluation       UUID NOT NULL REFERENCES evaluation (id),
    overrides        JSONB NOT NULL DEFAULT '[]',
    submitted_by     VARCHAR(255) NOT NULL,
    opened_at        TIMESTAMPTZ NOT NULL,
    decided_by       VARCHAR(255),
    decision_comment TEXT,
    decided_at       TIMESTAMPTZ,
    UNIQUE (product, round)
);
CREATE INDEX review_status ON review (status, opened_at);
CREATE INDEX review_domain ON review (domain, status);

-- The audit trail: who did what to which product, when, under which policy versions.
CREATE TABLE audit_entry (
    id             BIGSERIAL PRIMARY KEY,
    product        VARCHAR(63),
    domain         VARCHAR(63),
    version        VARCHAR(64),
    action         VARCHAR(32) NOT NULL,
    actor          VARCHAR(255) NOT NULL,
    review_id      UUID,
    evaluation_id  UUID,
    policies       JSONB NOT NULL DEFAULT '[]',
    details        JSONB NOT NULL DEFAULT '{}',
    occurred_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_entry_product ON audit_entry (product, occurred_at);

-- Products to evaluate again because a policy that applies to them changed; a worker drains it.
CREATE TABLE pending_reevaluation (
    product       VARCHAR(63) PRIMARY KEY,
    reason        VARCHAR(255) NOT NULL,
    queued_at     TIMESTAMPTZ NOT NULL
);
