-- What makes a product the apply step may create from a run's row (apply with createProducts): the
-- product API's rules (ProductRequest), a SKU of its shape and a name of 1 to 300 characters. One
-- definition for ApplySql.CREATE_PRODUCTS and, as part of catalog's contract like the export views,
-- for import-service's dry-run count of products to create (StockDiffQuery). One immutable SQL
-- expression, so the planner inlines it.
create function creatable_product(sku text, name text) returns boolean
    language sql immutable parallel safe as $$
    select sku ~ '^[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}$' and name is not null and char_length(name) between 1 and 300
$$;
