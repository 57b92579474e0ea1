-- 品牌引入: a new product proposed by the supply manager, evaluated by the brand manager, reviewed by the
-- brand-planning head, approved by the director; approved, it enters the catalog as a new product and its
-- first order waits for the next purchase plan.
CREATE TABLE product_introduction (
    introduction_number VARCHAR(16)    PRIMARY KEY,
    manufacturer_code   VARCHAR(16)    NOT NULL REFERENCES manufacturer (code),
    brand               VARCHAR(50)    NOT NULL,
    product_name        VARCHAR(100)   NOT NULL,
    allocation_price    NUMERIC(12, 2) NOT NULL,
    wholesale_price     NUMERIC(12, 2) NOT NULL,
    retail_price        NUMERIC(12, 2) NOT NULL,
    monthly_volume      INTEGER        NOT NULL,
    target_tiers        VARCHAR(20)    NOT NULL,
    reason              VARCHAR(1000)  NOT NULL,
    drafter             VARCHAR(64)    NOT NULL,
    status              VARCHAR(12)    NOT NULL CHECK (status IN ('EVALUATING', 'REVIEWING', 'APPROVING', 'RETURNED', 'APPROVED', 'WITHDRAWN')),
    evaluation          VARCHAR(1000),
    evaluation_score    SMALLINT,
    product_code        VARCHAR(16),
    created_at          TIMESTAMP      NOT NULL
);

-- A new product's first order, until a purchase plan takes it up.
CREATE TABLE product_first_order (
    product_code  VARCHAR(16) PRIMARY KEY REFERENCES product (code),
    cartons       INTEGER     NOT NULL CHECK (cartons > 0),
    source        VARCHAR(20) NOT NULL,
    planned_in    VARCHAR(20)
);
