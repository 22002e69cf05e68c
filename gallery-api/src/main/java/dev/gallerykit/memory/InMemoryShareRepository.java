package dev.gallerykit.memory;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.ShareLinkId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.Slice;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A {@link ShareRepository} in memory, over the albums of an {@link InMemoryAlbumRepository}.
 * Thread-safe: every call takes the album repository's lock, so that a membership or link is only
 * written while its album is open, in the same step as the check.
 */
public final class InMemoryShareRepository implements ShareRepository {

    private record MemberKey(AlbumId album, UserId member) {
    }

    private final InMemoryAlbumRepository albums;
    private final Map<MemberKey, AlbumMember> members = new HashMap<>();
    private final Map<ShareLinkId, ShareLink> links = new HashMap<>();
    private final Map<String, ShareLinkId> linksByToken = new HashMap<>();

    /** An empty repository sharing the albums of {@code albums}. */
    public InMemoryShareRepository(InMemoryAlbumRepository albums) {
        this.albums = Objects.requireNonNull(albums, "albums");
    }

    @Override
    public AlbumMember putMember(AlbumMember member) {
        Objects.requireNonNull(member, "member");
        synchronized (albums) {
            if (!albums.isOpen(member.ownerId(), member.albumId())) {
                throw new NotFoundException("album", member.albumId());
            }
            MemberKey key = new MemberKey(member.albumId(), member.memberId());
            AlbumMember earlier = members.get(key);
            AlbumMember stored = earlier == null ? member : new AlbumMember(member.albumId(), member.ownerId(),
                    member.memberId(), member.role(), member.originals(), earlier.createdAt(), member.updatedAt());
            members.put(key, stored);
            return stored;
        }
    }

    @Override
    public Optional<AlbumMember> findMember(AlbumId album, UserId member) {
        Objects.requireNonNull(album, "album");
        Objects.requireNonNull(member, "member");
        synchronized (albums) {
            return Optional.ofNullable(members.get(new MemberKey(album, member)));
        }
    }

    @Override
    public Slice<AlbumMember> listMembers(UserId owner, AlbumId album, int limit, Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(album, "album");
        Optional<UserId> position = Positions.parse(after, UserId::new);
        synchronized (albums) {
            TreeMap<UserId, AlbumMember> byMember = new TreeMap<>(Comparator.reverseOrder());
            members.values().stream()
                    .filter(m -> m.albumId().equals(album) && m.ownerId().equals(owner))
                    .forEach(m -> byMember.put(m.memberId(), m));
            return Positions.page(byMember.descendingMap(), position, m -> true, limit);
        }
    }

    @Override
    public Slice<AlbumMember> listSharedWith(UserId member, int limit, Optional<String> after) {
        Objects.requireNonNull(member, "member");
        Optional<AlbumId> position = Positions.parse(after, AlbumId::new);
        synchronized (albums) {
            TreeMap<AlbumId, AlbumMember> newestFirst = new TreeMap<>(Comparator.reverseOrder());
            members.values().stream().filter(m -> m.memberId().equals(member))
                    .forEach(m -> newestFirst.put(m.albumId(), m));
            return Positions.page(newestFirst, position, m -> true, limit);
        }
    }

    @Override
    public void removeMember(AlbumId album, UserId member) {
        Objects.requireNonNull(album, "album");
        Objects.requireNonNull(member, "member");
        synchronized (albums) {
            members.remove(new MemberKey(album, member));
        }
    }

    @Override
    public void removeMemberships(UserId member) {
        Objects.requireNonNull(member, "member");
        synchronized (albums) {
            members.keySet().removeIf(key -> key.member().equals(member));
        }
    }

    @Override
    public ShareLink createLink(ShareLink link) {
        Objects.requireNonNull(link, "link");
        synchronized (albums) {
            if (!albums.isOpen(link.ownerId(), link.albumId())) {
                throw new NotFoundException("album", link.albumId());
            }
            if (links.containsKey(link.id()) || linksByToken.containsKey(link.tokenHash())) {
                throw new ConflictException("share link " + link.id() + " or its token is stored already");
            }
            ShareLink stored = new ShareLink(link.id(), link.albumId(), link.ownerId(), link.tokenHash(),
                    link.expiresAt(), link.passwordHash(), link.allowOriginals(), link.showLocation(),
                    link.createdAt(), link.revokedAt(), 0, 0, Optional.empty(), 1);
            links.put(stored.id(), stored);
            linksByToken.put(stored.tokenHash(), stored.id());
            return stored;
        }
    }

    @Override
    public Optional<ShareLink> findLink(UserId owner, ShareLinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        synchronized (albums) {
            return Optional.ofNullable(links.get(id)).filter(link -> link.ownerId().equals(owner));
        }
    }

    @Override
    public Optional<ShareLink> findLinkByToken(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        synchronized (albums) {
            return Optional.ofNullable(linksByToken.get(tokenHash)).map(links::get);
        }
    }

    @Override
    public Slice<ShareLink> listLinks(UserId owner, AlbumId album, int limit, Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(album, "album");
        Optional<ShareLinkId> position = Positions.parse(after, ShareLinkId::new);
        synchronized (albums) {
            TreeMap<ShareLinkId, ShareLink> newestFirst = new TreeMap<>(Comparator.reverseOrder());
            links.values().stream().filter(l -> l.ownerId().equals(owner) && l.albumId().equals(album))
                    .forEach(l -> newestFirst.put(l.id(), l));
            return Positions.page(newestFirst, position, l -> true, limit);
        }
    }

    @Override
    public ShareLink updateLink(ShareLink link) {
        Objects.requireNonNull(link, "link");
        synchronized (albums) {
            ShareLink stored = links.get(link.id());
            if (stored == null || !stored.ownerId().equals(link.ownerId())) {
                throw new NotFoundException("share link", link.id());
            }
            if (stored.version() != link.version()) {
                throw new ConcurrentModificationException("share link " + link.id() + " changed meanwhile");
            }
            ShareLink updated = new ShareLink(stored.id(), stored.albumId(), stored.ownerId(), stored.tokenHash(),
                    link.expiresAt(), link.passwordHash(), link.allowOriginals(), link.showLocation(),
                    stored.createdAt(), link.revokedAt(), stored.views(), stored.failedGuesses(),
                    stored.lastFailedGuessAt(), stored.version() + 1);
            links.put(updated.id(), updated);
            return updated;
        }
    }

    @Override
    public void countView(ShareLinkId id) {
        Objects.requireNonNull(id, "id");
        synchronized (albums) {
            links.computeIfPresent(id, (key, l) -> withCounters(l, l.views() + 1, l.failedGuesses(),
                    l.lastFailedGuessAt()));
        }
    }

    @Override
    public boolean takeGuess(ShareLinkId id, int max, Instant now, Instant lockedBefore) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lockedBefore, "lockedBefore");
        synchronized (albums) {
            ShareLink stored = links.get(id);
            if (stored == null) {
                return false;
            }
            if (stored.failedGuesses() < max) {
                links.put(id, withCounters(stored, stored.views(), stored.failedGuesses() + 1, Optional.of(now)));
                return true;
            }
            if (stored.lastFailedGuessAt().map(at -> at.isBefore(lockedBefore)).orElse(true)) {
                links.put(id, withCounters(stored, stored.views(), 1, Optional.of(now)));
                return true;
            }
            return false;
        }
    }

    @Override
    public void clearGuesses(ShareLinkId id) {
        Objects.requireNonNull(id, "id");
        synchronized (albums) {
            links.computeIfPresent(id, (key, l) -> withCounters(l, l.views(), 0, l.lastFailedGuessAt()));
        }
    }

    @Override
    public void removeAlbum(UserId owner, AlbumId album) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(album, "album");
        synchronized (albums) {
            members.values().removeIf(m -> m.albumId().equals(album) && m.ownerId().equals(owner));
            Predicate<ShareLink> ofAlbum = l -> l.albumId().equals(album) && l.ownerId().equals(owner);
            links.values().stream().filter(ofAlbum).map(ShareLink::tokenHash).toList()
                    .forEach(linksByToken::remove);
            links.values().removeIf(ofAlbum);
        }
    }

    private static ShareLink withCounters(ShareLink l, long views, int guesses, Optional<Instant> lastGuess) {
        return new ShareLink(l.id(), l.albumId(), l.ownerId(), l.tokenHash(), l.expiresAt(), l.passwordHash(),
                l.allowOriginals(), l.showLocation(), l.createdAt(), l.revokedAt(), views, guesses, lastGuess,
                l.version());
    }
}
