/**
 * The contract suites every adapter runs, and the image fixtures they use. An adapter's test extends
 * a contract from {@code dev.gallerykit.testkit.contract} and says only how to build the adapter.
 */
module dev.gallerykit.testkit {
    exports dev.gallerykit.testkit;
    exports dev.gallerykit.testkit.contract;
    exports dev.gallerykit.testkit.faults;
    exports dev.gallerykit.testkit.fixtures;

    requires transitive dev.gallerykit.api;
    requires transitive org.junit.jupiter.api;
    requires transitive java.desktop;
    requires java.net.http;
    requires org.apache.commons.imaging;
    requires org.assertj.core;
    requires org.junit.jupiter.params;
}
