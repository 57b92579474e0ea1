-- 貨源調整建議: what the general administrator proposes from the supply-state report, with the figures
-- it was based on, and the shortage case the supply manager started from it.
CREATE TABLE supply_adjustment (
    adjustment_number VARCHAR(20)   PRIMARY KEY,
    product_code      VARCHAR(16)   NOT NULL REFERENCES product (code),
    supply_state      VARCHAR(10)   NOT NULL,
    stock             INTEGER       NOT NULL,
    ordered           INTEGER       NOT NULL,
    unmet             INTEGER       NOT NULL,
    action            VARCHAR(16)   NOT NULL CHECK (action IN ('MORE_PURCHASE', 'LESS_PURCHASE', 'LIMIT', 'OTHER')),
    reason            VARCHAR(500)  NOT NULL,
    proposed_by       VARCHAR(64)   NOT NULL,
    proposed_at       TIMESTAMP     NOT NULL,
    shortage_case     VARCHAR(32),
    followed_by       VARCHAR(64),
    followed_at       TIMESTAMP
);
CREATE INDEX supply_adjustment_product_idx ON supply_adjustment (product_code, proposed_at);
