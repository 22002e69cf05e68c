package dev.gallerykit.local;

import java.util.Objects;

/**
 * A static AWS access key pair, as the local S3 and DynamoDB servers accept it. Its
 * {@link #toString()} leaves the secret out, so it can be logged.
 */
public record Credentials(String accessKeyId, String secretAccessKey) {

    public Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + "]";
    }
}
