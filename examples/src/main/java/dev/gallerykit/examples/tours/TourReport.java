package dev.gallerykit.examples.tours;

import dev.gallerykit.domain.Dimensions;
import dev.gallerykit.domain.UserStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tour found at each step, for its tests: the outcomes it also prints.
 *
 * @param refusedBeforeConfirmation   the sign-in refusal before the email was confirmed
 * @param confirmationLink            the link read from the confirmation mail
 * @param statusAfterConfirmation     the account's status once the link was opened
 * @param authenticatedAs             the email the access token stands for
 * @param albums                      the album names as listed, newest first
 * @param uploaded                    titles of the uploaded photos, in upload order
 * @param processed                   for an asynchronous tour, what the uploads answered and the workers did
 * @param pages                       the titles on each page of the paged album
 * @param searches                    each search's label and the titles it found
 * @param updated                     title and user tags of the updated photo, as stored afterwards
 * @param thumbnail                   what an HTTP GET of the presigned thumbnail URL got
 * @param thumbnailDimensions         the thumbnail's size as the photo's record states it
 * @param deletedPhotoGone            whether getting the deleted photo was refused as not found
 * @param blobsRemovedWithAlbum       how many of the owner's blobs went with the deleted album
 * @param leftovers                   what was left of the account once it was deleted
 */
record TourReport(String email, String refusedBeforeConfirmation, String confirmationLink,
                  UserStatus statusAfterConfirmation, String authenticatedAs, List<String> albums,
                  List<String> uploaded, Optional<Processed> processed, List<List<String>> pages, Map<String, List<String>> searches,
                  Updated updated, FetchedFile thumbnail, Optional<Dimensions> thumbnailDimensions,
                  boolean deletedPhotoGone, long blobsRemovedWithAlbum, Leftovers leftovers) {

    record Updated(String title, List<String> tags) {
    }

    /**
     * @param answeredProcessing how many uploads answered {@code PROCESSING} with their original only
     * @param ready              how many photos the workers made ready
     * @param failed             how many they marked failed
     * @param events             how many events of each type the events queue carried meanwhile
     */
    record Processed(int answeredProcessing, long ready, long failed, Map<String, Long> events) {
    }

    /**
     * @param signInRefusal the message signing in got after the deletion; empty if it succeeded
     * @param user          whether the user record is still there
     */
    record Leftovers(Optional<String> signInRefusal, boolean user, int albums, int photos, long blobs) {

        boolean none() {
            return signInRefusal.isPresent() && !user && albums == 0 && photos == 0 && blobs == 0;
        }
    }
}
