package jp.systemgear.ec.tools.localpg;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalPostgresOptionsTest {

    @Test
    void defaultsApplyWhenOnlyTheDataDirIsGiven() {
        LocalPostgresOptions options = LocalPostgresOptions.parse("--data-dir", "pgdata");

        assertEquals(Path.of("pgdata").toAbsolutePath().normalize(), options.dataDir());
        assertEquals(15432, options.port());
        assertEquals("system_gear_ec", options.database());
        assertFalse(options.reset());
    }

    @Test
    void acceptsSeparateAndInlineValues() {
        LocalPostgresOptions options = LocalPostgresOptions.parse("--data-dir=/tmp/x/../pg", "--port", "25432", "--reset",
                "--database=other_db");

        assertEquals(Path.of("/tmp/pg"), options.dataDir());
        assertEquals(25432, options.port());
        assertEquals("other_db", options.database());
        assertTrue(options.reset());
    }

    @Test
    void rejectsWrongArgumentsWithAMessageNamingThem() {
        assertEquals("--data-dir is required",
                assertThrows(IllegalArgumentException.class, () -> LocalPostgresOptions.parse("--port", "1")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LocalPostgresOptions.parse("--data-dir", "d", "--port", "70000")).getMessage().contains("70000"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LocalPostgresOptions.parse("--data-dir", "d", "--port", "x")).getMessage().contains("'x'"));
        assertEquals("--port needs a value",
                assertThrows(IllegalArgumentException.class, () -> LocalPostgresOptions.parse("--data-dir", "d", "--port")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LocalPostgresOptions.parse("--data-dir", "d", "--bogus")).getMessage().contains("--bogus"));
    }

    @Test
    void databaseNameMustBeAPlainIdentifierBecauseItIsSplicedIntoSql() {
        assertThrows(IllegalArgumentException.class,
                () -> LocalPostgresOptions.parse("--data-dir", "d", "--database", "x\"; DROP DATABASE postgres; --"));
    }

    @Test
    void helpNeedsNoOtherArgument() {
        assertTrue(LocalPostgresOptions.parse("--help").help());
    }
}
