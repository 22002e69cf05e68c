package dev.gallerykit.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.Job;

/**
 * The body of a job message: {@code {"version":1,"kind":"PROCESS_PHOTO","ownerId":"…","photoId":"…"}}.
 * Fields this version does not know are ignored, so a later version 1 can add some.
 */
final class JobJson {

    static final int VERSION = 1;

    private JobJson() {
    }

    static String write(Job job) {
        ObjectNode node = Json.object(VERSION);
        node.put("kind", job.kind().name());
        node.put("ownerId", job.ownerId().toString());
        node.put("photoId", job.photoId().toString());
        return Json.write(node);
    }

    /** @throws InvalidInputException naming what is wrong when the body is not a job of this version */
    static Job read(String body) {
        JsonNode node = Json.read(body, VERSION);
        return new Job(Json.constant(node, "kind", Job.Kind.class), UserId.of(Json.uuid(node, "ownerId")),
                PhotoId.of(Json.uuid(node, "photoId")));
    }
}
