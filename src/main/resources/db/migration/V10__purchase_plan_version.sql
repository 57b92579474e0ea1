-- Optimistic version of a plan: an edit of the lines that raced with the plan's submission is
-- refused instead of being applied after it.
ALTER TABLE purchase_plan ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
