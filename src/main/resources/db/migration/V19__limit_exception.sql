-- 限量例外: a clerk asks for more than a retailer's weekly limit of a product, with a reason; the seat leader
-- decides. An approved exception adds its cartons to that retailer's limit of that product for that week only.
CREATE TABLE limit_exception (
    exception_number VARCHAR(20)   PRIMARY KEY,
    retailer_code    VARCHAR(16)   NOT NULL REFERENCES retailer (code),
    product_code     VARCHAR(16)   NOT NULL REFERENCES product (code),
    week_start       DATE          NOT NULL,
    extra_cartons    INTEGER       NOT NULL CHECK (extra_cartons > 0),
    reason           VARCHAR(500)  NOT NULL,
    asked_by         VARCHAR(64)   NOT NULL,
    asked_at         TIMESTAMP     NOT NULL,
    status           VARCHAR(10)   NOT NULL CHECK (status IN ('ASKED', 'APPROVED', 'REFUSED'))
);
CREATE INDEX limit_exception_retailer_idx ON limit_exception (retailer_code, week_start, status);
