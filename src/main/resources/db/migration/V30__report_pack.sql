-- 月度報表: the month's reports as one workbook, compiled by the general administrator, reviewed by the
-- director and sent to the executive. The workbook is kept as compiled (base64), so what was sent stays
-- what it was even when later corrections change the figures.
CREATE TABLE report_pack (
    pack_number  VARCHAR(12)   PRIMARY KEY,
    pack_month   VARCHAR(7)    NOT NULL UNIQUE,
    status       VARCHAR(10)   NOT NULL CHECK (status IN ('COMPILING', 'SUBMITTED', 'RETURNED', 'SENT', 'READ')),
    summary      VARCHAR(4000),
    compiled_by  VARCHAR(64),
    compiled_at  TIMESTAMP,
    workbook     TEXT,
    opened_at    TIMESTAMP     NOT NULL,
    sent_at      TIMESTAMP,
    read_at      TIMESTAMP
);
