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
 * which happens when the parent stops it or dies.
 */
final class S3ProxyChild {

    private static final String READY = "S3PROXY-PORT ";

    private final Process process;
    private final Path folder;
    private final int port;

    private S3ProxyChild(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    static S3ProxyChild start(Credentials credentials) {
        try {
            Path folder = Files.createTempDirectory("gallerykit-s3proxy-");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), S3ProxyChild.class.getName(),
                    folder.toString(), credentials.accessKeyId(), credentials.secretAccessKey());
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(READY)) {
                    return new S3ProxyChild(process, folder, Integer.parseInt(line.substring(READY.length()).trim()));
                }
            }
            new S3ProxyChild(process, folder, -1).stop();
            throw new IllegalStateException("S3Proxy in a child JVM exited with " + process.waitFor()
                    + " before it was ready");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start S3Proxy in a child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting S3Proxy", e);
        }
    }

    int port() {
        return port;
    }

    void stop() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        ServerProcesses.deleteQuietly(folder);
    }

    /**
     * The child's side.
     *
     * @param args the store's folder, the access key id and the secret key
     */
    public static void main(String[] args) throws Exception {
        S3Proxy proxy = LocalS3.s3Proxy(new FlatKeyBlobStore(new FilesystemNio2BlobStore(args[0])),
                new Credentials(args[1], args[2]));
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
