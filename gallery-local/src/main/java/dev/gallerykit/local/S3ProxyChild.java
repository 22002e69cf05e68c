package dev.gallerykit.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * S3Proxy in a child JVM on a filesystem store in a temporary folder, so that neither its buffers
 * nor the stored bytes count in the parent's heap. The child runs until its standard input closes,
 * which happens when the parent stops it or dies. Stopped, it can be started again on the same port
 * over the same folder, which keeps the buckets and objects.
 */
final class S3ProxyChild implements LocalS3.Proxy {

    private static final String READY = "S3PROXY-PORT ";

    private final Credentials credentials;
    private final Path folder;
    private final int port;
    private Process process;

    private S3ProxyChild(Credentials credentials, Path folder, int port, Process process) {
        this.credentials = credentials;
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    static S3ProxyChild start(Credentials credentials) {
        Path folder;
        try {
            folder = Files.createTempDirectory("gallerykit-s3proxy-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a folder for S3Proxy in a child JVM", e);
        }
        Launched launched;
        try {
            launched = launch(credentials, folder, 0);
        } catch (RuntimeException e) {
            ServerProcesses.deleteQuietly(folder);
            throw e;
        }
        return new S3ProxyChild(credentials, folder, launched.port(), launched.process());
    }

    private record Launched(Process process, int port) {
    }

    private static Launched launch(Credentials credentials, Path folder, int port) {
        try {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), S3ProxyChild.class.getName(),
                    folder.toString(), credentials.accessKeyId(), credentials.secretAccessKey(),
                    String.valueOf(port));
            Process started = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(READY)) {
                    return new Launched(started, Integer.parseInt(line.substring(READY.length()).trim()));
                }
            }
            end(started);
            throw new IllegalStateException("S3Proxy in a child JVM exited with " + started.waitFor()
                    + " before it was ready");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start S3Proxy in a child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting S3Proxy", e);
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public synchronized boolean running() {
        return process != null;
    }

    @Override
    public synchronized void stop() throws IOException, InterruptedException {
        if (process != null) {
            end(process);
            process = null;
        }
    }

    @Override
    public synchronized void restart() {
        if (process == null) {
            process = launch(credentials, folder, port).process();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
        ServerProcesses.deleteQuietly(folder);
    }

    private static void end(Process process) throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * The child's side.
     *
     * @param args the store's folder, the access key id, the secret key and the port (0: any free one)
     */
    public static void main(String[] args) throws Exception {
        S3Proxy proxy = LocalS3.s3Proxy(new AtomicObjectsBlobStore(new FlatKeyBlobStore(new FilesystemNio2BlobStore(args[0]))),
                new Credentials(args[1], args[2]), Integer.parseInt(args[3]));
        proxy.start();
        System.out.println(READY + proxy.getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Wait for end of input.
        }
        proxy.stop();
        System.exit(0);
    }
}
