package dev.gallerykit.testkit.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Input streams for the blob store contract: generated, failing, and ones that remember being closed. */
final class Streams {

    private Streams() {
    }

    /** {@code size} pseudo-random bytes, the same for the same seed, made as they are read. */
    static InputStream generated(long size, long seed) {
        return new InputStream() {
            private long remaining = size;
            private long state = seed;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (remaining == 0) {
                    return -1;
                }
                int count = (int) Math.min(length, remaining);
                for (int i = 0; i < count; i++) {
                    state = state * 6364136223846793005L + 1442695040888963407L;
                    buffer[offset + i] = (byte) (state >>> 56);
                }
                remaining -= count;
                return count;
            }
        };
    }

    /** Gives {@code bytes} bytes, then fails like a dropped connection. */
    static InputStream failingAfter(int bytes) {
        InputStream head = generated(bytes, 7);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int next = head.read();
                if (next < 0) {
                    throw new IOException("connection reset by the test");
                }
                return next;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = head.read(buffer, offset, length);
                if (count < 0) {
                    throw new IOException("connection reset by the test");
                }
                return count;
            }
        };
    }

    /** A stream of {@code bytes} that records whether it was closed. */
    static final class Tracked extends ByteArrayInputStream {
        private boolean closed;

        Tracked(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() {
            closed = true;
        }

        boolean closed() {
            return closed;
        }
    }

    static String sha256(InputStream in) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
                digest.update(buffer, 0, count);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
