/**
 * The contract suites every adapter runs, and the image fixtures they use. An adapter's test extends
 * a contract from {@code dev.gallerykit.testkit.contract} and says only how to build the adapter.
 */
module dev.gallerykit.testkit {
    exports dev.gallerykit.testkit;
    exports dev.gallerykit.testkit.contract;
    exports dev.gallerykit.testkit.fixtures;

    requires transitive dev.gallerykit.api;
    requires transitive org.junit.jupiter.api;
    requires transitive java.desktop;
    requires java.net.http;
    // Only for the local servers in dev.gallerykit.testkit.cloud, which is not exported and leaves the
    // test kit for gallery-local; their own libraries are read from the class path (see the POM).
    requires java.sql;
    requires org.apache.commons.imaging;
    requires org.assertj.core;
    requires org.junit.jupiter.params;
}
