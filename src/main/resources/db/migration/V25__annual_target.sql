-- 年度經營目標: the year's targets the director drafts and the executive approves; an approved version
-- is frozen, and a mid-year revision is a new version of the same year through the same approval.
CREATE TABLE annual_target (
    target_number    VARCHAR(20)   PRIMARY KEY,
    target_year      INTEGER       NOT NULL,
    version          INTEGER       NOT NULL,
    cartons          BIGINT        NOT NULL CHECK (cartons > 0),
    sales_amount     DECIMAL(16,2) NOT NULL CHECK (sales_amount > 0),
    gross_margin     DECIMAL(5,2)  NOT NULL CHECK (gross_margin > 0 AND gross_margin < 100),
    premium_share    DECIMAL(5,2)  NOT NULL CHECK (premium_share >= 0 AND premium_share <= 100),
    active_retailers INTEGER       NOT NULL CHECK (active_retailers > 0),
    note             VARCHAR(1000),
    drafter          VARCHAR(64)   NOT NULL,
    status           VARCHAR(12)   NOT NULL CHECK (status IN ('SUBMITTED', 'RETURNED', 'APPROVED', 'SUPERSEDED', 'WITHDRAWN')),
    created_at       TIMESTAMP     NOT NULL,
    approved_at      TIMESTAMP,
    UNIQUE (target_year, version)
);
