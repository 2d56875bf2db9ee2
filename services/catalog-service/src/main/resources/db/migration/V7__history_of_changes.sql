-- A first import writes a stock row per product; it no longer writes a history row per product as well
-- (docs/ARCHITECTURE.md, "Stock history"). History holds the changes of rows that existed (apply,
-- missing-items policy, undo), each with the values, run and import date it replaced; a row a run
-- creates carries that run and date itself until its first change, whose history row then keeps them.
-- Undo finds the rows a run created as that run's stock rows without a history row of it.

-- Supplier-scoped reads scan a supplier's rows (apply pairs them all, the missing-items policy, exports):
-- a block-range index serves them, and is what a million-row insert can afford (each b-tree entry cost as
-- much as a tenth of the insert). Rows are written a supplier's file at a time, so ranges stay narrow.
drop index stock_supplier_idx;
create index stock_supplier_brin on stock using brin (supplier_id);
-- changedSince reads rows changed after a moment: rows are written in time order, the same holds.
drop index stock_updated_at_idx;
create index stock_updated_at_brin on stock using brin (updated_at);
