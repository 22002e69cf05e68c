package dev.gallerykit.testkit.faults;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.ShareLinkId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.Slice;
import java.time.Instant;
import java.util.Optional;

final class FaultyShareRepository implements ShareRepository {

    private final ShareRepository delegate;
    private final Faults faults;

    FaultyShareRepository(ShareRepository delegate, Faults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public AlbumMember putMember(AlbumMember member) {
        return faults.call(Operation.SHARE_PUT_MEMBER, () -> delegate.putMember(member));
    }

    @Override
    public Optional<AlbumMember> findMember(AlbumId album, UserId member) {
        return faults.call(Operation.SHARE_FIND_MEMBER, () -> delegate.findMember(album, member));
    }

    @Override
    public Slice<AlbumMember> listMembers(UserId owner, AlbumId album, int limit, Optional<String> after) {
        return faults.call(Operation.SHARE_LIST_MEMBERS, () -> delegate.listMembers(owner, album, limit, after));
    }

    @Override
    public Slice<AlbumMember> listSharedWith(UserId member, int limit, Optional<String> after) {
        return faults.call(Operation.SHARE_LIST_SHARED_WITH, () -> delegate.listSharedWith(member, limit, after));
    }

    @Override
    public void removeMember(AlbumId album, UserId member) {
        faults.run(Operation.SHARE_REMOVE_MEMBER, () -> delegate.removeMember(album, member));
    }

    @Override
    public void removeMemberships(UserId member) {
        faults.run(Operation.SHARE_REMOVE_MEMBERSHIPS, () -> delegate.removeMemberships(member));
    }

    @Override
    public ShareLink createLink(ShareLink link) {
        return faults.call(Operation.SHARE_CREATE_LINK, () -> delegate.createLink(link));
    }

    @Override
    public Optional<ShareLink> findLink(UserId owner, ShareLinkId id) {
        return faults.call(Operation.SHARE_FIND_LINK, () -> delegate.findLink(owner, id));
    }

    @Override
    public Optional<ShareLink> findLinkByToken(String tokenHash) {
        return faults.call(Operation.SHARE_FIND_LINK_BY_TOKEN, () -> delegate.findLinkByToken(tokenHash));
    }

    @Override
    public Slice<ShareLink> listLinks(UserId owner, AlbumId album, int limit, Optional<String> after) {
        return faults.call(Operation.SHARE_LIST_LINKS, () -> delegate.listLinks(owner, album, limit, after));
    }

    @Override
    public ShareLink updateLink(ShareLink link) {
        return faults.call(Operation.SHARE_UPDATE_LINK, () -> delegate.updateLink(link));
    }

    @Override
    public void countView(ShareLinkId id) {
        faults.run(Operation.SHARE_COUNT_VIEW, () -> delegate.countView(id));
    }

    @Override
    public boolean takeGuess(ShareLinkId id, int max, Instant now, Instant lockedBefore) {
        return faults.call(Operation.SHARE_TAKE_GUESS, () -> delegate.takeGuess(id, max, now, lockedBefore));
    }

    @Override
    public void clearGuesses(ShareLinkId id) {
        faults.run(Operation.SHARE_CLEAR_GUESSES, () -> delegate.clearGuesses(id));
    }

    @Override
    public void removeAlbum(UserId owner, AlbumId album) {
        faults.run(Operation.SHARE_REMOVE_ALBUM, () -> delegate.removeAlbum(owner, album));
    }
}
