package dev.gallerykit.web.aws;

import dev.gallerykit.spring.GalleryKitConfigurationException;
import dev.gallerykit.spring.GalleryKitConfigurationException.Problem;
import dev.gallerykit.spring.GalleryKitProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.util.StringUtils;

/**
 * What the {@code aws} profile requires beyond the starter, which has fallbacks that suit one process
 * on a laptop but not a deployment: without {@code gallerykit.mail.host} the account mails, whose
 * links are credentials, would only be logged; without {@code gallerykit.cursor-secret} every
 * instance would sign its page cursors with a key of its own. A start without them fails naming
 * both, in the starter's start-up report.
 */
@Configuration(proxyBeanMethods = false)
@Profile("aws")
class AwsProfileConfiguration {

    AwsProfileConfiguration(GalleryKitProperties properties) {
        List<Problem> problems = new ArrayList<>();
        if (!StringUtils.hasText(properties.mail().host())) {
            problems.add(new Problem("gallerykit.mail.host", "is required on the aws profile (GALLERYKIT_MAIL_HOST):"
                    + " without it the mails, whose links are credentials, would only be logged"));
        }
        if (!StringUtils.hasText(properties.cursorSecret())) {
            problems.add(new Problem("gallerykit.cursor-secret", "is required on the aws profile"
                    + " (GALLERYKIT_CURSORSECRET, base64 of at least 32 random bytes, the same on every instance)"));
        }
        if (!problems.isEmpty()) {
            throw new GalleryKitConfigurationException(problems);
        }
    }
}
