-- import-service's own client calls catalog-service with the scope catalog:import (docs/SECURITY.md).
alter table service_client drop constraint service_client_scopes_ck;
alter table service_client add constraint service_client_scopes_ck
    check (scopes <@ array['import:trigger', 'export:read', 'catalog:import']::text[] and cardinality(scopes) > 0);
