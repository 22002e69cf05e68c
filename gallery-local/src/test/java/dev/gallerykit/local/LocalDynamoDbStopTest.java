package dev.gallerykit.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A program that starts DynamoDB Local and stops it ends when its main method returns: the server's
 * background jobs do not keep its JVM alive. Checked in a JVM of its own, where no other server runs.
 */
@DisplayName("DynamoDB Local, stopped")
class LocalDynamoDbStopTest {

    /** The program: two servers, the first stopped while the second still answers, then the second. */
    public static final class TwoServers {
        public static void main(String[] args) {
            LocalDynamoDb.Server first = LocalDynamoDb.start();
            LocalDynamoDb.Server second = LocalDynamoDb.start();
            first.close();
            try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(second.endpoint().uri())
                    .region(Region.of(second.endpoint().region()))
                    .httpClientBuilder(ApacheHttpClient.builder())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                    .build()) {
                System.out.println("tables after the first stopped: " + client.listTables().tableNames().size());
            }
            second.close();
            System.out.println("main returned");
        }
    }

    @Test
    @DisplayName("lets the JVM exit once its main returns, and a second server serves while the first stops")
    void theJvmExitsWhenMainReturns(@TempDir Path dir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("two-servers.log");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                TwoServers.class.getName())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A generous bound on a liveness check: a JVM kept alive by a sleeping job never ends by itself.
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(ended).as("the JVM ended by itself; its output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("tables after the first stopped: 0", "main returned");
    }
}
