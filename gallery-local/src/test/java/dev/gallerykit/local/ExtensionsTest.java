package dev.gallerykit.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JUnit side: one server per test JVM, kept in the root context, handed out as a parameter. */
@ExtendWith({LocalS3.class, LocalDynamoDb.class, LocalSqs.class, LocalSmtp.class})
class ExtensionsTest {

    private static LocalS3.Endpoint classS3;
    private static LocalDynamoDb.Endpoint classDynamoDb;
    private static LocalSmtp.Server classSmtp;
    private static LocalSqs.Endpoint classSqs;

    @BeforeAll
    static void remember(LocalS3.Endpoint s3, LocalDynamoDb.Endpoint dynamoDb, LocalSmtp.Server smtp,
                         LocalSqs.Endpoint sqs) {
        classSqs = sqs;
        classS3 = s3;
        classDynamoDb = dynamoDb;
        classSmtp = smtp;
    }

    @Test
    @DisplayName("a test method gets the S3 endpoint its class got")
    void oneS3PerJvm(LocalS3.Endpoint s3) {
        assertThat(s3).isSameAs(classS3);
    }

    @Test
    @DisplayName("the DynamoDB parameter and the static endpoint name the same server")
    void oneDynamoDbPerJvm(LocalDynamoDb.Endpoint dynamoDb) {
        assertThat(dynamoDb).isSameAs(classDynamoDb);
        assertThat(LocalDynamoDb.endpoint()).isEqualTo(dynamoDb.uri());
    }

    @Test
    @DisplayName("a test method gets the SQS endpoint its class got, a local one unless the environment names another")
    void oneSqsPerJvm(LocalSqs.Endpoint sqs) {
        assertThat(sqs).isSameAs(classSqs);
        assertThat(sqs.local()).isEqualTo(System.getenv(LocalSqs.ENDPOINT_VARIABLE) == null);
        assertThat(sqs.newQueueName("Photo jobs!")).matches("gallerykit-test-photo-jobs-[0-9a-f]{12}")
                .isNotEqualTo(sqs.newQueueName("Photo jobs!"));
    }

    @Test
    @DisplayName("a test method gets the SMTP server its class got")
    void oneSmtpPerJvm(LocalSmtp.Server smtp) {
        assertThat(smtp).isSameAs(classSmtp);
    }
}
