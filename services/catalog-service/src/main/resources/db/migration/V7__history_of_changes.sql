-- A first import writes a stock row per product; it no longer writes a history row per product as well
-- (docs/ARCHITECTURE.md, "Stock history"). History holds the changes of rows that existed (apply,
-- missing-items policy, undo), each with the values, run and import date it replaced; a row a run
-- creates carries that run and date itself until its first change, whose history row then keeps them.
-- Undo finds the rows a run created as that run's stock rows without a history row of it.

-- Supplier-scoped reads take all of a supplier's rows (apply pairs them, the missing-items policy,
-- exports): a block-range index serves them, where a b-tree entry per row cost a million-row insert
-- about a tenth of its time. A supplier's rows are written a file at a time, so its ranges are narrow;
-- as updates move rows the ranges widen, and a read is at worst the table scan it was without an index.
-- (changedSince keeps its b-tree on updated_at: every update moves that column, which no block range
-- can follow.)
drop index stock_supplier_idx;
create index stock_supplier_brin on stock using brin (supplier_id);
