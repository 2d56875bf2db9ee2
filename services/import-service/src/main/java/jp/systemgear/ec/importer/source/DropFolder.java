package jp.systemgear.ec.importer.source;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import jp.systemgear.ec.importer.client.SupplierDocument;

/**
 * The drop folder on disk, without the database: which files are complete, claiming one by an atomic
 * rename, and the final move. Layout under INPUT_DIR:
 * <pre>
 * &lt;folder&gt;/name.csv                     a supplier's file as dropped (folder = source.folder, default the code)
 * .claimed/&lt;code&gt;/c-&lt;ms&gt;-&lt;rand&gt;_name.csv   claimed by a replica, no run yet (taken over after IMPORT_STALE_AFTER)
 * .claimed/&lt;code&gt;/r-&lt;runId&gt;-&lt;rand&gt;_name.csv   claimed, waiting for its run to end
 * </pre>
 * then PROCESSED_DIR or ERROR_DIR as {@code <runId>_name.csv}. A rename within one file system is atomic:
 * of two replicas renaming the same file, one succeeds and the other finds it gone, so a file is taken
 * once; it never goes back to its folder, so it is never taken twice. One instance per replica (its memory
 * of what it saw is its own).
 */
public class DropFolder {

    private static final Logger LOG = Logger.getLogger(DropFolder.class);
    static final String CLAIMED = ".claimed";

    /** A file seen in a supplier's folder: complete once unchanged across two looks {@code settle} apart. */
    record Seen(long size, long mtimeMillis, Instant firstSeen) {
    }

    /** A file this replica holds in the claim folder, with the name it was dropped under. */
    public record Claimed(Path path, String supplierCode, String originalName) {
    }

    /** A claimed file that waits for its run. */
    public record Waiting(Path path, long runId, String originalName) {
    }

    private final Path input;
    private final Path processed;
    private final Path error;
    private final Duration settle;
    private final Clock clock;
    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();

    public DropFolder(Path input, Path processed, Path error, Duration settle, Clock clock) {
        this.input = input.toAbsolutePath().normalize();
        this.processed = processed;
        this.error = error;
        this.settle = settle;
        this.clock = clock;
    }

    public Duration settle() {
        return settle;
    }

    /** The supplier's folder under INPUT_DIR, or empty (logged) when its setting would leave INPUT_DIR. */
    public Optional<Path> folderOf(SupplierDocument supplier) {
        String folder = supplier.source() == null || supplier.source().folder() == null
                || supplier.source().folder().isBlank() ? supplier.code() : supplier.source().folder();
        Path dir = input.resolve(folder).normalize();
        if (folder.startsWith("/") || folder.contains("..") || !dir.startsWith(input) || dir.equals(input)
                || input.relativize(dir).getName(0).toString().startsWith(".")) {
            LOG.warnf("Supplier %s: drop folder '%s' is not a folder under INPUT_DIR; skipped", supplier.code(), folder);
            return Optional.empty();
        }
        return Optional.of(dir);
    }

    static PathMatcher matcher(SupplierDocument supplier) {
        String pattern = supplier.source() == null || supplier.source().filePattern() == null
                || supplier.source().filePattern().isBlank() ? "*" : supplier.source().filePattern();
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }

    /** Temporary and hidden files are never taken: writers upload under such names and rename when done. */
    static boolean ignored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || lower.endsWith(".part") || lower.endsWith(".tmp");
    }

    /**
     * One look at the supplier's folder: the files that match, are not ignored, and were the same (size and
     * mtime) at a look at least IMPORT_DROP_SETTLE ago, oldest first. Others are remembered for the next look.
     */
    public List<Path> complete(SupplierDocument supplier) {
        Optional<Path> folder = folderOf(supplier);
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return List.of();
        }
        PathMatcher matcher = matcher(supplier);
        Instant now = clock.instant();
        record Candidate(Path path, long mtime) {
        }
        List<Candidate> ready = new ArrayList<>();
        java.util.Set<Path> present = new java.util.HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder.get())) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (ignored(name) || !matcher.matches(file.getFileName())) {
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (!attrs.isRegularFile()) {
                    continue; // folders, and symbolic links that could point anywhere
                }
                present.add(file);
                long mtime = attrs.lastModifiedTime().toMillis();
                Seen before = seen.get(file);
                if (before != null && before.size() == attrs.size() && before.mtimeMillis() == mtime) {
                    if (!before.firstSeen().plus(settle).isAfter(now)) {
                        ready.add(new Candidate(file, mtime));
                    }
                } else {
                    seen.put(file, new Seen(attrs.size(), mtime, now));
                }
            }
        } catch (IOException e) {
            LOG.warnf("Supplier %s: cannot list %s: %s", supplier.code(), folder.get(), e.getMessage());
            return List.of();
        }
        seen.keySet().removeIf(p -> p.getParent().equals(folder.get()) && !present.contains(p));
        return ready.stream().sorted(Comparator.comparingLong(Candidate::mtime).thenComparing(c -> c.path()
                .getFileName().toString())).map(Candidate::path).toList();
    }

    /** True when the folder has files that may become complete (seen once, not yet settled). */
    public boolean hasPending(SupplierDocument supplier) {
        Optional<Path> folder = folderOf(supplier);
        return folder.isPresent() && seen.keySet().stream().anyMatch(p -> p.getParent().equals(folder.get()));
    }

    /** Claims the file by an atomic rename into the claim folder; empty when another replica was first. */
    public Optional<Claimed> claim(String supplierCode, Path file) throws IOException {
        String original = file.getFileName().toString();
        Path dir = Files.createDirectories(claimDir(supplierCode));
        Path target = dir.resolve("c-" + clock.millis() + "-" + UUID.randomUUID().toString().substring(0, 8) + "_"
                + original);
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            seen.remove(file);
            return Optional.empty();
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("INPUT_DIR's claim folder must be on the same file system as the supplier folders",
                    e);
        }
        seen.remove(file);
        return Optional.of(new Claimed(target, supplierCode, original));
    }

    /**
     * Claims given up (a replica died between claiming and recording the run), older than {@code staleAfter}:
     * claimed again by a rename, so only one replica takes each over.
     */
    public List<Claimed> reclaimStale(Duration staleAfter) throws IOException {
        List<Claimed> taken = new ArrayList<>();
        Path root = input.resolve(CLAIMED);
        if (!Files.isDirectory(root)) {
            return taken;
        }
        long before = clock.millis() - staleAfter.toMillis();
        try (DirectoryStream<Path> suppliers = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : suppliers) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "c-*")) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        int cut = name.indexOf('_');
                        String[] stamp = name.substring(2, cut < 0 ? name.length() : cut).split("-");
                        if (cut < 0 || stamp.length != 2 || !stamp[0].matches("\\d+")
                                || Long.parseLong(stamp[0]) > before) {
                            continue;
                        }
                        String supplier = dir.getFileName().toString();
                        Path target = dir.resolve("c-" + clock.millis() + "-" + UUID.randomUUID().toString()
                                .substring(0, 8) + "_" + name.substring(cut + 1));
                        try {
                            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                            LOG.warnf("Drop folder: %s of %s was claimed but never became a run; taking it over",
                                    name.substring(cut + 1), supplier);
                            taken.add(new Claimed(target, supplier, name.substring(cut + 1)));
                        } catch (NoSuchFileException e) {
                            // Another replica took it over.
                        }
                    }
                }
            }
        }
        return taken;
    }

    /** The claimed file now waits for run {@code runId} to end. */
    public Waiting waitFor(Claimed claimed, long runId) throws IOException {
        Path target = claimed.path().resolveSibling("r-" + runId + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "_" + claimed.originalName());
        Files.move(claimed.path(), target, StandardCopyOption.ATOMIC_MOVE);
        return new Waiting(target, runId, claimed.originalName());
    }

    /** Every claimed file waiting for a run, whatever its supplier's settings are now. */
    public List<Waiting> waiting() throws IOException {
        List<Waiting> result = new ArrayList<>();
        Path root = input.resolve(CLAIMED);
        if (!Files.isDirectory(root)) {
            return result;
        }
        try (DirectoryStream<Path> suppliers = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : suppliers) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "r-*")) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        int cut = name.indexOf('_');
                        int dash = name.indexOf('-', 2);
                        if (cut > 2 && dash > 2 && dash < cut && name.substring(2, dash).matches("\\d{1,18}")) {
                            result.add(new Waiting(file, Long.parseLong(name.substring(2, dash)),
                                    name.substring(cut + 1)));
                        }
                    }
                }
            }
        }
        return result;
    }

    /**
     * Moves a file whose run ended to PROCESSED_DIR (committed) or ERROR_DIR as {@code <runId>_<name>}
     * (with a counter before the name if that exists: never overwritten). Across file systems the copy is
     * written under a dot name and renamed, so nobody sees half a file.
     */
    public Path finish(Waiting file, boolean succeeded) throws IOException {
        Path dir = Files.createDirectories(succeeded ? processed : error);
        Path target = dir.resolve(file.runId() + "_" + file.originalName());
        for (int k = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); k++) {
            target = dir.resolve(file.runId() + "_" + k + "_" + file.originalName());
        }
        try {
            Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Path part = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
            try {
                Files.copy(file.path(), part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException failed) {
                Files.deleteIfExists(part);
                throw failed;
            }
            Files.delete(file.path());
        }
        return target;
    }

    /**
     * A copy of the claimed file where UploadService takes it from (it moves its input into the store):
     * a hard link when UPLOAD_DIR shares INPUT_DIR's file system, else a copy. The claimed file stays for
     * the final move.
     */
    public static Path stagedCopy(Path claimed, Path stagingDir) throws IOException {
        Files.createDirectories(stagingDir);
        Path copy = stagingDir.resolve(UUID.randomUUID() + ".drop");
        try {
            Files.createLink(copy, claimed);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(claimed, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    Path claimDir(String supplierCode) {
        return input.resolve(CLAIMED).resolve(supplierCode);
    }
}
