package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.image.JavaImageEngine;
import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.spring.GalleryKitConfigurationException;
import dev.gallerykit.spring.GalleryKitProperties;
import dev.gallerykit.vips.VipsImageEngine;
import dev.gallerykit.vips.VipsUnavailableException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * The {@link ImageEngine} of {@code gallerykit.upload.engine}, unless the host defines one. gallery-vips is
 * optional: its classes are touched only after {@link ClassUtils#isPresent} has found them.
 */
@Configuration(proxyBeanMethods = false)
class ImageEngineConfiguration {

    private static final String PROPERTY = "gallerykit.upload.engine";
    private static final String VIPS_ENGINE = "dev.gallerykit.vips.VipsImageEngine";

    @Bean
    @ConditionalOnMissingBean
    ImageEngine gallerykitImageEngine(GalleryKitProperties properties, ResourceLoader resources) {
        boolean vipsModule = ClassUtils.isPresent(VIPS_ENGINE, resources.getClassLoader());
        return switch (properties.upload().engine()) {
            case JAVA -> new JavaImageEngine();
            case VIPS -> {
                if (!vipsModule) {
                    throw new GalleryKitConfigurationException(PROPERTY,
                            "is vips, which needs dev.gallerykit:gallery-vips on the class path");
                }
                yield Vips.required();
            }
            case AUTO -> vipsModule ? Vips.ifAvailable() : new JavaImageEngine();
        };
    }

    /** Loaded only when gallery-vips is on the class path. */
    private static final class Vips {

        private Vips() {
        }

        static ImageEngine required() {
            try {
                return VipsImageEngine.create();
            } catch (VipsUnavailableException e) {
                throw new GalleryKitConfigurationException(PROPERTY, "is vips, but " + e.getMessage(), e);
            }
        }

        static ImageEngine ifAvailable() {
            return VipsImageEngine.available() ? VipsImageEngine.create() : new JavaImageEngine();
        }
    }
}
