package dev.gallerykit.examples.tours;

import dev.gallerykit.Gallery;
import dev.gallerykit.auth.Accounts;
import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.UserRepository;
import java.util.Optional;

/**
 * What the tour's steps use: the gallery and the accounts, and the stores underneath, which the last
 * step reads directly to show that an account's data is gone; the queues of an asynchronous tour.
 */
record TourStores(Gallery gallery, Accounts accounts, UserRepository users, AlbumRepository albums,
                  PhotoRepository photos, BlobStore blobs, Inbox inbox, Optional<TourQueues> queues) {
}
