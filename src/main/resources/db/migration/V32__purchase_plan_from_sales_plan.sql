-- A purchase plan proposed from the month's approved sales plan names it; per product the plan keeps
-- both suggestions: from the 28-day forecast and from the sales plan (with the planned sales behind it).
ALTER TABLE purchase_plan ADD COLUMN sales_plan_number VARCHAR(12);

CREATE TABLE purchase_plan_basis (
    plan_number          VARCHAR(20) NOT NULL,
    product_code         VARCHAR(16) NOT NULL,
    forecast_suggested   INTEGER     NOT NULL,
    planned_sales        INTEGER,
    sales_plan_suggested INTEGER,
    PRIMARY KEY (plan_number, product_code)
);
