package dev.gallerykit.dynamodb;

import dev.gallerykit.domain.AlbumId;
import dev.gallerykit.domain.AlbumMember;
import dev.gallerykit.domain.AlbumRole;
import dev.gallerykit.domain.ShareLink;
import dev.gallerykit.domain.ShareLinkId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.ConcurrentModificationException;
import dev.gallerykit.error.ConflictException;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.error.NotFoundException;
import dev.gallerykit.error.StorageUnavailableException;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.Slice;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link ShareRepository} over one table keyed {@code pk}/{@code sk} (see the module README).
 *
 * <p>Atomic: {@link #putMember} writes both copies of a membership and {@link #createLink} the link,
 * its album listing item and its token claim in one {@code TransactWriteItems} that also checks the
 * album item is there for the owner and not being deleted. The counters ({@link #countView},
 * {@link #takeGuess}, {@link #clearGuesses}) are single conditional {@code UpdateItem}s of the link item
 * that never read or move its version; {@link #updateLink} is one {@code UpdateItem} conditional on the
 * version. Removals are not one transaction but are idempotent, in BatchWriteItems of 25; every read is
 * strongly consistent.
 */
final class DynamoDbShareRepository implements ShareRepository {

    private static final String MEMBER = "MEMBER#";
    private static final String ALBUM = "ALBUM#";
    private static final String LINK = "LINK#";
    private static final String TOKEN = "TOKEN#";
    /** DynamoDB's limit of keys in one BatchGetItem. */
    private static final int MAX_BATCH_GET = 100;

    private final DynamoDbClient client;
    private final String table;
    private final AlbumGuards guards;

    DynamoDbShareRepository(DynamoDbClient client, String table, AlbumGuards guards) {
        this.client = client;
        this.table = table;
        this.guards = guards;
    }

    @Override
    public AlbumMember putMember(AlbumMember member) {
        Objects.requireNonNull(member, "member");
        String doing = "storing the membership of " + member.memberId() + " in album " + member.albumId();
        return Errors.call(doing, () -> {
            Optional<AlbumMember> earlier = findMember(member.albumId(), member.memberId());
            AlbumMember stored = earlier.map(e -> new AlbumMember(member.albumId(), member.ownerId(), member.memberId(),
                    member.role(), member.originals(), e.createdAt(), member.updatedAt())).orElse(member);
            Map<String, AttributeValue> byAlbum = memberItem(stored, ALBUM + stored.albumId(), MEMBER + stored.memberId());
            Map<String, AttributeValue> byMember = memberItem(stored, MEMBER + stored.memberId(),
                    stored.albumId().toString());
            List<CancellationReason> reasons = Transactions.tryWrite(client, TransactWriteItemsRequest.builder()
                    .transactItems(guards.isOpen(stored.ownerId(), stored.albumId()), put(byAlbum, null),
                            put(byMember, null))
                    .build(), doing);
            if (!reasons.isEmpty()) {
                throw new NotFoundException("album", stored.albumId());
            }
            return stored;
        });
    }

    @Override
    public Optional<AlbumMember> findMember(AlbumId album, UserId member) {
        Objects.requireNonNull(album, "album");
        Objects.requireNonNull(member, "member");
        return Errors.call("finding the membership of " + member + " in album " + album,
                () -> get(ALBUM + album, MEMBER + member).map(DynamoDbShareRepository::toMember));
    }

    @Override
    public Slice<AlbumMember> listMembers(UserId owner, AlbumId album, int limit, Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(album, "album");
        checkLimit(limit);
        Optional<String> position = position(after);
        return Errors.call("listing the members of album " + album, () -> {
            Page page = query(ALBUM + album, MEMBER, true, limit, position.map(p -> MEMBER + p));
            List<AlbumMember> members = page.items.stream().map(DynamoDbShareRepository::toMember)
                    .filter(m -> m.ownerId().equals(owner)).toList();
            if (members.size() < page.items.size()) {
                return Slice.last(List.of());
            }
            return slice(members, page.more, members.isEmpty() ? null : members.get(members.size() - 1).memberId()
                    .toString());
        });
    }

    @Override
    public Slice<AlbumMember> listSharedWith(UserId member, int limit, Optional<String> after) {
        Objects.requireNonNull(member, "member");
        checkLimit(limit);
        Optional<String> position = position(after);
        return Errors.call("listing the albums shared with " + member, () -> {
            Page page = query(MEMBER + member, null, false, limit, position);
            List<AlbumMember> members = page.items.stream().map(DynamoDbShareRepository::toMember).toList();
            return slice(members, page.more, members.isEmpty() ? null : members.get(members.size() - 1).albumId()
                    .toString());
        });
    }

    @Override
    public void removeMember(AlbumId album, UserId member) {
        Objects.requireNonNull(album, "album");
        Objects.requireNonNull(member, "member");
        Errors.run("removing the membership of " + member + " in album " + album, () -> {
            delete(ALBUM + album, MEMBER + member);
            delete(MEMBER + member, album.toString());
        });
    }

    @Override
    public void removeMemberships(UserId member) {
        Objects.requireNonNull(member, "member");
        Errors.run("removing the memberships of " + member, () -> {
            List<Map<String, AttributeValue>> memberships = queryAll(MEMBER + member, null);
            // The albums' copies first: the member's own partition is what a repeat finds again.
            deleteAll(memberships.stream().map(item -> key(ALBUM + item.get("sk").s(), MEMBER + member)).toList());
            deleteAll(memberships.stream().map(item -> key(MEMBER + member, item.get("sk").s())).toList());
        });
    }

    @Override
    public ShareLink createLink(ShareLink link) {
        Objects.requireNonNull(link, "link");
        ShareLink stored = new ShareLink(link.id(), link.albumId(), link.ownerId(), link.tokenHash(),
                link.expiresAt(), link.passwordHash(), link.allowOriginals(), link.showLocation(),
                link.createdAt(), link.revokedAt(), 0, 0, Optional.empty(), 1);
        String doing = "creating share link " + link.id();
        return Errors.call(doing, () -> {
            Map<String, AttributeValue> listing = new HashMap<>(key(ALBUM + link.albumId(), LINK + link.id()));
            listing.put("ownerId", s(link.ownerId().toString()));
            listing.put("linkId", s(link.id().toString()));
            listing.put("tokenHash", s(link.tokenHash()));
            Map<String, AttributeValue> claim = new HashMap<>(key(TOKEN + link.tokenHash(), "TOKEN"));
            claim.put("linkId", s(link.id().toString()));
            claim.put("ownerId", s(link.ownerId().toString()));
            claim.put("albumId", s(link.albumId().toString()));
            List<CancellationReason> reasons = Transactions.tryWrite(client, TransactWriteItemsRequest.builder()
                    .transactItems(guards.isOpen(link.ownerId(), link.albumId()),
                            put(linkItem(stored), "attribute_not_exists(pk)"),
                            put(listing, "attribute_not_exists(pk)"),
                            put(claim, "attribute_not_exists(pk)"))
                    .build(), doing);
            if (Transactions.failed(reasons, 0)) {
                throw new NotFoundException("album", link.albumId());
            }
            if (!reasons.isEmpty()) {
                throw new ConflictException("share link " + link.id() + " or its token is stored already");
            }
            return stored;
        });
    }

    @Override
    public Optional<ShareLink> findLink(UserId owner, ShareLinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        return Errors.call("finding share link " + id, () -> get(LINK + id, "LINK")
                .map(DynamoDbShareRepository::toLink).filter(link -> link.ownerId().equals(owner)));
    }

    @Override
    public Optional<ShareLink> findLinkByToken(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return Errors.call("finding a share link by token", () -> get(TOKEN + tokenHash, "TOKEN")
                .flatMap(claim -> get(LINK + claim.get("linkId").s(), "LINK"))
                .map(DynamoDbShareRepository::toLink).filter(link -> link.tokenHash().equals(tokenHash)));
    }

    @Override
    public Slice<ShareLink> listLinks(UserId owner, AlbumId album, int limit, Optional<String> after) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(album, "album");
        checkLimit(limit);
        Optional<String> position = position(after);
        return Errors.call("listing the share links of album " + album, () -> {
            Page page = query(ALBUM + album, LINK, false, limit, position.map(p -> LINK + p));
            if (page.items.stream().anyMatch(listing -> !owner.toString().equals(listing.get("ownerId").s()))) {
                return Slice.<ShareLink>last(List.of());
            }
            // The links themselves in one BatchGetItem per page (a page is at most 100 keys), in listing order.
            Map<String, ShareLink> byId = new HashMap<>();
            for (Map<String, AttributeValue> item : getAll(page.items.stream()
                    .map(listing -> key(LINK + listing.get("linkId").s(), "LINK")).toList())) {
                ShareLink link = toLink(item);
                byId.put(link.id().toString(), link);
            }
            List<ShareLink> links = page.items.stream().map(listing -> byId.get(listing.get("linkId").s()))
                    .filter(link -> link != null && link.ownerId().equals(owner)).toList();
            String last = page.items.isEmpty() ? null : page.items.get(page.items.size() - 1).get("linkId").s();
            return slice(links, page.more, last);
        });
    }

    @Override
    public ShareLink updateLink(ShareLink link) {
        Objects.requireNonNull(link, "link");
        return Errors.call("updating share link " + link.id(), () -> {
            Map<String, AttributeValue> values = new HashMap<>();
            List<String> set = new ArrayList<>();
            List<String> remove = new ArrayList<>();
            values.put(":owner", s(link.ownerId().toString()));
            values.put(":v", n(link.version()));
            values.put(":one", n(1));
            values.put(":originals", AttributeValue.fromBool(link.allowOriginals()));
            values.put(":location", AttributeValue.fromBool(link.showLocation()));
            set.add("allowOriginals = :originals");
            set.add("showLocation = :location");
            set.add("#version = #version + :one");
            optional("expiresAt", link.expiresAt().map(DynamoDbShareRepository::instant), set, remove, values);
            optional("passwordHash", link.passwordHash().map(DynamoDbShareRepository::s), set, remove, values);
            optional("revokedAt", link.revokedAt().map(DynamoDbShareRepository::instant), set, remove, values);
            String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
            try {
                UpdateItemResponse response = client.updateItem(r -> r.tableName(table).key(key(LINK + link.id(), "LINK"))
                        .updateExpression(expression)
                        .conditionExpression("attribute_exists(pk) AND ownerId = :owner AND #version = :v")
                        .expressionAttributeNames(Map.of("#version", "version"))
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW));
                return toLink(response.attributes());
            } catch (ConditionalCheckFailedException e) {
                Optional<ShareLink> now = get(LINK + link.id(), "LINK").map(DynamoDbShareRepository::toLink)
                        .filter(stored -> stored.ownerId().equals(link.ownerId()));
                if (now.isEmpty()) {
                    throw new NotFoundException("share link", link.id());
                }
                throw new ConcurrentModificationException("share link " + link.id() + " is at version "
                        + now.get().version() + ", not " + link.version());
            }
        });
    }

    @Override
    public void countView(ShareLinkId id) {
        Objects.requireNonNull(id, "id");
        Errors.run("counting a view of share link " + id, () -> conditionalUpdate(id, "ADD #views :one",
                "attribute_exists(pk)", Map.of("#views", "views"), Map.of(":one", n(1))));
    }

    @Override
    public boolean takeGuess(ShareLinkId id, int max, Instant now, Instant lockedBefore) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lockedBefore, "lockedBefore");
        return Errors.call("taking a password guess on share link " + id, () ->
                conditionalUpdate(id, "ADD failedGuesses :one SET lastFailedGuessAt = :now",
                        "attribute_exists(pk) AND failedGuesses < :max", Map.of(),
                        Map.of(":one", n(1), ":now", instant(now), ":max", n(max)))
                || conditionalUpdate(id, "SET failedGuesses = :one, lastFailedGuessAt = :now",
                        "attribute_exists(pk) AND failedGuesses >= :max AND (attribute_not_exists(lastFailedGuessAt) "
                                + "OR lastFailedGuessAt < :lockedBefore)", Map.of(),
                        Map.of(":one", n(1), ":now", instant(now), ":max", n(max),
                                ":lockedBefore", instant(lockedBefore))));
    }

    @Override
    public void clearGuesses(ShareLinkId id) {
        Objects.requireNonNull(id, "id");
        Errors.run("clearing the guesses of share link " + id, () -> conditionalUpdate(id,
                "SET failedGuesses = :zero", "attribute_exists(pk)", Map.of(), Map.of(":zero", n(0))));
    }

    @Override
    public void removeAlbum(UserId owner, AlbumId album) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(album, "album");
        Errors.run("removing the memberships and links of album " + album, () -> {
            List<Map<String, AttributeValue>> listed = queryAll(ALBUM + album, null).stream()
                    .filter(item -> owner.toString().equals(item.get("ownerId").s())).toList();
            List<Map<String, AttributeValue>> elsewhere = new ArrayList<>();
            for (Map<String, AttributeValue> item : listed) {
                String sk = item.get("sk").s();
                if (sk.startsWith(MEMBER)) {
                    elsewhere.add(key(MEMBER + sk.substring(MEMBER.length()), album.toString()));
                } else if (sk.startsWith(LINK)) {
                    elsewhere.add(key(TOKEN + item.get("tokenHash").s(), "TOKEN"));
                    elsewhere.add(key(LINK + item.get("linkId").s(), "LINK"));
                }
            }
            // The items elsewhere first, the album's own listing last: a repeat after a failure finds the rest.
            deleteAll(elsewhere);
            deleteAll(listed.stream().map(item -> key(ALBUM + album, item.get("sk").s())).toList());
        });
    }

    // --- items ---------------------------------------------------------------------------------

    private record Page(List<Map<String, AttributeValue>> items, boolean more) {
    }

    private boolean conditionalUpdate(ShareLinkId id, String update, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {
        try {
            client.updateItem(r -> {
                r.tableName(table).key(key(LINK + id, "LINK")).updateExpression(update)
                        .conditionExpression(condition).expressionAttributeValues(values);
                if (!names.isEmpty()) {
                    r.expressionAttributeNames(names);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).key(key(pk, sk)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private void delete(String pk, String sk) {
        client.deleteItem(r -> r.tableName(table).key(key(pk, sk)));
    }

    /** Deletes by key with BatchWriteItem, 25 per call, sending unprocessed keys again after a backoff. */
    private void deleteAll(List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += Batches.MAX_BATCH) {
            List<WriteRequest> pending = keys.subList(from, Math.min(keys.size(), from + Batches.MAX_BATCH)).stream()
                    .map(key -> WriteRequest.builder().deleteRequest(d -> d.key(key)).build()).toList();
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == Backoff.MAX_ATTEMPTS) {
                    throw new StorageUnavailableException("DynamoDB left " + pending.size()
                            + " deletes unprocessed after " + attempt + " attempts (throttled?)", null);
                }
                if (attempt > 0) {
                    Backoff.pause(attempt);
                }
                List<WriteRequest> batch = pending;
                pending = client.batchWriteItem(r -> r.requestItems(Map.of(table, batch)))
                        .unprocessedItems().getOrDefault(table, List.of());
            }
        }
    }

    /** Reads by key with strongly consistent BatchGetItems of 100 keys, unprocessed keys again after a backoff. */
    private List<Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_BATCH_GET) {
            found.addAll(getBatch(keys.subList(from, Math.min(keys.size(), from + MAX_BATCH_GET))));
        }
        return found;
    }

    private List<Map<String, AttributeValue>> getBatch(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        List<Map<String, AttributeValue>> pending = keys;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == Backoff.MAX_ATTEMPTS) {
                throw new StorageUnavailableException("DynamoDB left " + pending.size()
                        + " reads unprocessed after " + attempt + " attempts (throttled?)", null);
            }
            if (attempt > 0) {
                Backoff.pause(attempt);
            }
            KeysAndAttributes request = KeysAndAttributes.builder().keys(pending).consistentRead(true).build();
            BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(Map.of(table, request)));
            found.addAll(response.responses().getOrDefault(table, List.of()));
            KeysAndAttributes left = response.unprocessedKeys().get(table);
            pending = left == null ? List.of() : left.keys();
        }
        return found;
    }

    private Page query(String pk, String prefix, boolean ascending, int limit, Optional<String> afterSk) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).consistentRead(true)
                .scanIndexForward(ascending).limit(limit + 1);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(pk));
        if (prefix != null) {
            values.put(":prefix", s(prefix));
            request.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)");
        } else {
            request.keyConditionExpression("pk = :pk");
        }
        request.expressionAttributeValues(values);
        afterSk.ifPresent(sk -> request.exclusiveStartKey(key(pk, sk)));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        boolean first = true;
        while (items.size() <= limit && (first || start != null)) {
            if (!first) {
                request.exclusiveStartKey(start);
            }
            first = false;
            QueryResponse response = client.query(request.limit(limit + 1 - items.size()).build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        }
        boolean more = items.size() > limit;
        return new Page(more ? items.subList(0, limit) : items, more);
    }

    private List<Map<String, AttributeValue>> queryAll(String pk, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(pk)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = client.query(request.build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static <T> Slice<T> slice(List<T> items, boolean more, String last) {
        return more && last != null ? new Slice<>(items, Optional.of(last)) : Slice.last(items);
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new InvalidInputException("limit", "must be at least 1 (was " + limit + ")");
        }
    }

    /** A position is the id (a lower-case UUID) of the last item of the previous slice. */
    private static Optional<String> position(Optional<String> after) {
        Objects.requireNonNull(after, "after");
        after.ifPresent(text -> {
            try {
                if (!UUID.fromString(text).toString().equals(text)) {
                    throw new IllegalArgumentException(text);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cursor", "is not a position this store handed out");
            }
        });
        return after;
    }

    private static void optional(String name, Optional<AttributeValue> value, List<String> set, List<String> remove,
            Map<String, AttributeValue> values) {
        if (value.isPresent()) {
            set.add(name + " = :" + name);
            values.put(":" + name, value.get());
        } else {
            remove.add(name);
        }
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static Map<String, AttributeValue> memberItem(AlbumMember member, String pk, String sk) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put("albumId", s(member.albumId().toString()));
        item.put("ownerId", s(member.ownerId().toString()));
        item.put("memberId", s(member.memberId().toString()));
        item.put("role", s(member.role().name()));
        item.put("originals", AttributeValue.fromBool(member.originals()));
        item.put("createdAt", instant(member.createdAt()));
        item.put("updatedAt", instant(member.updatedAt()));
        return item;
    }

    private static AlbumMember toMember(Map<String, AttributeValue> item) {
        return new AlbumMember(new AlbumId(UUID.fromString(item.get("albumId").s())),
                new UserId(UUID.fromString(item.get("ownerId").s())), new UserId(UUID.fromString(item.get("memberId").s())),
                AlbumRole.valueOf(item.get("role").s()), item.get("originals").bool(), toInstant(item.get("createdAt")),
                toInstant(item.get("updatedAt")));
    }

    private static Map<String, AttributeValue> linkItem(ShareLink link) {
        Map<String, AttributeValue> item = new HashMap<>(key(LINK + link.id(), "LINK"));
        item.put("linkId", s(link.id().toString()));
        item.put("albumId", s(link.albumId().toString()));
        item.put("ownerId", s(link.ownerId().toString()));
        item.put("tokenHash", s(link.tokenHash()));
        link.expiresAt().ifPresent(at -> item.put("expiresAt", instant(at)));
        link.passwordHash().ifPresent(hash -> item.put("passwordHash", s(hash)));
        item.put("allowOriginals", AttributeValue.fromBool(link.allowOriginals()));
        item.put("showLocation", AttributeValue.fromBool(link.showLocation()));
        item.put("createdAt", instant(link.createdAt()));
        link.revokedAt().ifPresent(at -> item.put("revokedAt", instant(at)));
        item.put("views", n(link.views()));
        item.put("failedGuesses", n(link.failedGuesses()));
        link.lastFailedGuessAt().ifPresent(at -> item.put("lastFailedGuessAt", instant(at)));
        item.put("version", n(link.version()));
        return item;
    }

    private static ShareLink toLink(Map<String, AttributeValue> item) {
        return new ShareLink(new ShareLinkId(UUID.fromString(item.get("linkId").s())),
                new AlbumId(UUID.fromString(item.get("albumId").s())), new UserId(UUID.fromString(item.get("ownerId").s())),
                item.get("tokenHash").s(), optionalInstant(item, "expiresAt"),
                Optional.ofNullable(item.get("passwordHash")).map(AttributeValue::s),
                item.get("allowOriginals").bool(), item.get("showLocation").bool(), toInstant(item.get("createdAt")),
                optionalInstant(item, "revokedAt"), Long.parseLong(item.get("views").n()),
                Integer.parseInt(item.get("failedGuesses").n()), optionalInstant(item, "lastFailedGuessAt"),
                Long.parseLong(item.get("version").n()));
    }

    private static Optional<Instant> optionalInstant(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(DynamoDbShareRepository::toInstant);
    }

    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    /** Instants are stored as a number of nanoseconds since the epoch, so that they compare in time order. */
    private static AttributeValue instant(Instant at) {
        return AttributeValue.fromN(BigInteger.valueOf(at.getEpochSecond()).multiply(BILLION)
                .add(BigInteger.valueOf(at.getNano())).toString());
    }

    private static Instant toInstant(AttributeValue value) {
        BigInteger[] parts = new BigInteger(value.n()).divideAndRemainder(BILLION);
        if (parts[1].signum() < 0) {
            parts[0] = parts[0].subtract(BigInteger.ONE);
            parts[1] = parts[1].add(BILLION);
        }
        return Instant.ofEpochSecond(parts[0].longValueExact(), parts[1].longValueExact());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
