package dev.gallerykit.testkit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.Album;
import dev.gallerykit.domain.Photo;
import dev.gallerykit.domain.Session;
import dev.gallerykit.domain.User;
import dev.gallerykit.memory.InMemoryAlbumRepository;
import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.memory.InMemoryPhotoRepository;
import dev.gallerykit.memory.InMemorySessionRepository;
import dev.gallerykit.memory.InMemoryUserRepository;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.Blob;
import dev.gallerykit.spi.BlobAttributes;
import dev.gallerykit.spi.BlobInfo;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PresignedRequest;
import dev.gallerykit.spi.Slice;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.testkit.contract.Records;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private final Faults faults = new Faults();
    private final InMemoryBlobStore realBlobs = new InMemoryBlobStore();
    private final BlobStore blobs = faults.wrap(realBlobs);
    private final InMemoryAlbumRepository realAlbums = new InMemoryAlbumRepository();
    private final AlbumRepository albums = faults.wrap(realAlbums);
    private final PhotoRepository photos = faults.wrap(new InMemoryPhotoRepository(realAlbums));

    private void put(String key) {
        blobs.put(key, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, BlobAttributes.of("image/jpeg"));
    }

    @Test
    @DisplayName("with nothing armed, calls reach the adapter and are listed in order, counted per operation")
    void recordsCalls() {
        faults.record();
        put("a");
        put("b");
        Album album = albums.create(Records.anAlbum(Records.anOwner()));
        blobs.head("a");

        assertThat(faults.calls()).containsExactly(new Call(Operation.BLOB_PUT, 1), new Call(Operation.BLOB_PUT, 2),
                new Call(Operation.ALBUM_CREATE, 1), new Call(Operation.BLOB_HEAD, 1));
        assertThat(realBlobs.head("b")).isPresent();
        assertThat(realAlbums.find(album.ownerId(), album.id())).contains(album);
        assertThat(faults.fired()).isEmpty();
    }

    @Test
    @DisplayName("a fault before the k-th call keeps that call from the adapter, once, and counts anew on inject")
    void failsBefore() {
        put("before-inject");
        faults.inject(FaultPlan.before(Operation.BLOB_PUT, 2));

        put("first");
        assertThatThrownBy(() -> put("second")).isInstanceOfSatisfying(InjectedFault.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.plan()).isEqualTo(FaultPlan.before(Operation.BLOB_PUT, 2));
            assertThat(e).hasMessageContaining("before call 2 of BlobStore.put");
        });
        put("third");

        assertThat(realBlobs.head("first")).isPresent();
        assertThat(realBlobs.head("second")).as("never reached the store").isEmpty();
        assertThat(realBlobs.head("third")).isPresent();
        assertThat(faults.fired()).map(InjectedFault::plan).contains(FaultPlan.before(Operation.BLOB_PUT, 2));
    }

    @Test
    @DisplayName("a fault after the call lets it take effect and loses the response")
    void failsAfter() {
        Album album = Records.anAlbum(Records.anOwner());
        albums.create(album);
        Photo photo = Records.aPhoto(album.ownerId(), album.id());
        faults.inject(FaultPlan.after(Operation.PHOTO_CREATE, 1));

        assertThatThrownBy(() -> photos.create(photo)).isInstanceOf(InjectedFault.class);
        faults.disarm();

        assertThat(photos.find(photo.ownerId(), photo.id())).as("the write took effect").isPresent();
    }

    @Test
    @DisplayName("a fault after a get closes the blob the caller never receives")
    void closesWhatALostResponseHeld() {
        AtomicBoolean closed = new AtomicBoolean();
        put("k");
        BlobStore tracking = new TrackingCloses(realBlobs, closed);
        BlobStore lossy = faults.wrap(tracking);
        faults.inject(FaultPlan.after(Operation.BLOB_GET, 1));

        assertThatThrownBy(() -> lossy.get("k")).isInstanceOf(InjectedFault.class);
        assertThat(closed).as("the blob's stream was closed").isTrue();
    }

    @Test
    @DisplayName("a plan whose call never comes fires nothing; disarm stops a plan")
    void unfiredAndDisarmed() {
        faults.inject(FaultPlan.before(Operation.BLOB_DELETE, 1));
        put("x");
        assertThat(faults.fired()).isEmpty();
        faults.disarm();
        blobs.delete("x");
        assertThat(realBlobs.head("x")).isEmpty();
        assertThat(faults.fired()).isEmpty();
    }

    @Test
    @DisplayName("users and sessions are wrapped too")
    void usersAndSessions() {
        UserRepository users = faults.wrap(new InMemoryUserRepository());
        SessionRepository sessions = faults.wrap(new InMemorySessionRepository());
        User user = Records.aUser();
        Session session = Records.aSession(user.id());
        faults.inject(FaultPlan.after(Operation.USER_CREATE, 1));

        assertThatThrownBy(() -> users.create(user)).isInstanceOf(InjectedFault.class);
        faults.inject(FaultPlan.before(Operation.SESSION_CREATE, 1));
        assertThatThrownBy(() -> sessions.create(session)).isInstanceOf(InjectedFault.class);

        assertThat(users.findById(user.id())).isPresent();
        assertThat(sessions.findByTokenHash(session.tokenHash())).isEmpty();
    }

    @Test
    @DisplayName("a call offers a fault before it, and one after it only when it writes")
    void faultsOfACall() {
        assertThat(new Call(Operation.PHOTO_FIND, 2).faults()).containsExactly(FaultPlan.before(Operation.PHOTO_FIND, 2));
        assertThat(new Call(Operation.PHOTO_DELETE, 1).faults()).containsExactly(
                FaultPlan.before(Operation.PHOTO_DELETE, 1), FaultPlan.after(Operation.PHOTO_DELETE, 1));
        assertThatThrownBy(() -> FaultPlan.before(Operation.BLOB_PUT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(Operation.values())).filteredOn(Operation::isWrite).contains(Operation.SESSION_ROTATE);
    }

    /** Hands out blobs whose stream says when it is closed; the rest goes to the real store. */
    private static final class TrackingCloses implements BlobStore {
        private final BlobStore delegate;
        private final AtomicBoolean closed;

        TrackingCloses(BlobStore delegate, AtomicBoolean closed) {
            this.delegate = delegate;
            this.closed = closed;
        }

        @Override
        public Optional<Blob> get(String key) {
            return delegate.get(key).map(blob -> new Blob(blob.info(), new FilterInputStream(blob.content()) {
                @Override
                public void close() throws IOException {
                    closed.set(true);
                    super.close();
                }
            }));
        }

        @Override
        public void put(String key, InputStream content, long length, BlobAttributes attributes) {
            delegate.put(key, content, length, attributes);
        }

        @Override
        public Optional<Blob> get(String key, long offset, long length) {
            return delegate.get(key, offset, length);
        }

        @Override
        public Optional<BlobInfo> head(String key) {
            return delegate.head(key);
        }

        @Override
        public void delete(String key) {
            delegate.delete(key);
        }

        @Override
        public Map<String, String> deleteAll(Collection<String> keys) {
            return delegate.deleteAll(keys);
        }

        @Override
        public Slice<BlobInfo> list(String prefix, int limit, Optional<String> after) {
            return delegate.list(prefix, limit, after);
        }

        @Override
        public PresignedRequest presignGet(String key, Duration ttl, Optional<String> contentDisposition) {
            return delegate.presignGet(key, ttl, contentDisposition);
        }

        @Override
        public PresignedRequest presignPut(String key, String contentType, long length, Duration ttl) {
            return delegate.presignPut(key, contentType, length, ttl);
        }
    }
}
