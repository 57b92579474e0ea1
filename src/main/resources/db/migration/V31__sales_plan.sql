-- 月度銷售計畫: per product the system's proposal and the planned quantity (a reason where it differs by
-- more than 10 %), its split over the sales units (the 8 regions and 集團客戶部), and each region's
-- acknowledgement of its targets.
CREATE TABLE sales_plan (
    plan_number   VARCHAR(12)   PRIMARY KEY,
    plan_month    VARCHAR(7)    NOT NULL UNIQUE,
    status        VARCHAR(10)   NOT NULL CHECK (status IN ('DRAFTING', 'SPLITTING', 'REVIEWING', 'APPROVING', 'APPROVED', 'WITHDRAWN')),
    drafter       VARCHAR(64)   NOT NULL,
    splitter      VARCHAR(64),
    target_number VARCHAR(20),
    basis         VARCHAR(500)  NOT NULL,
    note          VARCHAR(1000),
    version       INTEGER       NOT NULL DEFAULT 0,
    created_at    TIMESTAMP     NOT NULL,
    approved_at   TIMESTAMP
);

CREATE TABLE sales_plan_line (
    plan_number   VARCHAR(12)   NOT NULL REFERENCES sales_plan (plan_number),
    product_code  VARCHAR(16)   NOT NULL REFERENCES product (code),
    last_year     INTEGER       NOT NULL,
    proposed      INTEGER       NOT NULL CHECK (proposed >= 0),
    planned       INTEGER       NOT NULL CHECK (planned >= 0),
    capped        BOOLEAN       NOT NULL,
    reason        VARCHAR(300),
    PRIMARY KEY (plan_number, product_code)
);

CREATE TABLE sales_plan_split (
    plan_number   VARCHAR(12)   NOT NULL REFERENCES sales_plan (plan_number),
    product_code  VARCHAR(16)   NOT NULL REFERENCES product (code),
    unit_code     VARCHAR(8)    NOT NULL,
    cartons       INTEGER       NOT NULL CHECK (cartons >= 0),
    PRIMARY KEY (plan_number, product_code, unit_code)
);

CREATE TABLE sales_plan_ack (
    plan_number   VARCHAR(12)   NOT NULL REFERENCES sales_plan (plan_number),
    unit_code     VARCHAR(8)    NOT NULL,
    acknowledged_by VARCHAR(64) NOT NULL,
    acknowledged_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (plan_number, unit_code)
);
