-- Data products as the catalog publishes them: what access can be asked for.
CREATE TABLE published_product (
    name          VARCHAR(63) PRIMARY KEY,
    domain        VARCHAR(63) NOT NULL,
    owner         VARCHAR(255) NOT NULL,
    version       VARCHAR(64) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    classification VARCHAR(32),
    max_access    VARCHAR(32),
    output_ports  JSONB NOT NULL,
    fields        JSONB NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE access_request (
    id              UUID PRIMARY KEY,
    product         VARCHAR(63) NOT NULL,
    product_domain  VARCHAR(63) NOT NULL,
    consumer        VARCHAR(255) NOT NULL,
    consumer_domain VARCHAR(63),
    principal       VARCHAR(63) NOT NULL,
    status          VARCHAR(24) NOT NULL,
    output_ports    JSONB NOT NULL,
    fields          JSONB NOT NULL,
    purpose         VARCHAR(2000) NOT NULL,
    required_sla    JSONB,
    offered_sla     JSONB,
    contract_id     VARCHAR(200) REFERENCES data_contract (id),
    contract_version VARCHAR(64),
    expires_at      TIMESTAMPTZ NOT NULL,
    compliance      VARCHAR(24),
    compliance_reasons JSONB,
    grants          JSONB,
    agreement_id    UUID REFERENCES consumer_agreement (id),
    reason          VARCHAR(2000),
    last_offer_by   VARCHAR(16),
    reminded_at     TIMESTAMPTZ,
    confirmed_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    row_version     BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX access_request_product ON access_request (product, created_at);
CREATE INDEX access_request_consumer ON access_request (consumer, created_at);
CREATE INDEX access_request_expiry ON access_request (expires_at) WHERE status = 'ACTIVE';

-- Every step of every request, never updated: the negotiation rounds and the audit trail.
CREATE TABLE access_step (
    id            BIGSERIAL PRIMARY KEY,
    request_id    UUID NOT NULL REFERENCES access_request (id),
    action        VARCHAR(32) NOT NULL,
    from_status   VARCHAR(24),
    to_status     VARCHAR(24) NOT NULL,
    side          VARCHAR(16),
    sla           JSONB,
    contract_version VARCHAR(64),
    reason        VARCHAR(2000),
    actor         VARCHAR(255) NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX access_step_request ON access_step (request_id, id);

ALTER TABLE consumer_agreement ADD COLUMN access_request UUID;
ALTER TABLE consumer_agreement ADD COLUMN product VARCHAR(63);
ALTER TABLE consumer_agreement ADD COLUMN contract_version VARCHAR(64);
ALTER TABLE consumer_agreement ADD COLUMN fields JSONB;
ALTER TABLE consumer_agreement ADD COLUMN sla JSONB;
ALTER TABLE consumer_agreement ADD COLUMN expires_at TIMESTAMPTZ;
