/**
 * Spring Boot auto-configuration of GalleryKit from {@code gallerykit.*} properties: see
 * {@link dev.gallerykit.spring.GalleryKitProperties}, and
 * {@link dev.gallerykit.spring.GalleryKitConfigurationException} for what is missing. The adapters, accounts, Spring mail and health
 * support are optional: each part turns on when its module is present.
 */
// Spring's jars have no module descriptors; they declare stable Automatic-Module-Names.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.gallerykit.spring {
    exports dev.gallerykit.spring;

    requires transitive dev.gallerykit.api;
    requires transitive spring.boot;
    requires transitive spring.boot.autoconfigure;
    // DataSize, in the properties.
    requires transitive spring.core;
    requires spring.beans;
    requires spring.context;
    requires org.slf4j;

    requires static dev.gallerykit.auth;
    requires static dev.gallerykit.dynamodb;
    requires static dev.gallerykit.jdbc;
    requires static dev.gallerykit.s3;
    requires static dev.gallerykit.sqs;
    requires static dev.gallerykit.vips;
    requires static jakarta.mail;
    requires static spring.boot.health;
    requires static spring.context.support;
    requires static software.amazon.awssdk.auth;
    requires static software.amazon.awssdk.core;
    requires static software.amazon.awssdk.regions;
    requires static software.amazon.awssdk.services.dynamodb;
    requires static software.amazon.awssdk.services.s3;
    requires static software.amazon.awssdk.services.sqs;

    // Spring binds the properties records, and reads and runs the configuration classes, by reflection. The
    // auto-configuration is not API: hosts name its classes only to exclude them.
    opens dev.gallerykit.spring to spring.core, spring.beans, spring.context, spring.boot;
    opens dev.gallerykit.spring.autoconfigure to spring.core, spring.beans, spring.context, spring.boot;
}
