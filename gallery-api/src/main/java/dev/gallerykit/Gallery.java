package dev.gallerykit;

import dev.gallerykit.image.ImageOptions;
import dev.gallerykit.image.ImagePipeline;
import dev.gallerykit.image.JavaImageEngine;
import dev.gallerykit.internal.Assembly;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.spi.EventPublisher;
import dev.gallerykit.spi.ImageLabeler;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.spi.OwnerCheck;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.ShareRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The entry point: albums, photos and owner-wide operations over the adapters a host chooses.
 * Thread-safe; build one and share it.
 *
 * <pre>{@code
 * InMemoryAlbumRepository albums = new InMemoryAlbumRepository();
 * Gallery gallery = Gallery.builder()
 *         .albums(albums)
 *         .photos(new InMemoryPhotoRepository(albums))
 *         .blobs(new InMemoryBlobStore())
 *         .build();
 * }</pre>
 */
public final class Gallery {

    /** Largest page a list or search returns unless {@link Builder#maxPageSize} says otherwise. */
    public static final int DEFAULT_MAX_PAGE_SIZE = 100;
    /** PBKDF2-HMAC-SHA256 iterations of a share link's password: OWASP's 2023 figure. */
    public static final int DEFAULT_LINK_PASSWORD_ITERATIONS = 600_000;
    /** The fewest iterations {@link Builder#linkPasswordIterations} takes. */
    public static final int MIN_LINK_PASSWORD_ITERATIONS = 1_000;

    /** Tries a worker makes at processing one photo before it marks it failed. */
    public static final int DEFAULT_MAX_PROCESSING_ATTEMPTS = 5;

    private final Assembly assembly;
    private final ImagePipeline pipeline;

    private final EventPublisher events;
    private final Optional<JobQueue> jobQueue;

    private Gallery(Assembly assembly, ImagePipeline pipeline, EventPublisher events, Optional<JobQueue> jobQueue) {
        this.assembly = assembly;
        this.pipeline = pipeline;
        this.events = events;
        this.jobQueue = jobQueue;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Gallery build(Consumer<Builder> spec) {
        Builder builder = builder();
        spec.accept(builder);
        return builder.build();
    }

    public Albums albums() {
        return assembly.albums();
    }

    /** What anybody holding a share link may do, without an account; see {@link LinkViews}. */
    public LinkViews links() {
        return assembly.links();
    }

    /** Albums shared with other users; see {@link Sharing}. */
    public Sharing sharing() {
        return assembly.sharing();
    }

    public Photos photos() {
        return assembly.photos();
    }

    public Owners owners() {
        return assembly.owners();
    }

    public Maintenance maintenance() {
        return assembly.maintenance();
    }

    /**
     * What workers do with the jobs of asynchronous ingest; a {@link GalleryWorker} calls it, and a host
     * that runs jobs its own way (a Lambda function on the queue) calls it itself.
     */
    public JobHandler jobs() {
        return assembly.jobs();
    }

    /** The queue asynchronous ingest sends its jobs to; empty when ingest is synchronous. */
    public Optional<JobQueue> jobQueue() {
        return jobQueue;
    }

    /** Where this gallery publishes its events; modules such as {@code gallery-auth} publish theirs there too. */
    public EventPublisher events() {
        return events;
    }

    public ImageOptions imageOptions() {
        return pipeline.options();
    }

    /** The engine that makes the renditions of uploads. */
    public ImageEngine imageEngine() {
        return pipeline.engine();
    }

    /** Collects the adapters and settings; {@link #build()} says what is missing or wrong. */
    public static final class Builder {
        private AlbumRepository albums;
        private PhotoRepository photos;
        private BlobStore blobs;
        private Clock clock = Clock.systemUTC();
        private ImageLabeler labeler = ImageLabeler.none();
        private ImageOptions imageOptions = ImageOptions.defaults();
        private ImageEngine imageEngine = new JavaImageEngine();
        private DuplicatePolicy duplicates = DuplicatePolicy.REJECT;
        private byte[] cursorSecret;
        private int maxPageSize = DEFAULT_MAX_PAGE_SIZE;
        private Path spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        private OwnerCheck owners = OwnerCheck.anyone();
        private ShareRepository shares;
        private int linkPasswordIterations = DEFAULT_LINK_PASSWORD_ITERATIONS;
        private JobQueue jobs;
        private EventPublisher events = EventPublisher.none();
        private int maxProcessingAttempts = DEFAULT_MAX_PROCESSING_ATTEMPTS;

        private Builder() {
        }

        public Builder albums(AlbumRepository value) {
            albums = value;
            return this;
        }

        public Builder photos(PhotoRepository value) {
            photos = value;
            return this;
        }

        /**
         * Where album memberships and share links are kept: the {@code ShareRepository} of the store
         * that holds the albums. Without one the gallery is owner-only: nothing is shared and
         * {@link Gallery#sharing()} refuses to share.
         */
        public Builder shares(ShareRepository value) {
            shares = value;
            return this;
        }

        public Builder blobs(BlobStore value) {
            blobs = value;
            return this;
        }

        /** Where "now" comes from; tests pass a fixed or mutable clock. Defaults to UTC system time. */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /** Proposes machine tags for uploads. Defaults to none. */
        public Builder labeler(ImageLabeler value) {
            labeler = value;
            return this;
        }

        public Builder imageOptions(ImageOptions value) {
            imageOptions = value;
            return this;
        }

        /**
         * What decodes uploads and makes their renditions. Defaults to the pure-Java
         * {@link JavaImageEngine}; {@code gallery-vips} has one on libvips, which also decodes HEIC and AVIF.
         */
        public Builder imageEngine(ImageEngine value) {
            imageEngine = value;
            return this;
        }

        /** What uploading bytes the owner already has does. Defaults to {@link DuplicatePolicy#REJECT}. */
        public Builder duplicates(DuplicatePolicy value) {
            duplicates = value;
            return this;
        }

        /**
         * The key that signs page cursors, at least 32 bytes. Give every instance of a deployment the
         * same secret, so that a cursor from one works on the others; by default each gallery makes
         * a random one.
         */
        public Builder cursorSecret(byte[] value) {
            cursorSecret = value == null ? null : value.clone();
            return this;
        }

        /**
         * The PBKDF2 iterations of new link passwords; defaults to {@link #DEFAULT_LINK_PASSWORD_ITERATIONS}.
         * Stored hashes keep their own count, so changing this leaves older links working. Lower it
         * only for tests.
         *
         * @throws IllegalArgumentException below {@link #MIN_LINK_PASSWORD_ITERATIONS}
         */
        public Builder linkPasswordIterations(int value) {
            if (value < MIN_LINK_PASSWORD_ITERATIONS) {
                throw new IllegalArgumentException("linkPasswordIterations is " + value + "; the minimum is "
                        + MIN_LINK_PASSWORD_ITERATIONS);
            }
            linkPasswordIterations = value;
            return this;
        }

        /**
         * Makes ingest asynchronous: {@code upload} and {@code completeDirectUpload} check the file (type,
         * size, pixel limit, duplicates), store the original and a record that is
         * {@link dev.gallerykit.domain.PhotoStatus#PROCESSING}, send a job to {@code queue} and return;
         * a {@link GalleryWorker} (or a host calling {@link Gallery#jobs()}) makes the renditions and
         * machine tags and marks the photo ready or failed. Without a queue, ingest is synchronous and
         * photos are ready when the upload returns.
         */
        public Builder asynchronous(JobQueue queue) {
            jobs = queue;
            return this;
        }

        /** Tries at processing a photo before it is marked failed; defaults to {@link #DEFAULT_MAX_PROCESSING_ATTEMPTS}. */
        public Builder maxProcessingAttempts(int value) {
            maxProcessingAttempts = value;
            return this;
        }

        /** Where the gallery's events go (see {@link dev.gallerykit.domain.GalleryEvent}); defaults to nowhere. */
        public Builder events(EventPublisher value) {
            events = value;
            return this;
        }

        public Builder maxPageSize(int value) {
            maxPageSize = value;
            return this;
        }

        /**
         * Who may still own new albums; an album is refused, and nothing is left, for an id this
         * check turns down (see {@link OwnerCheck}). With {@code gallery-auth}, pass
         * {@code Accounts.ownerCheck(users)}, so that a deleted account gets no new data. Defaults to
         * {@link OwnerCheck#anyone()}.
         */
        public Builder owners(OwnerCheck value) {
            owners = value;
            return this;
        }

        /** Where uploads are spooled while they are processed. Defaults to {@code java.io.tmpdir}. */
        public Builder spoolDirectory(Path value) {
            spoolDirectory = value;
            return this;
        }

        public Gallery build() {
            List<String> problems = new ArrayList<>();
            if (albums == null) {
                problems.add("an AlbumRepository: call albums(...)");
            }
            if (photos == null) {
                problems.add("a PhotoRepository: call photos(...)");
            }
            if (blobs == null) {
                problems.add("a BlobStore: call blobs(...)");
            }
            if (clock == null) {
                problems.add("a Clock: call clock(...) or leave the default");
            }
            if (labeler == null) {
                problems.add("an ImageLabeler: call labeler(ImageLabeler.none()) or leave the default");
            }
            if (imageOptions == null) {
                problems.add("ImageOptions: call imageOptions(ImageOptions.defaults()) or leave the default");
            }
            if (imageEngine == null) {
                problems.add("an ImageEngine: call imageEngine(new JavaImageEngine()) or leave the default");
            }
            if (owners == null) {
                problems.add("an OwnerCheck: call owners(...) or leave the default");
            }
            if (duplicates == null) {
                problems.add("a DuplicatePolicy: call duplicates(...) or leave the default");
            }
            if (cursorSecret != null && cursorSecret.length < 32) {
                problems.add("a cursor secret of at least 32 bytes (it had " + cursorSecret.length + ")");
            }
            if (maxPageSize < 1 || maxPageSize > 1000) {
                problems.add("a maxPageSize between 1 and 1000 (it was " + maxPageSize + ")");
            }
            if (spoolDirectory == null || !Files.isDirectory(spoolDirectory)) {
                problems.add("an existing spool directory (it was " + spoolDirectory + ")");
            }
            if (events == null) {
                problems.add("an EventPublisher: call events(...) or leave the default");
            }
            if (maxProcessingAttempts < 1) {
                problems.add("maxProcessingAttempts of at least 1 (it was " + maxProcessingAttempts + ")");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Gallery needs " + String.join("; ", problems));
            }
            byte[] secret = cursorSecret != null ? cursorSecret : randomSecret();
            ImagePipeline pipeline = new ImagePipeline(imageOptions, imageEngine);
            Assembly assembly = Assembly.of(albums, photos, blobs, clock, secret, maxPageSize,
                    pipeline, labeler, duplicates, spoolDirectory, owners, shares, linkPasswordIterations,
                    Optional.ofNullable(jobs), events, maxProcessingAttempts);
            return new Gallery(assembly, pipeline, events, Optional.ofNullable(jobs));
        }

        private static byte[] randomSecret() {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return secret;
        }
    }
}
