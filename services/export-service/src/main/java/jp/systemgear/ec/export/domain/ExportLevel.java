package jp.systemgear.ec.export.domain;

import java.util.List;

/**
 * Which catalog export view a request reads. The view names carry their contract version
 * (docs/ARCHITECTURE.md, "Stock export views"); the columns are listed here in output order, with the
 * name used in headers and JSON, the view column, and its kind (text cells are neutralised against
 * spreadsheet formulas and encoded; numbers and timestamps are written as they are).
 */
public enum ExportLevel {
    PRODUCT("catalog.availability_export_v1", "total_quantity", List.of(
            new Column("sku", "sku", Kind.TEXT),
            new Column("jan", "jan", Kind.TEXT),
            new Column("productName", "product_name", Kind.TEXT),
            new Column("quantity", "total_quantity", Kind.INTEGER),
            new Column("bestUnitCost", "best_unit_cost", Kind.DECIMAL),
            new Column("suppliers", "supplier_count", Kind.INTEGER),
            new Column("updatedAt", "updated_at", Kind.TIMESTAMP))),
    SUPPLIER("catalog.stock_export_v1", "quantity", List.of(
            new Column("sku", "sku", Kind.TEXT),
            new Column("jan", "jan", Kind.TEXT),
            new Column("productName", "product_name", Kind.TEXT),
            new Column("supplierCode", "supplier_code", Kind.TEXT),
            new Column("supplierActive", "supplier_active", Kind.BOOLEAN),
            new Column("quantity", "quantity", Kind.INTEGER),
            new Column("unitCost", "unit_cost", Kind.DECIMAL),
            new Column("discontinued", "discontinued", Kind.BOOLEAN),
            new Column("importDate", "import_date", Kind.DATE),
            new Column("updatedAt", "updated_at", Kind.TIMESTAMP)));

    public enum Kind {
        TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP
    }

    public record Column(String name, String sqlName, Kind kind) {
    }

    public final String view;
    /** The view's quantity column, for the in-stock filter. */
    public final String quantityColumn;
    public final List<Column> columns;

    ExportLevel(String view, String quantityColumn, List<Column> columns) {
        this.view = view;
        this.quantityColumn = quantityColumn;
        this.columns = columns;
    }
}
