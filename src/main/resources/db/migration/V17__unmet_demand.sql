-- 未滿足需求: what a retailer asked of a product beyond what its weekly limit or the stock could give,
-- per day, retailer and product (the most asked beyond, should the clerk try again); what the supply
-- manager reads to know demand the orders alone do not show.
CREATE TABLE unmet_demand (
    call_date     DATE        NOT NULL,
    retailer_code VARCHAR(16) NOT NULL REFERENCES retailer (code),
    product_code  VARCHAR(16) NOT NULL REFERENCES product (code),
    reason        VARCHAR(8)  NOT NULL CHECK (reason IN ('LIMIT', 'STOCK')),
    cartons       INTEGER     NOT NULL CHECK (cartons > 0),
    recorded_by   VARCHAR(64) NOT NULL,
    PRIMARY KEY (call_date, retailer_code, product_code)
);
CREATE INDEX unmet_demand_product_idx ON unmet_demand (call_date, product_code);
