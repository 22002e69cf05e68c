package dev.gallerykit.domain;

/** What a member of someone else's album may do there. */
public enum AlbumRole {

    /** Sees the album, its photos and their renditions (and the originals when the membership allows). */
    VIEWER,

    /** A viewer who also uploads into the album, and edits or deletes the photos they uploaded. */
    CONTRIBUTOR
}
