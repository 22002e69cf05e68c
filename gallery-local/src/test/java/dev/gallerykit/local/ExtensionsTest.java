package dev.gallerykit.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JUnit side: one server per test JVM, kept in the root context, handed out as a parameter. */
@ExtendWith({LocalS3.class, LocalDynamoDb.class, LocalSmtp.class})
class ExtensionsTest {

    private static LocalS3.Endpoint classS3;
    private static LocalDynamoDb.Endpoint classDynamoDb;
    private static LocalSmtp.Server classSmtp;

    @BeforeAll
    static void remember(LocalS3.Endpoint s3, LocalDynamoDb.Endpoint dynamoDb, LocalSmtp.Server smtp) {
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
    @DisplayName("a test method gets the SMTP server its class got")
    void oneSmtpPerJvm(LocalSmtp.Server smtp) {
        assertThat(smtp).isSameAs(classSmtp);
    }
}
