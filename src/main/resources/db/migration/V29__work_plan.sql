-- 部門工作計畫: a department's plan for a month, approved by the director and reported on at month end.
CREATE TABLE work_plan (
    plan_number  VARCHAR(20)   PRIMARY KEY,
    department   VARCHAR(16)   NOT NULL,
    plan_month   VARCHAR(7)    NOT NULL,
    drafter      VARCHAR(64)   NOT NULL,
    status       VARCHAR(10)   NOT NULL CHECK (status IN ('SUBMITTED', 'RETURNED', 'APPROVED', 'WITHDRAWN', 'CLOSED')),
    note         VARCHAR(1000),
    created_at   TIMESTAMP     NOT NULL,
    approved_at  TIMESTAMP,
    closed_at    TIMESTAMP
);
CREATE INDEX work_plan_month_idx ON work_plan (plan_month, department);

CREATE TABLE work_plan_item (
    plan_number  VARCHAR(20)   NOT NULL REFERENCES work_plan (plan_number),
    item_no      INTEGER       NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    owner        VARCHAR(32)   NOT NULL,
    due_date     DATE          NOT NULL,
    done         BOOLEAN,
    remark       VARCHAR(500),
    PRIMARY KEY (plan_number, item_no)
);
