-- Shipped by platform/events and applied by every service into its own schema, before the
-- service's own migrations (V1 onwards).

-- Transactional outbox: written in the same transaction as the state change it announces,
-- relayed to Kafka by OutboxRelay.
CREATE TABLE outbox_event (
    id            UUID PRIMARY KEY,
    seq           BIGSERIAL NOT NULL UNIQUE,
    event_type    VARCHAR(200) NOT NULL,
    source        VARCHAR(200) NOT NULL,
    topic         VARCHAR(249) NOT NULL,
    event_key     VARCHAR(200) NOT NULL,
    subject       VARCHAR(400),
    payload       TEXT NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    published_at  TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Idempotent consumers: one row per (consumer, CloudEvent id) already handled.
CREATE TABLE processed_event (
    consumer      VARCHAR(100) NOT NULL,
    event_id      VARCHAR(200) NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
