package jp.systemgear.ec.importer.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.importer.config.ImportConfig;
import jp.systemgear.ec.importer.reading.ContentSniffer;

/**
 * Keeps received files in UPLOAD_DIR: decides their type from content, hashes them, and names them
 * by run id. Blocking file I/O: callers run it on a worker thread.
 */
@ApplicationScoped
public class FileStore {

    private static final Logger LOG = Logger.getLogger(FileStore.class);

    private final Path root;

    public FileStore(ImportConfig config) {
        this.root = Path.of(config.dirs().upload());
    }

    /** Moves a received temporary file into the store; refuses what is not a supplier file. */
    public StoredFile accept(Path received, String clientFileName, String supplierCode) {
        try {
            ContentSniffer.Kind kind = ContentSniffer.sniff(received);
            if (kind == ContentSniffer.Kind.BINARY) {
                // The runbook greps for these words.
                LOG.warnf("Invalid file type: '%s' for supplier %s is neither text nor an XLSX workbook",
                        clientFileName, supplierCode);
                throw new ApiException(ErrorCode.FILE_UPLOAD_ERROR,
                        "Invalid file type: the file is neither text (CSV, TSV, fixed width) nor an XLSX workbook");
            }
            Path incoming = Files.createDirectories(root.resolve("incoming"));
            Path target = incoming.resolve(UUID.randomUUID() + ".bin");
            Files.move(received, target, StandardCopyOption.ATOMIC_MOVE);
            return new StoredFile(target, sha256(target), Files.size(target), kind);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            throw new ApiException(ErrorCode.FILE_UPLOAD_ERROR, "UPLOAD_DIR must be on the same file system as "
                    + "the HTTP upload directory", java.util.List.of(), null, e);
        } catch (IOException e) {
            throw new ApiException(ErrorCode.FILE_UPLOAD_ERROR, "The file could not be stored (disk full or not "
                    + "writable?)", java.util.List.of(), null, e);
        }
    }

    /** Where a run's file is kept once assigned. */
    public Path runFile(long runId) {
        return root.resolve("runs").resolve(runId + ".bin");
    }

    /** Gives a stored file its run's name, where the pipeline and the error report find it. */
    public Path assign(StoredFile file, long runId) {
        try {
            Path runs = Files.createDirectories(root.resolve("runs"));
            Path target = runs.resolve(runId + ".bin");
            Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void discard(StoredFile file) {
        try {
            Files.deleteIfExists(file.path());
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", file.path(), e.getMessage());
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
