-- 合同變更、補充: an amendment to a signed contract, decided by the route of contract-amendment-approval.dmn.
CREATE TABLE contract_amendment (
    amendment_number     VARCHAR(24)   PRIMARY KEY,
    contract_number      VARCHAR(20)   NOT NULL REFERENCES contract (contract_number),
    from_version         INTEGER       NOT NULL,
    kind                 VARCHAR(16)   NOT NULL,
    reason               VARCHAR(1000) NOT NULL,
    changes              VARCHAR(4000),
    quantity_change_pct  NUMERIC(7, 2) NOT NULL,
    price_changed        BOOLEAN       NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    requested_by         VARCHAR(64)   NOT NULL,
    requested_at         TIMESTAMP     NOT NULL,
    decided_at           TIMESTAMP,
    process_instance_id  VARCHAR(64)
);
CREATE INDEX contract_amendment_idx ON contract_amendment (contract_number);

-- The lines as they were before each applied amendment: version n is what the contract said until amendment n applied.
CREATE TABLE contract_line_version (
    contract_number VARCHAR(20)    NOT NULL REFERENCES contract (contract_number),
    version         INTEGER        NOT NULL,
    product_code    VARCHAR(16)    NOT NULL REFERENCES product (code),
    cartons         INTEGER        NOT NULL,
    unit_price      NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (contract_number, version, product_code)
);
