-- A price change approved through a price proposal becomes a notice for the seats to read (價格資訊通知、
-- 傳遞至電訪部); the notice names the price-history row it came from, so it is made once.
ALTER TABLE call_notice ADD COLUMN source VARCHAR(40);
CREATE UNIQUE INDEX call_notice_source_idx ON call_notice (source);
