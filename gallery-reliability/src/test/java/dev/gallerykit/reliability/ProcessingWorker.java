package dev.gallerykit.reliability;

import dev.gallerykit.Gallery;
import dev.gallerykit.GalleryWorker;
import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.JavaImageEngine;
import dev.gallerykit.image.MediaType;
import dev.gallerykit.image.Rendition;
import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.sqs.SqsJobQueue;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A worker process of {@link TwoJvmProcessingTest}: a gallery of its own on the stores the {@link Wiring}
 * in its environment names, with asynchronous ingest on the SQS queue {@link QueueWiring} names, and a
 * {@link GalleryWorker} of one thread taking one job at a time (so that a worker the poison ends holds
 * nothing else), as a host's worker node would run. Its image engine takes
 * a little time over each JPEG, so that jobs are under way when the test kills it, and ends the
 * process at once (as a crash in a native decoder would) on a PNG: the poison of the test.
 *
 * <pre>
 * worker: HELLO &lt;pid&gt;   once its worker runs
 * worker: RENDERING      each time it starts on a JPEG's renditions (it then takes a while)
 * test:   QUIT or the end of its input: the worker closes (releasing what it holds) and exits
 * </pre>
 */
public final class ProcessingWorker {

    /** The exit status of a worker the poison ended. */
    static final int POISONED = 86;

    /** How long the engine takes over a JPEG: the window in which the test kills a worker mid-job. */
    static final long RENDER_MILLIS = 400;

    private static PrintStream replies;

    private ProcessingWorker() {
    }

    public static void main(String[] args) throws Exception {
        replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Wiring wiring = Wiring.fromEnvironment(System.getenv());
        QueueWiring queues = QueueWiring.fromEnvironment(System.getenv());
        try (Stores stores = wiring.open(); SqsJobQueue queue = queues.open()) {
            Gallery gallery = Gallery.builder().albums(stores.albums()).photos(stores.photos()).shares(stores.shares())
                    .blobs(stores.blobs()).clock(Clock.systemUTC()).cursorSecret(wiring.cursorSecret())
                    .imageEngine(new SlowAndPoisoned(new JavaImageEngine()))
                    .maxProcessingAttempts(QueueWiring.MAX_ATTEMPTS).asynchronous(queue).build();
            try (GalleryWorker worker = GalleryWorker.builder(gallery).threads(1).batch(1).wait(Duration.ofSeconds(1))
                    .visibility(QueueWiring.VISIBILITY).stopGrace(Duration.ofSeconds(5)).build().start()) {
                replies.println("HELLO " + ProcessHandle.current().pid());
                BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line;
                while ((line = commands.readLine()) != null && !line.equals("QUIT")) {
                    System.err.println("ignored: " + line);
                }
                System.err.println("worker metrics: " + worker.metrics());
            }
        }
        replies.flush();
        System.exit(0);
    }

    /** The engine of this process: slow on JPEGs, deadly on PNGs. */
    private static final class SlowAndPoisoned implements ImageEngine {
        private final ImageEngine engine;

        SlowAndPoisoned(ImageEngine engine) {
            this.engine = engine;
        }

        @Override
        public String name() {
            return "slow-and-poisoned";
        }

        @Override
        public boolean decodes(MediaType type) {
            return engine.decodes(type);
        }

        @Override
        public List<Rendition> render(Path file, MediaType type, int orientation, ImageOptions options) {
            if (type == MediaType.PNG) {
                System.err.println("poison: ending the process");
                Runtime.getRuntime().halt(POISONED);
            }
            replies.println("RENDERING");
            try {
                Thread.sleep(RENDER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return engine.render(file, type, orientation, options);
        }
    }
}
