package dev.gallerykit.internal;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.ShareLinkId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.Slice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The shares of a gallery built without a {@code ShareRepository}: nothing is shared, and nothing can be. */
final class NoShares implements ShareRepository {

    static final String MISSING = "this gallery was built without a ShareRepository: call Gallery.Builder#shares(...)";

    @Override
    public AlbumMember putMember(AlbumMember member) {
        throw new IllegalStateException(MISSING);
    }

    @Override
    public Optional<AlbumMember> findMember(AlbumId album, UserId member) {
        return Optional.empty();
    }

    @Override
    public Slice<AlbumMember> listMembers(UserId owner, AlbumId album, int limit, Optional<String> after) {
        return Slice.last(List.of());
    }

    @Override
    public Slice<AlbumMember> listSharedWith(UserId member, int limit, Optional<String> after) {
        return Slice.last(List.of());
    }

    @Override
    public void removeMember(AlbumId album, UserId member) {
    }

    @Override
    public void removeMemberships(UserId member) {
    }

    @Override
    public ShareLink createLink(ShareLink link) {
        throw new IllegalStateException(MISSING);
    }

    @Override
    public Optional<ShareLink> findLink(UserId owner, ShareLinkId id) {
        return Optional.empty();
    }

    @Override
    public Optional<ShareLink> findLinkByToken(String tokenHash) {
        return Optional.empty();
    }

    @Override
    public Slice<ShareLink> listLinks(UserId owner, AlbumId album, int limit, Optional<String> after) {
        return Slice.last(List.of());
    }

    @Override
    public ShareLink updateLink(ShareLink link) {
        throw new IllegalStateException(MISSING);
    }

    @Override
    public void countView(ShareLinkId id) {
    }

    @Override
    public boolean takeGuess(ShareLinkId id, int max, Instant now, Instant lockedBefore) {
        return false;
    }

    @Override
    public void clearGuesses(ShareLinkId id) {
    }

    @Override
    public void removeAlbum(UserId owner, AlbumId album) {
    }
}
