package dev.gallerykit.sqs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** What the builders refuse, before any client is made or any request sent. */
class SqsBuildersTest {

    private static final String URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/photo-jobs";

    @Nested
    @DisplayName("SqsJobQueue.builder()")
    class JobQueueBuilder {

        @Test
        @DisplayName("with nothing set names the queue, the dead-letter queue and maxReceives")
        void namesEverythingMissing() {
            assertThatThrownBy(() -> SqsJobQueue.builder().build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("SqsJobQueue needs ")
                    .hasMessageContaining("a queue: call queueName(\"photo-jobs\") or queueUrl(...)")
                    .hasMessageContaining("a dead-letter queue: call deadLetterQueue(")
                    .hasMessageContaining("maxReceives");
        }

        @Test
        @DisplayName("with only maxReceives missing names maxReceives alone")
        void namesMaxReceives() {
            assertThatThrownBy(() -> SqsJobQueue.builder().queueName("photo-jobs").deadLetterQueue("photo-jobs-dead")
                    .build())
                    .hasMessage("SqsJobQueue needs maxReceives, the receives after which a job moves to the"
                            + " dead-letter queue: call maxReceives(5)");
        }

        @Test
        @DisplayName("refuses maxReceives outside 1 to 1000")
        void maxReceivesOutOfRange() {
            for (int maxReceives : new int[] {0, -1, 1001}) {
                assertThatThrownBy(() -> aComplete().maxReceives(maxReceives).build())
                        .hasMessageContaining("maxReceives from 1 to 1000 (it was " + maxReceives + ")");
            }
        }

        @Test
        @DisplayName("refuses a queue given by name and by URL")
        void nameAndUrl() {
            assertThatThrownBy(() -> aComplete().queueUrl(URL).build())
                    .hasMessageContaining("a queue by name or by URL, not both");
        }

        @Test
        @DisplayName("refuses FIFO queues, names SQS would refuse, and URLs without a queue name")
        void badNames() {
            assertThatThrownBy(() -> aComplete().queueName("photo-jobs.fifo").build())
                    .hasMessageContaining("a queue that is a standard queue: FIFO queues are not supported");
            assertThatThrownBy(() -> aComplete().deadLetterQueue("photo jobs").build())
                    .hasMessageContaining("a dead-letter queue name of 1 to 80 letters, digits, '-' or '_'"
                            + " (it was \"photo jobs\")");
            assertThatThrownBy(() -> aComplete().queueName(null).queueUrl("https://sqs.eu-west-1.amazonaws.com/").build())
                    .hasMessageContaining("a queue URL that ends in the queue name");
        }

        @Test
        @DisplayName("refuses a dead-letter queue that is the queue itself")
        void deadLettersOnTheSameQueue() {
            assertThatThrownBy(() -> aComplete().deadLetterQueue("photo-jobs").build())
                    .hasMessageContaining("a dead-letter queue other than the queue itself");
        }

        @Test
        @DisplayName("refuses a client together with settings for a client it would build")
        void clientAndSettings() {
            try (SqsClient client = SqsClient.builder().region(Region.EU_WEST_1).build()) {
                assertThatThrownBy(() -> aComplete().client(client).region(Region.EU_WEST_1).build())
                        .hasMessageContaining("either a client or endpoint/region/credentials settings, not both");
                assertThatThrownBy(() -> aComplete().client(client).endpoint(URI.create("http://127.0.0.1:9324"))
                        .build())
                        .hasMessageContaining("either a client or endpoint/region/credentials settings, not both");
            }
        }

        private SqsJobQueue.Builder aComplete() {
            return SqsJobQueue.builder().queueName("photo-jobs").deadLetterQueue("photo-jobs-dead").maxReceives(5);
        }
    }

    @Nested
    @DisplayName("SqsEventPublisher.builder()")
    class EventPublisherBuilder {

        @Test
        @DisplayName("with nothing set names the queue")
        void namesTheQueue() {
            assertThatThrownBy(() -> SqsEventPublisher.builder().build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("SqsEventPublisher needs a queue: call queueName(\"gallery-events\") or queueUrl(...)");
        }

        @Test
        @DisplayName("refuses a FIFO queue and a queue by name and URL")
        void badQueues() {
            assertThatThrownBy(() -> SqsEventPublisher.builder().queueName("events.fifo").build())
                    .hasMessageContaining("FIFO queues are not supported");
            assertThatThrownBy(() -> SqsEventPublisher.builder().queueName("events").queueUrl(URL).build())
                    .hasMessageContaining("not both");
        }
    }
}
