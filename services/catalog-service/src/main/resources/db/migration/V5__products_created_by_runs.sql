-- Bulk product creation through the import pipeline (docs/ARCHITECTURE.md, "Apply"): an apply asked
-- with createProducts inserts the products its staged rows name that do not exist yet, in the apply's
-- own transaction; the record of the run says how many. Undo leaves them: they are catalog entries.
alter table applied_run add column rows_products_created integer not null default 0;

comment on column applied_run.rows_products_created is
    'Products the apply created from the run''s staged rows (SKU, JAN, name); kept when the run is undone';
