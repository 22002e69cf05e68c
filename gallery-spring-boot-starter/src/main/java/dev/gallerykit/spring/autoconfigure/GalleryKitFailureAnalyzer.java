package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.spring.GalleryKitConfigurationException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link GalleryKitConfigurationException} at start-up as the list of properties to set or
 * fix, instead of a chain of bean-creation exceptions.
 */
public final class GalleryKitFailureAnalyzer extends AbstractFailureAnalyzer<GalleryKitConfigurationException> {

    /** Made by Spring Boot from {@code META-INF/spring.factories}. */
    public GalleryKitFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GalleryKitConfigurationException cause) {
        String description = cause.problems().stream()
                .map(problem -> "    " + problem)
                .collect(Collectors.joining(System.lineSeparator(),
                        "GalleryKit could not be configured:" + System.lineSeparator(), ""));
        String action = "Set or correct "
                + cause.problems().stream().map(GalleryKitConfigurationException.Problem::property).distinct()
                        .collect(Collectors.joining(", "))
                + " (in application.properties, application.yml or the environment), or define the bean"
                + " GalleryKit would otherwise make. The gallery-spring-boot-starter README lists every property.";
        return new FailureAnalysis(description, action, cause);
    }
}
