package dev.gallerykit.examples.tours;

import dev.gallerykit.GalleryWorker;
import dev.gallerykit.PhotoUpdate;
import dev.gallerykit.Upload;
import dev.gallerykit.auth.AuthTokens;
import dev.gallerykit.auth.Principal;
import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Derivative;
import dev.gallerykit.domain.GalleryEvent;
import dev.gallerykit.domain.GeoBox;
import dev.gallerykit.domain.Page;
import dev.gallerykit.domain.PageRequest;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.PhotoQuery;
import dev.gallerykit.domain.Tag;
import dev.gallerykit.domain.TagSource;
import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.AuthenticationFailedException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.examples.tours.SamplePhotos.Sample;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.spi.Slice;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The steps both tours take, whatever the stores: a user's life in the gallery from sign-up to
 * account deletion, each step numbered and printed with what came back. An asynchronous tour takes one
 * step more after the uploads: workers on SQS make the renditions the uploads left to them.
 */
final class GalleryTour {

    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://\\S+/confirm-email\\?token=([^\\s\"<>]+)");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final Duration URL_LIFETIME = Duration.ofMinutes(10);
    private static final int PAGE_SIZE = 2;
    private static final Duration PROCESSING_WAIT = Duration.ofMinutes(2);
    private static final Duration EVENTS_WAIT = Duration.ofSeconds(30);

    private final PrintStream out;
    private int step;

    GalleryTour(PrintStream out) {
        this.out = out;
    }

    TourReport run(TourStores stores) {
        var accounts = stores.accounts();
        var gallery = stores.gallery();
        String suffix = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        String email = "ann." + suffix + "@example.test";
        String password = "tiles and trams " + suffix;

        step("Sign up " + email);
        User pending = accounts.signUp(email, password, "Ann");
        detail("account " + pending.id() + " is " + pending.status());
        String refusal = refusal(() -> accounts.signIn(email, password)).orElse("(signed in?!)");
        detail("signing in before confirming is refused: " + refusal);

        step("Read the confirmation mail");
        String mail = stores.inbox().awaitText(email, 1, MAIL_WAIT);
        Matcher link = CONFIRM_LINK.matcher(mail);
        if (!link.find()) {
            throw new IllegalStateException("the confirmation mail has no link:\n" + mail);
        }
        detail("first line: " + mail.lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
        detail("link: " + shortened(link.group()));

        step("Confirm the email address (what the host's /confirm-email page does with the token)");
        User confirmed = accounts.confirmEmail(link.group(1));
        detail("account is " + confirmed.status());

        step("Sign in");
        AuthTokens tokens = accounts.signIn(email, password);
        Principal principal = accounts.authenticate(tokens.accessToken());
        UserId me = principal.userId();
        detail("access token valid until " + tokens.accessTokenExpiresAt() + "; it stands for " + principal.email());

        step("Create albums");
        Map<String, Album> albums = new LinkedHashMap<>();
        for (String name : List.of("Lisbon 2025", "Paris 2024", "Kyoto 2023")) {
            albums.put(name, gallery.albums().create(me, name, "Holiday photos"));
        }
        detail("created " + String.join(", ", albums.keySet()));

        step("Upload sample photos with EXIF and GPS");
        Map<String, Photo> photos = new LinkedHashMap<>();
        for (Sample sample : SamplePhotos.all()) {
            Photo photo = gallery.photos().upload(me, albums.get(sample.album()).id(), Upload.builder()
                    .content(sample.file().stream()).fileName(sample.file().fileName()).title(sample.title())
                    .description(sample.description()).tags(sample.tags()).build());
            photos.put(photo.title(), photo);
            detail(describe(photo));
        }
        Optional<TourReport.Processed> processed = Optional.empty();
        if (stores.queues().isPresent()) {
            processed = Optional.of(process(stores, stores.queues().get(), me, photos));
        }
        long blobsStored = blobsOf(stores, me);
        detail(photos.size() + " photos, " + blobsStored + " blobs in the bucket (originals and renditions)");

        step("List and page");
        List<String> albumNames = gallery.albums().list(me, PageRequest.first(10)).items().stream()
                .map(Album::name).toList();
        detail("albums, newest first: " + String.join(", ", albumNames));
        Album lisbon = albums.get("Lisbon 2025");
        List<List<String>> pages = new ArrayList<>();
        Optional<PageRequest> request = Optional.of(PageRequest.first(PAGE_SIZE));
        while (request.isPresent()) {
            Page<Photo> page = gallery.photos().list(me, lisbon.id(), request.get());
            pages.add(titles(page.items()));
            detail(lisbon.name() + ", page " + pages.size() + " of at most " + PAGE_SIZE + ": " + titles(page.items())
                    + (page.hasNext() ? " (a cursor for the next page)" : " (the last page)"));
            request = request.get().after(page);
        }

        step("Search");
        Map<String, List<String>> searches = new LinkedHashMap<>();
        search(stores, me, searches, "tag 'sunset'", PhotoQuery.of(q -> q.tags("sunset")));
        search(stores, me, searches, "text 'tiles'", PhotoQuery.of(q -> q.text("tiles")));
        search(stores, me, searches, "taken in May 2025", PhotoQuery.of(q -> q.takenBetween(
                LocalDateTime.of(2025, 5, 1, 0, 0), LocalDateTime.of(2025, 6, 1, 0, 0))));
        search(stores, me, searches, "in a box around Lisbon", PhotoQuery.of(q -> q.box(new GeoBox(38.6, -9.3, 38.8, -9.0))));
        search(stores, me, searches, "around Kyoto and tag 'sunset'", PhotoQuery.of(q -> q.tags("sunset")
                .box(new GeoBox(34.9, 135.6, 35.1, 135.9))));

        step("Update a photo");
        Photo tiles = photos.get("Azulejos");
        Photo renamed = gallery.photos().update(me, tiles.id(), PhotoUpdate.of(u -> u.title("Azulejos of São Roque")
                .description("Blue and white tiles, 18th century").tags(List.of("tiles", "blue"))));
        TourReport.Updated updated = new TourReport.Updated(renamed.title(), userTags(renamed));
        detail("'" + tiles.title() + "' is now '" + renamed.title() + "', tags " + updated.tags()
                + ", updated at " + renamed.updatedAt() + " (was " + tiles.updatedAt() + ")");
        search(stores, me, searches, "tag 'blue'", PhotoQuery.of(q -> q.tags("blue")));

        step("Presigned URLs, valid for " + URL_LIFETIME.toMinutes() + " minutes, and one fetched over HTTP");
        Photo tower = photos.get("Eiffel Tower");
        for (Derivative file : tower.derivatives()) {
            PresignedRequest url = gallery.photos().url(me, tower.id(), file.name(), URL_LIFETIME);
            detail(file.name() + ": " + url.method() + " " + url.uri());
        }
        String thumbnailName = Derivative.thumbnailName(256);
        FetchedFile thumbnail = FetchedFile.get(gallery.photos().url(me, tower.id(), thumbnailName, URL_LIFETIME));
        var thumbnailDimensions = tower.derivative(thumbnailName).flatMap(Derivative::dimensions);
        detail("GET " + thumbnailName + " without credentials -> " + thumbnail + " (the record says "
                + thumbnailDimensions.map(Object::toString).orElse("no size") + ")");

        step("Delete a photo");
        Photo tram = photos.get("Tram 28");
        gallery.photos().delete(me, tram.id());
        boolean tramGone = refusal(() -> gallery.photos().get(me, tram.id()), NotFoundException.class).isPresent();
        detail("deleted '" + tram.title() + "'; getting it again: " + (tramGone ? "not found" : "still there?!")
                + "; " + lisbon.name() + " now holds " + titles(gallery.photos().list(me, lisbon.id(),
                        PageRequest.first(10)).items()));

        step("Delete an album with its photos");
        Album kyoto = albums.get("Kyoto 2023");
        long blobsBefore = blobsOf(stores, me);
        gallery.albums().delete(me, kyoto.id());
        long removed = blobsBefore - blobsOf(stores, me);
        detail("deleted " + kyoto.name() + " and its photos; " + removed + " blobs went with them; albums left: "
                + gallery.albums().list(me, PageRequest.first(10)).items().stream().map(Album::name).toList());

        step("Delete the account with everything in it");
        accounts.deleteAccount(me, password);
        TourReport.Leftovers leftovers = new TourReport.Leftovers(
                refusal(() -> accounts.signIn(email, password)),
                stores.users().findById(me).isPresent(),
                stores.albums().list(me, 100, Optional.empty()).items().size(),
                stores.photos().search(me, PhotoQuery.of(q -> { }), 100, Optional.empty()).items().size(),
                blobsOf(stores, me));
        detail("signing in: " + leftovers.signInRefusal().map(m -> "refused (" + m + ")").orElse("succeeded?!"));
        detail("left in the stores: user record " + (leftovers.user() ? "present" : "none") + ", "
                + leftovers.albums() + " albums, " + leftovers.photos() + " photos, " + leftovers.blobs() + " blobs");
        out.println();
        out.println(leftovers.none() ? "The tour is over: nothing of " + email + " is left."
                : "The tour is over, but something of " + email + " is left!");

        return new TourReport(email, refusal, link.group(), confirmed.status(), principal.email(), albumNames,
                List.copyOf(photos.keySet()), processed, pages, searches, updated, thumbnail, thumbnailDimensions, tramGone,
                removed, leftovers);
    }

    /**
     * The step of an asynchronous tour: the uploads answered at once with their originals only; workers
     * take the jobs from the queue and make the renditions, while the tour reads the events queue as
     * another system would. Replaces each photo in {@code photos} with its processed version.
     */
    private TourReport.Processed process(TourStores stores, TourQueues queues, UserId me, Map<String, Photo> photos) {
        var gallery = stores.gallery();
        int answeredProcessing = (int) photos.values().stream()
                .filter(p -> p.processing().isProcessing() && p.thumbnails().isEmpty()).count();
        step("Process the uploads: workers take the jobs from SQS queue " + queues.jobs().queueName());
        detail(answeredProcessing + " of " + photos.size() + " uploads answered PROCESSING, with their original only");
        GalleryWorker worker = GalleryWorker.builder(gallery).threads(2).wait(Duration.ofSeconds(1)).build().start();
        try (worker) {
            long deadline = System.nanoTime() + PROCESSING_WAIT.toNanos();
            while (photos.values().stream().anyMatch(p -> gallery.photos().get(me, p.id()).processing().isProcessing())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the workers did not finish the uploads within " + PROCESSING_WAIT);
                }
                pause(Duration.ofMillis(100));
            }
        }
        // Read once the worker is closed: its threads have ended, so its counts are final.
        GalleryWorker.Metrics metrics = worker.metrics();
        photos.replaceAll((title, photo) -> gallery.photos().get(me, photo.id()));
        photos.values().forEach(photo -> detail(describe(photo)));
        detail("the workers made " + metrics.ready() + " ready and marked " + metrics.failed() + " failed, from "
                + metrics.received() + " jobs received");

        // One PHOTO_UPLOADED and one PHOTO_READY (or PHOTO_FAILED) per photo, in any order and maybe twice.
        Set<Object> ended = new HashSet<>();
        Set<Object> uploaded = new HashSet<>();
        List<GalleryEvent> events = queues.readEvents(read -> {
            read.forEach(event -> event.photoId().ifPresent(id -> (event.type() == GalleryEvent.Type.PHOTO_UPLOADED
                    ? uploaded : ended).add(id)));
            return uploaded.size() >= photos.size() && ended.size() >= photos.size();
        }, EVENTS_WAIT);
        Map<String, Long> counts = events.stream().collect(Collectors.groupingBy(event -> event.type().name(),
                TreeMap::new, Collectors.counting()));
        detail("events read from SQS queue " + queues.events().queueName() + ": " + counts);
        return new TourReport.Processed(answeredProcessing, metrics.ready(), metrics.failed(), counts);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the workers ran", e);
        }
    }

    private void step(String title) {
        step++;
        out.println();
        out.printf("%2d. %s%n", step, title);
    }

    private void detail(String line) {
        out.println("    " + line);
    }

    private void search(TourStores stores, UserId me, Map<String, List<String>> results, String label,
            PhotoQuery query) {
        List<String> found = titles(stores.gallery().photos().search(me, query, PageRequest.first(20)).items());
        results.put(label, found);
        detail(String.format("%-32s -> %s", label, found));
    }

    private static String describe(Photo photo) {
        String taken = photo.takenAt().map(t -> t.withOffset().map(Object::toString).orElse(t.local().toString()))
                .orElse("at an unknown time");
        String where = photo.location().map(p -> String.format("%.4f, %.4f", p.latitude(), p.longitude()))
                .orElse("nowhere known");
        String renditions = photo.processing().isProcessing() ? "PROCESSING, renditions to come"
                : photo.thumbnails().stream().map(d -> d.name() + d.dimensions().map(x -> " " + x).orElse(""))
                        .collect(Collectors.joining(", "));
        return String.format("%-14s %s, %s %s, taken %s at %s; %s", photo.title(), photo.originalFileName(),
                photo.contentType(), photo.dimensions().map(Object::toString).orElse("?"), taken, where, renditions);
    }

    private static List<String> titles(List<Photo> photos) {
        return photos.stream().map(Photo::title).toList();
    }

    private static List<String> userTags(Photo photo) {
        return photo.tags().stream().filter(t -> t.source() == TagSource.USER).map(Tag::value).toList();
    }

    /** How many blobs the store holds under the owner's prefix (every file of theirs starts with their id). */
    private static long blobsOf(TourStores stores, UserId owner) {
        long count = 0;
        Optional<String> after = Optional.empty();
        do {
            Slice<BlobInfo> slice = stores.blobs().list(owner + "/", 1000, after);
            count += slice.items().size();
            after = slice.next();
        } while (after.isPresent());
        return count;
    }

    /** The message of the sign-in refusal the call ends with; empty when it succeeds. */
    private static Optional<String> refusal(Runnable call) {
        return refusal(call, AuthenticationFailedException.class);
    }

    private static Optional<String> refusal(Runnable call, Class<? extends RuntimeException> expected) {
        try {
            call.run();
            return Optional.empty();
        } catch (RuntimeException e) {
            if (expected.isInstance(e)) {
                return Optional.of(e.getMessage());
            }
            throw e;
        }
    }

    /** A link with its token cut short: a working link in a console is a credential. */
    private static String shortened(String link) {
        int token = link.indexOf("token=") + "token=".length();
        return link.length() - token > 12 ? link.substring(0, token + 12) + "…" : link;
    }
}
