package dev.gallerykit.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a host gets on its test class path when it imports gallery-bom and adds gallery-local: this
 * module's own test class path is resolved the same way (gallery-bom is the build's top parent, so
 * its dependency management applies here as it does in a host that imports it). Mixed AWS SDK or
 * Jackson versions break at run time ({@code NoSuchMethodError}, {@code NoClassDefFoundError}),
 * long after resolution, so they are caught here.
 */
class HostClassPathTest {

    /** DynamoDB Local needs these at 2.39.0: the registry has no 2.40 to 2.42 of them. */
    private static final Set<String> PINNED_SDK_MODULES = Set.of("pinpoint", "cognitoidentity", "cognitoidentityprovider");
    private static final String PINNED_SDK_VERSION = "2.39.0";
    private static final Set<String> SYNC_HTTP_CLIENTS = Set.of("apache-client", "apache5-client",
            "url-connection-client", "aws-crt-client");

    /** {@code .../<group path>/<artifact>/<version>/<artifact>-<version>[-classifier].jar} in a Maven repository. */
    private static final Pattern REPOSITORY_JAR = Pattern.compile(
            "(?<group>.+)/(?<artifact>[^/]+)/(?<version>[^/]+)/\\k<artifact>-\\k<version>(-[^/]+)?\\.jar");

    @Test
    @DisplayName("one AWS SDK version for every module but the three that DynamoDB Local pins")
    void oneAwsSdkVersion() {
        Map<String, String> sdk = versions("software/amazon/awssdk");
        assertThat(sdk).containsKeys("utils", "auth", "sdk-core", "regions", "aws-core", "http-client-spi", "s3");

        Map<String, String> pinned = new TreeMap<>(sdk);
        pinned.keySet().retainAll(PINNED_SDK_MODULES);
        sdk.keySet().removeAll(PINNED_SDK_MODULES);

        assertThat(new TreeSet<>(sdk.values())).as("AWS SDK versions of %s", sdk).hasSize(1);
        assertThat(pinned).containsOnlyKeys(PINNED_SDK_MODULES).allSatisfy((module, version) ->
                assertThat(version).as(module).isEqualTo(PINNED_SDK_VERSION));
    }

    @Test
    @DisplayName("no second sync HTTP client of the SDK next to the host's (here the Apache one of the tests)")
    void oneSyncHttpClient() {
        Map<String, String> sdk = versions("software/amazon/awssdk");
        sdk.keySet().retainAll(SYNC_HTTP_CLIENTS);

        // With two, SDK clients built without naming one refuse to start.
        assertThat(sdk).containsOnlyKeys("apache-client");
    }

    @Test
    @DisplayName("one Jackson 2 version (annotations carry only its minor, by Jackson's own scheme)")
    void oneJacksonVersion() {
        Map<String, String> jackson = versions("com/fasterxml/jackson");
        assertThat(jackson).containsKeys("jackson-core", "jackson-databind", "jackson-annotations");

        String release = jackson.get("jackson-databind");
        // Since 2.20, jackson-annotations is versioned 2.N for every 2.N.x of the other modules.
        String annotations = jackson.remove("jackson-annotations");

        assertThat(new TreeSet<>(jackson.values())).as("Jackson versions of %s", jackson).containsExactly(release);
        assertThat(release).startsWith(annotations + ".");
    }

    /** Artifact to version for the jars on the class path whose group path starts with {@code groupPath}. */
    private static Map<String, String> versions(String groupPath) {
        Map<String, String> versions = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher jar = REPOSITORY_JAR.matcher(entry.replace(File.separatorChar, '/'));
            if (jar.matches() && (jar.group("group") + "/").contains("/" + groupPath + "/")) {
                String previous = versions.put(jar.group("artifact"), jar.group("version"));
                assertThat(previous).as("two versions of %s", jar.group("artifact")).isNull();
            }
        }
        return versions;
    }
}
