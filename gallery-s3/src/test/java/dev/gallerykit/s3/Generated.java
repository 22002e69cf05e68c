package dev.gallerykit.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Streams for the tests: pseudo-random bytes made as they are read, optionally failing part way. */
final class Generated {

    private Generated() {
    }

    /** {@code size} bytes, the same for the same seed. */
    static InputStream bytes(long size, long seed) {
        return failingAfter(size, seed, false);
    }

    /** {@code size} bytes, then an IOException as from a dropped connection. */
    static InputStream failingAfter(long size, long seed) {
        return failingAfter(size, seed, true);
    }

    private static InputStream failingAfter(long size, long seed, boolean fail) {
        return new InputStream() {
            private long remaining = size;
            private long state = seed;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (remaining == 0) {
                    if (fail) {
                        throw new IOException("connection reset by the test");
                    }
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

    static String sha256(InputStream in) {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
                digest.update(buffer, 0, count);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
