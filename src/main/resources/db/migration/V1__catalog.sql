-- Master data shared by the four processes. Quantities in whole cartons, money in yuan (2 decimals).

CREATE TABLE region (
    code        VARCHAR(8)   PRIMARY KEY,
    name        VARCHAR(50)  NOT NULL
);

CREATE TABLE manufacturer (
    code          VARCHAR(16)  PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    province      VARCHAR(20)  NOT NULL,
    service_class CHAR(1)      NOT NULL CHECK (service_class IN ('A', 'B', 'C'))
);

CREATE TABLE product (
    code              VARCHAR(16)   PRIMARY KEY,
    name              VARCHAR(100)  NOT NULL,
    brand             VARCHAR(50)   NOT NULL,
    manufacturer_code VARCHAR(16)   NOT NULL REFERENCES manufacturer (code),
    allocation_price  NUMERIC(12, 2) NOT NULL CHECK (allocation_price > 0),
    wholesale_price   NUMERIC(12, 2) NOT NULL CHECK (wholesale_price > 0),
    retail_price      NUMERIC(12, 2) NOT NULL CHECK (retail_price > 0),
    status            VARCHAR(16)   NOT NULL CHECK (status IN ('ACTIVE', 'DISCONTINUED'))
);
CREATE INDEX product_manufacturer_idx ON product (manufacturer_code);
CREATE INDEX product_brand_idx ON product (brand);

CREATE TABLE retailer (
    code        VARCHAR(16)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    region_code VARCHAR(8)   NOT NULL REFERENCES region (code),
    market_type VARCHAR(8)   NOT NULL CHECK (market_type IN ('URBAN', 'TOWN', 'RURAL')),
    tier        SMALLINT     NOT NULL CHECK (tier BETWEEN 1 AND 30),
    status      VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED'))
);
CREATE INDEX retailer_region_tier_idx ON retailer (region_code, tier);
CREATE INDEX retailer_tier_idx ON retailer (tier);

CREATE TABLE stock (
    product_code VARCHAR(16) PRIMARY KEY REFERENCES product (code),
    on_hand      INTEGER     NOT NULL CHECK (on_hand >= 0),
    in_transit   INTEGER     NOT NULL CHECK (in_transit >= 0),
    warning_days INTEGER     NOT NULL DEFAULT 7 CHECK (warning_days > 0)
);

CREATE TABLE daily_sales (
    product_code VARCHAR(16) NOT NULL REFERENCES product (code),
    sales_date   DATE        NOT NULL,
    cartons      INTEGER     NOT NULL CHECK (cartons >= 0),
    PRIMARY KEY (product_code, sales_date)
);
CREATE INDEX daily_sales_date_idx ON daily_sales (sales_date);
