-- The latest quality run of each dataset behind a product's output ports, from contract-registry's
-- run-completed events: what the product's health is made of. No foreign key to data_product: a run
-- may name a product before the catalog has it.
CREATE TABLE product_quality_run (
    product            VARCHAR(63) NOT NULL,
    dataset            VARCHAR(255) NOT NULL,
    run_id             UUID NOT NULL,
    outcome            VARCHAR(16) NOT NULL,
    freshness_seconds  DOUBLE PRECISION,
    failures           JSONB NOT NULL DEFAULT '[]',
    finished_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (product, dataset)
);

-- Which products declare a dataset as an output port, for runs that do not name their product.
CREATE INDEX data_product_version_output_ports
    ON data_product_version USING GIN ((spec -> 'outputPorts'));
