-- 督辦: a region running more than 10 % behind its month's plan is asked for its measures; the answer is
-- kept with the plan.
CREATE TABLE sales_plan_follow_up (
    follow_up_number VARCHAR(16)   PRIMARY KEY,
    plan_number      VARCHAR(12)   NOT NULL REFERENCES sales_plan (plan_number),
    unit_code        VARCHAR(8)    NOT NULL,
    planned          BIGINT        NOT NULL,
    actual           BIGINT        NOT NULL,
    projected        BIGINT        NOT NULL,
    requested_by     VARCHAR(64)   NOT NULL,
    requested_at     TIMESTAMP     NOT NULL,
    note             VARCHAR(500),
    answer           VARCHAR(1000),
    answered_by      VARCHAR(64),
    answered_at      TIMESTAMP,
    reminded_at      TIMESTAMP
);
CREATE INDEX sales_plan_follow_up_plan_idx ON sales_plan_follow_up (plan_number, unit_code);
