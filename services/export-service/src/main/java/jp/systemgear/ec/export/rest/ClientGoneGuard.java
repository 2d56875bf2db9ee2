package jp.systemgear.ec.export.rest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * Fails writes once the client has disconnected. Why: Quarkus REST's response stream accepts (and
 * drops) writes after the connection is closed, so without this a hung-up export would read its whole
 * cursor to the end, holding a connection and a snapshot for nothing (LargeStockExportTest proves it).
 * The writers above flush in blocks of a few KB, so the check costs one volatile read per block.
 */
final class ClientGoneGuard extends FilterOutputStream {

    private final BooleanSupplier clientGone;

    ClientGoneGuard(OutputStream out, BooleanSupplier clientGone) {
        super(out);
        this.clientGone = clientGone;
    }

    @Override
    public void write(int b) throws IOException {
        check();
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check();
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        check();
        out.flush();
    }

    private void check() throws IOException {
        if (clientGone.getAsBoolean()) {
            throw new IOException("client disconnected");
        }
    }
}
