package dev.gallerykit.testkit.faults;

/**
 * Every method of the ports the gallery writes through, as the unit that a {@link FaultPlan} counts
 * and fails. A write changes the store, so a fault after it differs from a fault before it; a read
 * does not.
 */
public enum Operation {
    BLOB_PUT("BlobStore.put", true),
    BLOB_GET("BlobStore.get", false),
    BLOB_GET_RANGE("BlobStore.get(range)", false),
    BLOB_HEAD("BlobStore.head", false),
    BLOB_DELETE("BlobStore.delete", true),
    BLOB_DELETE_ALL("BlobStore.deleteAll", true),
    BLOB_LIST("BlobStore.list", false),
    BLOB_PRESIGN_GET("BlobStore.presignGet", false),
    BLOB_PRESIGN_PUT("BlobStore.presignPut", false),

    PHOTO_CREATE("PhotoRepository.create", true),
    PHOTO_FIND("PhotoRepository.find", false),
    PHOTO_FIND_BY_SHA256("PhotoRepository.findBySha256", false),
    PHOTO_UPDATE("PhotoRepository.update", true),
    PHOTO_LIST_BY_ALBUM("PhotoRepository.listByAlbum", false),
    PHOTO_SEARCH("PhotoRepository.search", false),
    PHOTO_DELETE("PhotoRepository.delete", true),
    PHOTO_DELETE_ALL("PhotoRepository.deleteAll", true),
    PHOTO_REMOVE_EXPIRED_HOLDS("PhotoRepository.removeExpiredHolds", true),

    ALBUM_CREATE("AlbumRepository.create", true),
    ALBUM_FIND("AlbumRepository.find", false),
    ALBUM_UPDATE("AlbumRepository.update", true),
    ALBUM_SET_COVER("AlbumRepository.setCover", true),
    ALBUM_MARK_DELETING("AlbumRepository.markDeleting", true),
    ALBUM_LIST("AlbumRepository.list", false),
    ALBUM_SEARCH("AlbumRepository.search", false),
    ALBUM_DELETE("AlbumRepository.delete", true),

    SHARE_PUT_MEMBER("ShareRepository.putMember", true),
    SHARE_FIND_MEMBER("ShareRepository.findMember", false),
    SHARE_LIST_MEMBERS("ShareRepository.listMembers", false),
    SHARE_LIST_SHARED_WITH("ShareRepository.listSharedWith", false),
    SHARE_REMOVE_MEMBER("ShareRepository.removeMember", true),
    SHARE_REMOVE_MEMBERSHIPS("ShareRepository.removeMemberships", true),
    SHARE_CREATE_LINK("ShareRepository.createLink", true),
    SHARE_FIND_LINK("ShareRepository.findLink", false),
    SHARE_FIND_LINK_BY_TOKEN("ShareRepository.findLinkByToken", false),
    SHARE_LIST_LINKS("ShareRepository.listLinks", false),
    SHARE_UPDATE_LINK("ShareRepository.updateLink", true),
    SHARE_COUNT_VIEW("ShareRepository.countView", true),
    SHARE_TAKE_GUESS("ShareRepository.takeGuess", true),
    SHARE_CLEAR_GUESSES("ShareRepository.clearGuesses", true),
    SHARE_REMOVE_ALBUM("ShareRepository.removeAlbum", true),

    USER_CREATE("UserRepository.create", true),
    USER_FIND_BY_ID("UserRepository.findById", false),
    USER_FIND_BY_EMAIL("UserRepository.findByEmail", false),
    USER_UPDATE("UserRepository.update", true),
    USER_DELETE("UserRepository.delete", true),

    SESSION_CREATE("SessionRepository.create", true),
    SESSION_FIND_BY_TOKEN_HASH("SessionRepository.findByTokenHash", false),
    SESSION_ROTATE("SessionRepository.rotate", true),
    SESSION_REVOKE_FAMILY("SessionRepository.revokeFamily", true),
    SESSION_REVOKE_ALL("SessionRepository.revokeAll", true),
    SESSION_DELETE_ALL("SessionRepository.deleteAll", true);

    private final String label;
    private final boolean write;

    Operation(String label, boolean write) {
        this.label = label;
        this.write = write;
    }

    /** Whether the operation changes the store (so that failing after it differs from failing before it). */
    public boolean isWrite() {
        return write;
    }

    /** {@code Port.method}, as test names show it. */
    @Override
    public String toString() {
        return label;
    }
}
