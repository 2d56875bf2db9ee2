-- Whether every mapped SKU of the run is on one row only, as the parse saw it (SkuUniqueness): the guard
-- then pairs the run's rows with stock without first sorting them to keep the last line per SKU.
-- false: a SKU repeats, or it is not known (runs staged before this column, or too many SKUs to track).
alter table import_run add column skus_unique boolean not null default false;
