-- An approved plan opens one contract per manufacturer; two starts racing for the same pair fail on
-- this index instead of both succeeding. Contracts started by hand have no plan (NULLs do not clash).
CREATE UNIQUE INDEX contract_plan_manufacturer_uq ON contract (plan_number, manufacturer_code);
