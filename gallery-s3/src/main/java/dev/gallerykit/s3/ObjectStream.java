package dev.gallerykit.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * The bytes of a {@code GetObject} answer. Closed before its end, it aborts the connection rather
 * than download the rest of a large object only to throw it away.
 */
final class ObjectStream extends FilterInputStream {

    private final ResponseInputStream<?> response;
    private boolean ended;

    ObjectStream(ResponseInputStream<?> response) {
        super(response);
        this.response = response;
    }

    @Override
    public int read() throws IOException {
        int next = super.read();
        ended |= next < 0;
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        ended |= count < 0;
        return count;
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            response.abort();
        }
        super.close();
    }
}
