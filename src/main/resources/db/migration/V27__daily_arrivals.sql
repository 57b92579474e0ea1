-- Good cartons received per product and day: the purchases (購進) of the purchases-sales-stock report,
-- as daily_sales holds the sales. With both, the stock at the end of any past day is today's stock
-- less what arrived since plus what was sold since.
CREATE TABLE daily_arrivals (
    product_code VARCHAR(16) NOT NULL REFERENCES product (code),
    arrival_date DATE        NOT NULL,
    cartons      INTEGER     NOT NULL CHECK (cartons >= 0),
    PRIMARY KEY (product_code, arrival_date)
);
CREATE INDEX daily_arrivals_date_idx ON daily_arrivals (arrival_date);

-- Arrivals recorded before this table existed.
INSERT INTO daily_arrivals (product_code, arrival_date, cartons)
SELECT l.product_code, CAST(a.received_at AS DATE), SUM(l.cartons - l.damaged_cartons)
FROM contract_arrival_line l JOIN contract_arrival a ON a.id = l.arrival_id
GROUP BY l.product_code, CAST(a.received_at AS DATE);
