package jp.systemgear.ec.tools.localpg;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Command line of {@link LocalPostgres}: {@code --data-dir DIR [--port N] [--database NAME] [--reset]}.
 * Both {@code --name value} and {@code --name=value} are accepted.
 */
record LocalPostgresOptions(Path dataDir, int port, String database, boolean reset, boolean help) {

    static final int DEFAULT_PORT = 15432;
    static final String DEFAULT_DATABASE = "system_gear_ec";

    /** Database names are spliced into CREATE DATABASE, so only plain identifiers are allowed. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    static final String USAGE = """
            usage: LocalPostgres --data-dir DIR [--port N] [--database NAME] [--reset]
              --data-dir DIR    PostgreSQL data directory, kept between runs (created and initialised if empty)
              --port N          TCP port on localhost (default %d)
              --database NAME   database created if missing (default %s); user postgres, no password
              --reset           delete DIR first and start from an empty cluster
            Prints 'LOCAL_POSTGRES_READY port=N' when ready; stops PostgreSQL on SIGTERM/SIGINT."""
            .formatted(DEFAULT_PORT, DEFAULT_DATABASE);

    /**
     * @throws IllegalArgumentException with a message fit for the user when the arguments are wrong
     */
    static LocalPostgresOptions parse(String... args) {
        Path dataDir = null;
        int port = DEFAULT_PORT;
        String database = DEFAULT_DATABASE;
        boolean reset = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                inlineValue = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            }
            switch (arg) {
                case "--help", "-h" -> {
                    return new LocalPostgresOptions(null, port, database, false, true);
                }
                case "--reset" -> {
                    if (inlineValue != null) {
                        throw new IllegalArgumentException("--reset takes no value");
                    }
                    reset = true;
                }
                case "--data-dir" -> {
                    String value = inlineValue != null ? inlineValue : next(args, ++i, arg);
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--data-dir must not be empty");
                    }
                    dataDir = Path.of(value).toAbsolutePath().normalize();
                }
                case "--port" -> port = parsePort(inlineValue != null ? inlineValue : next(args, ++i, arg));
                case "--database" -> {
                    database = inlineValue != null ? inlineValue : next(args, ++i, arg);
                    if (!DATABASE_NAME.matcher(database).matches()) {
                        throw new IllegalArgumentException("--database must be a plain identifier ([A-Za-z_][A-Za-z0-9_]*), got '"
                                + database + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir is required");
        }
        return new LocalPostgresOptions(dataDir, port, database, reset, false);
    }

    private static String next(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, got '" + value + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 1 and 65535, got " + port);
        }
        return port;
    }
}
