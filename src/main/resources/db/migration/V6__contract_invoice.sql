-- 增值稅專用發票 and 托收承付: invoices against a contract, their check and their payment.
CREATE TABLE contract_invoice (
    invoice_number     VARCHAR(32)    PRIMARY KEY,
    contract_number    VARCHAR(20)    NOT NULL REFERENCES contract (contract_number),
    invoice_date       DATE           NOT NULL,
    amount_excl_tax    NUMERIC(14, 2) NOT NULL,
    tax                NUMERIC(14, 2) NOT NULL,
    check_type         VARCHAR(16)    NOT NULL CHECK (check_type IN ('DOCUMENTS', 'GOODS')),
    status             VARCHAR(16)    NOT NULL,
    mismatches         VARCHAR(2000),
    refusal_code       VARCHAR(32),
    received_at        TIMESTAMP      NOT NULL,
    decided_at         TIMESTAMP
);
CREATE INDEX contract_invoice_contract_idx ON contract_invoice (contract_number);

CREATE TABLE contract_invoice_line (
    invoice_number VARCHAR(32)    NOT NULL REFERENCES contract_invoice (invoice_number),
    product_code   VARCHAR(16)    NOT NULL REFERENCES product (code),
    cartons        INTEGER        NOT NULL CHECK (cartons > 0),
    unit_price     NUMERIC(12, 2) NOT NULL,
    amount         NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (invoice_number, product_code)
);
