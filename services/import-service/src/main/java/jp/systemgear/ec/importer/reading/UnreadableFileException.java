package jp.systemgear.ec.importer.reading;

/** The file as a whole cannot be read: wrong type, corrupt container, or hostile content. */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
