package dev.gallerykit.fuzz;

import dev.gallerykit.auth.AuthTokens;
import dev.gallerykit.auth.MailMessage;
import dev.gallerykit.auth.ProfileUpdate;
import dev.gallerykit.internal.CursorSeeds;
import dev.gallerykit.testkit.fixtures.Fixture;
import dev.gallerykit.testkit.fixtures.HostileFiles;
import dev.gallerykit.testkit.fixtures.PhotoFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Writes the seed inputs of every fuzz test into {@code src/test/resources}, from the test kit's fixtures
 * and from tokens the {@link AccountsFixture} issues. Not a check: its name is outside Surefire's test patterns,
 * so it runs only when named ({@code -Dtest=SeedFiles}, see README.md), after a fixture or a target changed; the
 * seeds are committed.
 * Findings are kept beside them by Jazzer and never overwritten here.
 */
class SeedFiles {

    /** Seeds over this size are left out: they would slow every mutation down. */
    static final int MAX_SEED_BYTES = 50 * 1024;
    private static final Pattern LINK_TOKEN = Pattern.compile("token=([A-Za-z0-9._-]+)");

    @Test
    void writeSeeds() throws IOException {
        Path resources = Path.of("src/test/resources");
        Map<String, byte[]> images = images();
        write(resources, "dev/gallerykit/fuzz/ImagePipelineFuzzTestInputs/analyze", images);
        write(resources, "dev/gallerykit/fuzz/ImagePipelineFuzzTestInputs/render", images);
        write(resources, "dev/gallerykit/fuzz/UploadFuzzTestInputs/upload", images);
        write(resources, "dev/gallerykit/internal/CursorFuzzTestInputs/list", CursorSeeds.all());
        Map<String, String> tokens = tokens();
        write(resources, "dev/gallerykit/fuzz/TokenFuzzTestInputs/present", presented(tokens));
        write(resources, "dev/gallerykit/fuzz/TokenFuzzTestInputs/signedParts", signedParts(tokens));
    }

    private static Map<String, byte[]> images() {
        List<Fixture> fixtures = List.of(
                PhotoFixtures.aJpegWithExif(),
                PhotoFixtures.aJpeg(24, 16, 1),
                PhotoFixtures.aCmykJpeg(),
                PhotoFixtures.aTruncatedJpeg(),
                PhotoFixtures.aPng(24, 16),
                PhotoFixtures.aHugeHeaderPng(),
                PhotoFixtures.aGif(),
                PhotoFixtures.aWebp(),
                PhotoFixtures.aHeicWithExif(),
                PhotoFixtures.aGridHeic(),
                HostileFiles.aPngWithCompressedText(4096),
                HostileFiles.aTinyWebpDeclaring(4000, 4000),
                HostileFiles.aHeifWithoutPrimaryItem(),
                HostileFiles.aTruncatedHeif());
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (Fixture fixture : fixtures) {
            byte[] bytes = fixture.bytes();
            if (bytes.length > MAX_SEED_BYTES) {
                System.out.println("left out " + fixture + ": over " + MAX_SEED_BYTES + " bytes");
                continue;
            }
            String name = fixture.fileName().replaceAll("[^A-Za-z0-9.-]", "_");
            seeds.put("seed-" + seeds.size() + "-" + name, bytes);
        }
        return seeds;
    }

    /** Each kind of token the accounts hand out, issued at the fixture's fixed time. */
    private static Map<String, String> tokens() {
        List<MailMessage> mails = new ArrayList<>();
        AccountsFixture fixture = new AccountsFixture(mails::add);
        AuthTokens signedIn = fixture.accounts.signIn(AccountsFixture.ACTIVE.email(), AccountsFixture.PASSWORD);
        fixture.accounts.updateProfile(AccountsFixture.ACTIVE.id(), ProfileUpdate.email("moved@fuzz.example"));
        fixture.accounts.requestPasswordReset(AccountsFixture.ACTIVE.email());
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("access", signedIn.accessToken());
        tokens.put("confirm-email", linkToken(mails.get(0)));
        tokens.put("reset-password", linkToken(mails.get(1)));
        tokens.put("refresh", signedIn.refreshToken());
        return tokens;
    }

    /** First byte: which call of {@code TokenFuzzTest.present} (0 authenticate ... 3 refresh). */
    private static Map<String, byte[]> presented(Map<String, String> tokens) {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        int call = 0;
        for (var token : tokens.entrySet()) {
            seeds.put("seed-" + token.getKey(), prefixed(call++, token.getValue()));
        }
        String[] access = tokens.get("access").split("\\.");
        seeds.put("seed-unsigned", prefixed(0, encode("{\"alg\":\"none\"}") + "." + access[1] + "."));
        seeds.put("seed-not-a-jwt", prefixed(0, "not.a.jwt"));
        return seeds;
    }

    /** The header and payload of each JWT, decoded and joined by a NUL byte, as {@code signedParts} reads them. */
    private static Map<String, byte[]> signedParts(Map<String, String> tokens) {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (String kind : List.of("access", "confirm-email", "reset-password")) {
            String[] parts = tokens.get(kind).split("\\.");
            ByteArrayOutputStream seed = new ByteArrayOutputStream();
            seed.writeBytes(Base64.getUrlDecoder().decode(parts[0]));
            seed.write(0);
            seed.writeBytes(Base64.getUrlDecoder().decode(parts[1]));
            seeds.put("seed-" + kind, seed.toByteArray());
        }
        return seeds;
    }

    private static String linkToken(MailMessage mail) {
        Matcher m = LINK_TOKEN.matcher(mail.text());
        if (!m.find()) {
            throw new IllegalStateException("no token in the mail to " + mail.to());
        }
        return m.group(1);
    }

    static byte[] prefixed(int first, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] seed = new byte[body.length + 1];
        seed[0] = (byte) first;
        System.arraycopy(body, 0, seed, 1, body.length);
        return seed;
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path resources, String directory, Map<String, byte[]> seeds) throws IOException {
        Path target = Files.createDirectories(resources.resolve(directory));
        for (var seed : seeds.entrySet()) {
            Files.write(target.resolve(seed.getKey()), seed.getValue());
        }
        System.out.println("wrote " + seeds.size() + " seeds to " + target);
    }
}
