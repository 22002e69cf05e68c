package dev.gallerykit.internal.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An {@code ImageInputStream} over a file that reads it through a {@link FileChannel} in blocks of
 * {@value #BUFFER_SIZE} bytes. Decoders read a byte or eight at a time and seek back and forth
 * within a few bytes (TwelveMonkeys' WebP bit reader does both for every 8 bytes of the file);
 * {@code FileImageInputStream} turns each of those calls into a system call, this class serves
 * them from the block in memory. A seek only moves the position; a read outside the block loads
 * the block around it, with one positional read. Reads of at least a block go straight into
 * the caller's array.
 *
 * <p>Flushing keeps the contract of {@code ImageInputStream}: a position before the flushed one
 * can no longer be sought. The end of the file is where a read first finds it: bytes appended while
 * the stream is open may not be seen (the files given to the pipeline are complete). A decoder that
 * keeps reading at the end of the file is stopped: past {@value #MAX_READS_AT_END} such reads, a read
 * throws an {@link IIOException} instead of answering -1 (see {@link #MAX_READS_AT_END}). Not thread-safe,
 * as no {@code ImageInputStream} is. The class is public only so that the benchmarks, which run on
 * the class path, can compare it with the JDK's stream.
 */
public final class ChannelImageInputStream extends ImageInputStreamImpl {

    /** Large enough that a file of a few megabytes takes a few dozen reads, small enough to be free. */
    static final int BUFFER_SIZE = 64 * 1024;

    private final FileChannel channel;
    private final ByteBuffer buffer;
    /**
     * How far before the position a block starts: the WebP bit reader reads eight bytes ahead and
     * seeks back, which at a block's start would otherwise load the block again.
     */
    private final int lookBehind;
    /** The file position of the buffer's first byte; its valid bytes end at {@code buffer.limit()}. */
    private long bufferStart;
    /**
     * Where a read found the file to end, or -1 while none has. Decoders probe past the end and then
     * seek back; answering the probes from this keeps the last block instead of reading it again.
     */
    private long end = -1;

    /**
     * How many reads may find the end of the file before the stream refuses to answer. TwelveMonkeys'
     * WebP bit reader catches the {@code EOFException} of a read past the end and goes on with zero
     * bits, so a lossless bitstream that ends before its picture does decodes on, one exception per
     * pixel: a crafted 117-byte file declaring 160x3901 pixels took two seconds of stack traces (ten
     * times that under the fuzzer). A decoder of a whole file finds the end a handful of times.
     */
    static final int MAX_READS_AT_END = 1024;
    private int readsAtEnd;

    /**
     * Opens the file for reading.
     *
     * @throws IOException if the file cannot be opened
     */
    public ChannelImageInputStream(Path file) throws IOException {
        this(FileChannel.open(file, StandardOpenOption.READ), BUFFER_SIZE);
    }

    ChannelImageInputStream(FileChannel channel, int bufferSize) {
        if (bufferSize < 8) {
            throw new IllegalArgumentException("the buffer must hold at least 8 bytes, not " + bufferSize);
        }
        this.channel = channel;
        this.buffer = ByteBuffer.allocate(bufferSize).limit(0);
        this.lookBehind = Math.min(64, bufferSize / 4);
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (!buffered() && !fill()) {
            return atEnd();
        }
        int value = buffer.get((int) (streamPos - bufferStart)) & 0xff;
        streamPos++;
        return value;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        checkClosed();
        if (offset < 0 || length < 0 || length > bytes.length - offset) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + bytes.length);
        }
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        int done = 0;
        while (done < length) {
            if (buffered()) {
                int index = (int) (streamPos - bufferStart);
                int count = Math.min(length - done, buffer.limit() - index);
                buffer.get(index, bytes, offset + done, count);
                done += count;
                streamPos += count;
            } else if (length - done >= buffer.capacity()) {
                if (end >= 0 && streamPos >= end) {
                    break;
                }
                int wanted = length - done;
                int count = channel.read(ByteBuffer.wrap(bytes, offset + done, wanted), streamPos);
                if (count < wanted) {
                    end = streamPos + Math.max(count, 0);
                }
                if (count <= 0) {
                    break;
                }
                done += count;
                streamPos += count;
            } else if (!fill()) {
                break;
            }
        }
        return done == 0 ? atEnd() : done;
    }

    /** The file's current size, or -1 if it cannot be asked. */
    @Override
    public long length() {
        try {
            checkClosed();
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        super.close();
        channel.close();
    }

    /** The answer -1 of a read at the end of the file, until a decoder has had too many of them. */
    private int atEnd() throws IIOException {
        if (++readsAtEnd > MAX_READS_AT_END) {
            throw new IIOException("the image data ends before the picture does: " + MAX_READS_AT_END
                    + " reads found the end of the file");
        }
        return -1;
    }

    private boolean buffered() {
        return streamPos >= bufferStart && streamPos < bufferStart + buffer.limit();
    }

    /**
     * Loads the block around the current position, starting a few bytes before it; false at the end
     * of the file.
     */
    private boolean fill() throws IOException {
        if (end >= 0 && streamPos >= end) {
            return false;
        }
        buffer.clear();
        bufferStart = Math.max(0, streamPos - lookBehind);
        int count = channel.read(buffer, bufferStart);
        buffer.flip();
        if (count < buffer.capacity()) {
            end = bufferStart + Math.max(count, 0);
        }
        return buffered();
    }
}
