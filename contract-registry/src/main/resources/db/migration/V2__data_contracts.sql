-- Data contracts (ODCS v3.1 and the seed's JSON format), their versions, lifecycle audit,
-- consumer agreements and contract-test results.

CREATE TABLE data_contract (
    id            VARCHAR(200) PRIMARY KEY,
    domain        VARCHAR(63) NOT NULL,
    name          VARCHAR(255),
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX data_contract_domain ON data_contract (domain);

CREATE TABLE contract_version (
    contract_id   VARCHAR(200) NOT NULL REFERENCES data_contract (id),
    version       VARCHAR(64) NOT NULL,
    major         INTEGER NOT NULL,
    minor         INTEGER NOT NULL,
    patch         INTEGER NOT NULL,
    status        VARCHAR(16) NOT NULL,
    source_format VARCHAR(8) NOT NULL,
    document      TEXT NOT NULL,
    original      TEXT NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (contract_id, version)
);

CREATE TABLE contract_audit (
    id            UUID PRIMARY KEY,
    contract_id   VARCHAR(200) NOT NULL REFERENCES data_contract (id),
    version       VARCHAR(64) NOT NULL,
    action        VARCHAR(32) NOT NULL,
    from_status   VARCHAR(16),
    to_status     VARCHAR(16),
    actor         VARCHAR(255) NOT NULL,
    reason        VARCHAR(2000),
    at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX contract_audit_contract ON contract_audit (contract_id, at);

CREATE TABLE consumer_agreement (
    id            UUID PRIMARY KEY,
    contract_id   VARCHAR(200) NOT NULL REFERENCES data_contract (id),
    major         INTEGER NOT NULL,
    consumer      VARCHAR(255) NOT NULL,
    consumer_domain VARCHAR(63),
    purpose       VARCHAR(2000),
    status        VARCHAR(16) NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    ended_at      TIMESTAMPTZ
);
CREATE INDEX consumer_agreement_active ON consumer_agreement (contract_id, major) WHERE status = 'ACTIVE';

CREATE TABLE contract_test_run (
    id            UUID PRIMARY KEY,
    contract_id   VARCHAR(200) NOT NULL REFERENCES data_contract (id),
    version       VARCHAR(64) NOT NULL,
    server        VARCHAR(255) NOT NULL,
    outcome       VARCHAR(16) NOT NULL,
    results       TEXT NOT NULL,
    started_by    VARCHAR(255) NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX contract_test_run_contract ON contract_test_run (contract_id, started_at);
