-- Data products: domains own them, each accepted change of a product's spec is an immutable
-- version, and the product row carries what discovery searches (kept current by the service).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- array_to_string is only STABLE (some element types print by settings); for text[] it is not.
CREATE FUNCTION search_words(words TEXT[]) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(words, ' ') $$;

CREATE TABLE data_domain (
    name          VARCHAR(63) PRIMARY KEY,
    owner_team    VARCHAR(255) NOT NULL,
    description   TEXT,
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE data_product (
    name               VARCHAR(63) PRIMARY KEY,
    domain             VARCHAR(63) NOT NULL REFERENCES data_domain (name),
    owner              VARCHAR(255) NOT NULL,
    status             VARCHAR(32) NOT NULL,
    current_version    VARCHAR(64) NOT NULL,
    published_version  VARCHAR(64),
    description        TEXT,
    tags               TEXT[] NOT NULL DEFAULT '{}',
    columns            TEXT[] NOT NULL DEFAULT '{}',
    freshness          VARCHAR(32),
    availability       VARCHAR(32),
    latency            VARCHAR(32),
    sunset_at          DATE,
    successor          VARCHAR(63),
    deprecation_reason TEXT,
    review_round       INTEGER NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    -- Name, description, column names and tags, weighted in that order.
    search_vector      TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', replace(name, '_', ' ')), 'A')
        || setweight(to_tsvector('simple', coalesce(description, '')), 'B')
        || setweight(to_tsvector('simple', replace(search_words(columns), '_', ' ')), 'C')
        || setweight(to_tsvector('simple', search_words(tags)), 'C')
    ) STORED
);
CREATE INDEX data_product_search ON data_product USING GIN (search_vector);
CREATE INDEX data_product_name_trgm ON data_product USING GIN (name gin_trgm_ops);
CREATE INDEX data_product_tags ON data_product USING GIN (tags);
CREATE INDEX data_product_domain ON data_product (domain);

CREATE TABLE data_product_version (
    product       VARCHAR(63) NOT NULL REFERENCES data_product (name) ON DELETE CASCADE,
    version       VARCHAR(64) NOT NULL,
    spec          JSONB NOT NULL,
    source        TEXT NOT NULL,
    source_type   VARCHAR(16) NOT NULL,
    content_hash  CHAR(64) NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (product, version)
);

-- Who moved a product through its lifecycle, when, and why (decisions carry governance's findings).
CREATE TABLE data_product_transition (
    id            BIGSERIAL PRIMARY KEY,
    product       VARCHAR(63) NOT NULL REFERENCES data_product (name) ON DELETE CASCADE,
    version       VARCHAR(64) NOT NULL,
    from_status   VARCHAR(32),
    to_status     VARCHAR(32) NOT NULL,
    actor         VARCHAR(255) NOT NULL,
    reason        TEXT,
    details       JSONB NOT NULL DEFAULT '{}',
    at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX data_product_transition_product ON data_product_transition (product, id);
