package jp.systemgear.ec.importer.reading;

import java.io.IOException;

/**
 * Reads a supplier file record by record with bounded memory, whatever its size. A record that
 * cannot be read comes back as a {@link RawRecord} with an error; only a file that cannot be read at
 * all (not the format it claims, hostile) fails as a whole, with {@link UnreadableFileException}.
 */
public interface RecordReader extends AutoCloseable {

    /** The next record, or null at the end of the file. */
    RawRecord next() throws IOException;

    @Override
    void close() throws IOException;
}
