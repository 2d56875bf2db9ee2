package jp.systemgear.ec.importer.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import jp.systemgear.ec.common.error.ApiException;
import jp.systemgear.ec.common.error.ErrorCode;
import jp.systemgear.ec.importer.reading.ExtractedRow;
import jp.systemgear.ec.importer.reading.FileEncoding;
import jp.systemgear.ec.importer.reading.ReadProfile;
import jp.systemgear.ec.importer.reading.SupplierFileReader;
import jp.systemgear.ec.importer.reading.UnreadableFileException;

/** The first rows of a file as its profile reads them, before anything is imported. Blocking. */
@ApplicationScoped
public class PreviewService {

    public record Preview(String profileEncoding, String detectedEncoding, boolean encodingMismatch,
            List<String> headers, List<ExtractedRow> rows, int errors) {
    }

    /** A profile in the wrong encoding shows as a missing header: say what the bytes look like. */
    private static String encodingHint(Path file, ReadProfile profile) {
        try {
            FileEncoding detected = FileEncoding.detect(file);
            return detected != null && detected.charset() != profile.encodingValue().charset()
                    ? "; the file looks like " + detected.label() + ", the profile says " + profile.encodingValue().label()
                    : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    public Preview preview(Path file, ReadProfile profile, int maxRows) {
        try (SupplierFileReader reader = SupplierFileReader.open(file, profile)) {
            List<ExtractedRow> rows = new ArrayList<>();
            int errors = 0;
            ExtractedRow row;
            while (rows.size() < maxRows && (row = reader.next()) != null) {
                rows.add(row);
                if (!row.isOk()) {
                    errors++;
                }
            }
            FileEncoding detected = reader.detectedEncoding();
            FileEncoding declared = profile.encodingValue();
            boolean mismatch = detected != null && detected.charset() != declared.charset();
            return new Preview(declared.label(), detected == null ? null : detected.label(), mismatch,
                    reader.headers(), rows, errors);
        } catch (UnreadableFileException e) {
            throw new ApiException(ErrorCode.FILE_UPLOAD_ERROR, e.getMessage() + encodingHint(file, profile));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("profile", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
