package dev.gallerykit.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.local.LocalCloud.Service;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** LocalCloud with real servers: every service is reached over its endpoint, as an application would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalCloudTest {

    private LocalCloud cloud;

    @BeforeAll
    void start() {
        cloud = LocalCloud.start(Service.S3, Service.DYNAMODB, Service.SQS, Service.SMTP);
    }

    @AfterAll
    void stop() {
        cloud.close();
    }

    @Test
    @DisplayName("runs the services it was asked for, and only those")
    void runsTheServicesAskedFor() {
        assertThat(cloud.services()).containsExactly(Service.S3, Service.DYNAMODB, Service.SQS, Service.SMTP);
        assertThatThrownBy(cloud::mariaDb).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MARIADB is not running");
    }

    @Test
    @DisplayName("an object put over the S3 endpoint comes back, keys with slashes included")
    void putThenGetAnObjectOverS3() {
        LocalS3.Endpoint endpoint = cloud.s3();
        try (S3Client s3 = s3Client(endpoint, endpoint.credentials().orElseThrow())) {
            String bucket = endpoint.newBucketName("cloud");
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("album"), RequestBody.fromString("parent"));
            s3.putObject(b -> b.bucket(bucket).key("album/photo.jpg"), RequestBody.fromString("child"));

            assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("album/photo.jpg")).asUtf8String())
                    .isEqualTo("child");
            assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("album")).contents())
                    .extracting(S3Object::key).containsExactly("album", "album/photo.jpg");
        }
    }

    @Test
    @DisplayName("the S3 server checks signatures: another secret is refused")
    void aRequestSignedWithAnotherSecretIsRefused() {
        LocalS3.Endpoint endpoint = cloud.s3();
        Credentials wrong = new Credentials(endpoint.credentials().orElseThrow().accessKeyId(), "not-the-secret");
        try (S3Client s3 = s3Client(endpoint, wrong)) {
            assertThatThrownBy(() -> s3.createBucket(b -> b.bucket(endpoint.newBucketName("refused"))))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    @DisplayName("an item put over the DynamoDB endpoint comes back")
    void putThenGetAnItemOverDynamoDb() {
        LocalDynamoDb.Endpoint endpoint = cloud.dynamoDb();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint.uri())
                .region(Region.of(endpoint.region())).credentialsProvider(provider(endpoint.credentials().orElseThrow()))
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String table = "cloud-" + UUID.randomUUID();
            dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            dynamo.putItem(b -> b.tableName(table).item(Map.of("id", s("photo-1"), "title", s("Tram 28"))));

            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of("id", s("photo-1"))))
                    .item();

            assertThat(item).containsEntry("title", s("Tram 28"));
        }
    }

    @Test
    @DisplayName("a message sent over the SQS endpoint is received, hidden while held, and gone once deleted")
    void sendThenReceiveAMessageOverSqs() {
        LocalSqs.Endpoint endpoint = cloud.sqs();
        try (SqsClient sqs = SqsClient.builder().endpointOverride(endpoint.uri().orElseThrow())
                .region(Region.of(endpoint.region())).credentialsProvider(provider(endpoint.credentials().orElseThrow()))
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String queueUrl = sqs.createQueue(b -> b.queueName(endpoint.newQueueName("cloud"))).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"photo\":\"tram-28\"}"));

            List<software.amazon.awssdk.services.sqs.model.Message> received = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5)
                    .visibilityTimeout(60)).messages();

            assertThat(received).singleElement().satisfies(message ->
                    assertThat(message.body()).isEqualTo("{\"photo\":\"tram-28\"}"));
            assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages()).isEmpty();
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(received.get(0).receiptHandle()));
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes())
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
        }
    }

    @Test
    @DisplayName("S3 and DynamoDB accept the one key pair the cloud hands out, also as SDK environment variables with SQS's")
    void oneKeyPairForS3AndDynamoDb() {
        assertThat(cloud.s3().credentials()).contains(cloud.credentials());
        assertThat(cloud.dynamoDb().credentials()).contains(cloud.credentials());
        assertThat(cloud.awsEnvironment())
                .containsEntry("AWS_ENDPOINT_URL_S3", cloud.s3().uri().orElseThrow().toString())
                .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", cloud.dynamoDb().uri().toString())
                .containsEntry("AWS_ENDPOINT_URL_SQS", cloud.sqs().uri().orElseThrow().toString())
                .containsEntry("AWS_REGION", cloud.s3().region())
                .containsEntry("AWS_ACCESS_KEY_ID", cloud.credentials().accessKeyId())
                .containsEntry("AWS_SECRET_ACCESS_KEY", cloud.credentials().secretAccessKey());
    }

    @Test
    @DisplayName("a mail sent over SMTP with the server's account arrives, and can be read over IMAP")
    void sendOverSmtpThenReadOverImap() throws MessagingException, IOException {
        LocalSmtp.Server smtp = cloud.smtp();
        String to = "ann-" + UUID.randomUUID() + "@example.test";
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.auth", "true");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("mailer@gallerykit.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Confirm your account");
        message.setText("https://photos.example.test/confirm?t=abc", StandardCharsets.UTF_8.name());
        Transport.send(message, LocalSmtp.USER, LocalSmtp.PASSWORD);

        assertThat(smtp.awaitMessages(to, 1, Duration.ofSeconds(30))).hasSize(1);
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect(smtp.host(), smtp.imapPort(), to, to);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).singleElement().satisfies(received -> {
                assertThat(received.getSubject()).isEqualTo("Confirm your account");
                assertThat((String) received.getContent()).contains("confirm?t=abc");
            });
            inbox.close(false);
        }
    }

    @Test
    @DisplayName("describes every running service with its endpoint, for people")
    void describesEveryService() {
        String text = cloud.describe();

        assertThat(text).contains("S3\n", "DYNAMODB\n", "SQS\n", "SMTP\n")
                .contains(cloud.s3().uri().orElseThrow().toString(), cloud.dynamoDb().uri().toString(),
                        cloud.sqs().uri().orElseThrow().toString())
                .contains(String.valueOf(cloud.smtp().port()), String.valueOf(cloud.smtp().imapPort()))
                .contains("export AWS_ENDPOINT_URL_S3=" + cloud.s3().uri().orElseThrow())
                .doesNotContain("MARIADB");
    }

    @Test
    @DisplayName("closing stops every server, and closing again does nothing")
    void closeStopsEveryServer() {
        LocalCloud own = LocalCloud.start(List.of(Service.S3, Service.SQS, Service.SMTP));
        URI s3 = own.s3().uri().orElseThrow();
        URI sqs = own.sqs().uri().orElseThrow();
        int smtp = own.smtp().port();
        assertThat(accepts(s3.getPort())).isTrue();
        assertThat(accepts(sqs.getPort())).isTrue();
        assertThat(accepts(smtp)).isTrue();

        own.close();
        own.close();

        assertThat(accepts(s3.getPort())).isFalse();
        assertThat(accepts(sqs.getPort())).isFalse();
        assertThat(accepts(smtp)).isFalse();
        assertThat(own.services()).isEmpty();
        assertThatThrownBy(own::s3).isInstanceOf(IllegalStateException.class);
    }

    private static S3Client s3Client(LocalS3.Endpoint endpoint, Credentials credentials) {
        return S3Client.builder().endpointOverride(endpoint.uri().orElseThrow()).region(Region.of(endpoint.region()))
                .forcePathStyle(true).credentialsProvider(provider(credentials))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static StaticCredentialsProvider provider(Credentials credentials) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("could not probe port " + port, e);
        }
    }
}
