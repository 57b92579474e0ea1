-- 上級價格通知: a price notice from the price authority, entered by the general administrator and
-- checked against the document by the brand-planning head; on its effective date its prices apply
-- (product_price keeps the history under the notice's number) and its new products enter the catalog.
CREATE TABLE price_notice (
    notice_number   VARCHAR(16)   PRIMARY KEY,
    reference       VARCHAR(100)  NOT NULL,
    effective_date  DATE          NOT NULL,
    note            VARCHAR(1000),
    drafter         VARCHAR(64)   NOT NULL,
    status          VARCHAR(12)   NOT NULL CHECK (status IN ('CHECKING', 'RETURNED', 'CONFIRMED', 'EFFECTIVE', 'WITHDRAWN')),
    created_at      TIMESTAMP     NOT NULL,
    effective_at    TIMESTAMP
);
CREATE INDEX price_notice_reference_idx ON price_notice (reference);

-- One product of a notice: one in the catalog (product_code set from the start), or one new to it
-- (manufacturer, brand and name; product_code is given when the notice applies).
CREATE TABLE price_notice_line (
    notice_number      VARCHAR(16)    NOT NULL REFERENCES price_notice (notice_number),
    line_no            INTEGER        NOT NULL,
    product_code       VARCHAR(16)    REFERENCES product (code),
    new_product        BOOLEAN        NOT NULL,
    product_name       VARCHAR(100)   NOT NULL,
    brand              VARCHAR(50),
    manufacturer_code  VARCHAR(16)    REFERENCES manufacturer (code),
    current_allocation NUMERIC(12, 2),
    current_wholesale  NUMERIC(12, 2),
    current_retail     NUMERIC(12, 2),
    allocation_price   NUMERIC(12, 2) NOT NULL,
    wholesale_price    NUMERIC(12, 2) NOT NULL,
    retail_price       NUMERIC(12, 2) NOT NULL,
    warnings           VARCHAR(1000),
    PRIMARY KEY (notice_number, line_no)
);
