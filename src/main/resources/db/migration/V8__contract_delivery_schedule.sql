-- 交貨批次安排: the agreed delivery batches, drafted with the contract and changed by a schedule amendment.
ALTER TABLE contract ADD COLUMN delivery_schedule VARCHAR(1000);
ALTER TABLE contract_amendment ADD COLUMN new_delivery_schedule VARCHAR(1000);
