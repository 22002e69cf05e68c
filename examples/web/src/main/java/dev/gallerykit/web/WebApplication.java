package dev.gallerykit.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The reference web app: a server-rendered gallery on GalleryKit's Spring Boot starter. Without a
 * profile it runs on the {@code local} profile, which starts its own S3 and mail servers (see
 * {@link dev.gallerykit.web.local.LocalCloudRunListener}).
 */
@SpringBootApplication
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
