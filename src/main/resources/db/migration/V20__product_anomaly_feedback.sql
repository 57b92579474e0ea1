-- A product anomaly a clerk notes opens a feedback case for the general administrator, with or without
-- a retailer who reported it; the event keeps the case's number.
ALTER TABLE retailer_feedback ALTER COLUMN retailer_code DROP NOT NULL;
ALTER TABLE special_event ADD COLUMN feedback_number VARCHAR(20) REFERENCES retailer_feedback (feedback_number);
