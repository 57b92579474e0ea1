-- 品牌培育方案: the brand manager's plan for a brand with its manufacturer, approved by the director, with
-- goals per quarter; at each quarter's end the brand manager evaluates it against the actuals.
CREATE TABLE brand_cultivation (
    cultivation_number  VARCHAR(16)   PRIMARY KEY,
    brand               VARCHAR(50)   NOT NULL,
    manufacturer_code   VARCHAR(16)   NOT NULL REFERENCES manufacturer (code),
    plan_year           INTEGER       NOT NULL,
    measures            VARCHAR(2000) NOT NULL,
    manufacturer_support VARCHAR(1000),
    drafter             VARCHAR(64)   NOT NULL,
    status              VARCHAR(12)   NOT NULL CHECK (status IN ('APPROVING', 'RETURNED', 'IN_FORCE', 'COMPLETED', 'WITHDRAWN')),
    created_at          TIMESTAMP     NOT NULL
);
CREATE INDEX brand_cultivation_brand_idx ON brand_cultivation (brand);

-- One quarter's goals (coverage of active retailers, cartons, retail price realisation from the market
-- survey) and, once evaluated, the actuals and the brand manager's evaluation.
CREATE TABLE brand_cultivation_goal (
    cultivation_number  VARCHAR(16)   NOT NULL REFERENCES brand_cultivation (cultivation_number),
    quarter             SMALLINT      NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    coverage_percent    NUMERIC(5, 1) NOT NULL,
    cartons             INTEGER       NOT NULL,
    price_realisation   NUMERIC(5, 1) NOT NULL,
    actual_coverage     NUMERIC(5, 1),
    actual_cartons      INTEGER,
    actual_realisation  NUMERIC(5, 1),
    evaluation          VARCHAR(1000),
    evaluated_by        VARCHAR(64),
    evaluated_at        TIMESTAMP,
    PRIMARY KEY (cultivation_number, quarter)
);

-- 品牌推廣活動: a presentation, a fair or a promotion, proposed by the brand manager, reviewed by the
-- brand-planning head, approved by the director; four weeks after it the brand manager records its results.
CREATE TABLE brand_promotion (
    promotion_number    VARCHAR(16)    PRIMARY KEY,
    kind                VARCHAR(12)    NOT NULL CHECK (kind IN ('PRESENTATION', 'FAIR', 'PROMOTION')),
    brand               VARCHAR(50)    NOT NULL,
    products            VARCHAR(500)   NOT NULL,
    starts_on           DATE           NOT NULL,
    ends_on             DATE           NOT NULL,
    target_tiers        VARCHAR(20)    NOT NULL,
    regions             VARCHAR(200)   NOT NULL,
    budget              NUMERIC(14, 2) NOT NULL,
    manufacturer_share  NUMERIC(14, 2) NOT NULL,
    description         VARCHAR(1000)  NOT NULL,
    drafter             VARCHAR(64)    NOT NULL,
    status              VARCHAR(12)    NOT NULL CHECK (status IN ('REVIEWING', 'APPROVING', 'RETURNED', 'APPROVED', 'DONE', 'WITHDRAWN')),
    attendance          INTEGER,
    cartons_before      INTEGER,
    cartons_after       INTEGER,
    retailers_before    INTEGER,
    retailers_after     INTEGER,
    result_note         VARCHAR(1000),
    created_at          TIMESTAMP      NOT NULL
);
CREATE INDEX brand_promotion_brand_idx ON brand_promotion (brand);
