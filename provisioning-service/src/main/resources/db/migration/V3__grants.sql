-- Grants made on the real storage for access agreements (contract-registry's access requests).
CREATE TABLE dataset_grant (
    id            UUID PRIMARY KEY,
    request_id    UUID NOT NULL,
    principal     VARCHAR(63) NOT NULL,
    dataset       VARCHAR(130) NOT NULL,
    kind          VARCHAR(32) NOT NULL,
    resource      VARCHAR(1000) NOT NULL,
    privileges    TEXT NOT NULL,
    outcome       VARCHAR(16) NOT NULL,
    detail        VARCHAR(2000),
    applied_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX dataset_grant_request ON dataset_grant (request_id);
CREATE INDEX dataset_grant_live ON dataset_grant (principal, resource) WHERE revoked_at IS NULL;

-- A consumer's login, made with its first grant: the secret is kept until it is handed out, once.
CREATE TABLE consumer_credential (
    principal     VARCHAR(63) PRIMARY KEY,
    consumer      VARCHAR(255) NOT NULL,
    consumer_domain VARCHAR(63),
    secret        VARCHAR(200),
    created_at    TIMESTAMPTZ NOT NULL,
    retrieved_at  TIMESTAMPTZ
);
