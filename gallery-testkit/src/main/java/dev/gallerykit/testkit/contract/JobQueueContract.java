package dev.gallerykit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.Delivery;
import dev.gallerykit.spi.Job;
import dev.gallerykit.spi.JobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobQueue} must do: the SQS standard-queue semantics its Javadoc promises. An
 * adapter's test extends this class and says how to make an empty queue; every test gets one of its
 * own, so tests never see each other's jobs.
 *
 * <p>The suite never measures time. Where a job is expected it polls with bounded long-poll receives
 * (a queue on many servers may hand out fewer jobs than it holds); where none is expected it asserts
 * that a receive came back empty once its wait was over.
 */
public abstract class JobQueueContract {

    /** The receives after which the tests' queues move a job to their dead letters. */
    protected static final int MAX_RECEIVES = 3;

    /** Long enough that a job received with it stays hidden for the whole of a test. */
    private static final Duration HELD = Duration.ofMinutes(2);
    /** The shortest visibility SQS honours in whole seconds: a job received with it is soon visible again. */
    private static final Duration BRIEF = Duration.ofSeconds(1);
    /** The wait of one receive. */
    private static final Duration POLL = Duration.ofSeconds(1);
    /** Receives a test tries before it gives up on jobs it expects. */
    private static final int PATIENCE = 60;

    /**
     * Called before each test: a new, empty queue with an empty dead-letter queue, whose jobs move
     * there after {@code maxReceives} receives without a completion.
     */
    protected abstract JobQueue newQueue(int maxReceives);

    /** Called after each test with the queue it used, to delete it where queues outlive the test. Nothing by default. */
    protected void discard(JobQueue queue) {
    }

    private JobQueue queue;

    @BeforeEach
    void makeQueue() {
        queue = newQueue(MAX_RECEIVES);
    }

    @AfterEach
    void discardQueue() {
        discard(queue);
    }

    private static Job aJob() {
        return Job.processPhoto(UserId.of(UUID.randomUUID()), PhotoId.of(UUID.randomUUID()));
    }

    private static List<Job> jobs(int count) {
        return IntStream.range(0, count).mapToObj(i -> aJob()).collect(Collectors.toList());
    }

    /** Receives until {@code count} different jobs came, or fails; each delivery keeps {@code visibility}. */
    private static List<Delivery> receive(JobQueue from, int count, Duration visibility) {
        List<Delivery> deliveries = new ArrayList<>();
        Set<Job> seen = new HashSet<>();
        for (int attempt = 0; attempt < PATIENCE && seen.size() < count; attempt++) {
            for (Delivery delivery : from.receive(JobQueue.MAX_BATCH, POLL, visibility)) {
                if (seen.add(delivery.job())) {
                    deliveries.add(delivery);
                }
            }
        }
        assertThat(seen).as("jobs received within %d receives", PATIENCE).hasSize(count);
        return deliveries;
    }

    private static Delivery receiveOne(JobQueue from, Duration visibility) {
        return receive(from, 1, visibility).get(0);
    }

    private static void assertNothingVisible(JobQueue in) {
        assertThat(in.receive(JobQueue.MAX_BATCH, POLL, HELD)).as("jobs received").isEmpty();
    }

    /** A few receives, each empty: what was hidden for a short while would have come back meanwhile. */
    private static void assertNothingVisibleForAWhile(JobQueue in) {
        for (int i = 0; i < 3; i++) {
            assertNothingVisible(in);
        }
    }

    @Nested
    @DisplayName("Sending and receiving")
    class SendingAndReceiving {

        @Test
        @DisplayName("a job sent is received with every field, a receipt and a receive count of 1")
        void sendThenReceiveKeepsEveryField() {
            Job job = aJob();
            queue.send(List.of(job));

            Delivery delivery = receiveOne(queue, HELD);

            assertThat(delivery.job()).isEqualTo(job);
            assertThat(delivery.job().kind()).isEqualTo(Job.Kind.PROCESS_PHOTO);
            assertThat(delivery.job().ownerId()).isEqualTo(job.ownerId());
            assertThat(delivery.job().photoId()).isEqualTo(job.photoId());
            assertThat(delivery.receipt()).isNotBlank();
            assertThat(delivery.receiveCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("a list longer than MAX_BATCH is sent whole: every job is received")
        void aLongListIsSentWhole() {
            List<Job> sent = jobs(2 * JobQueue.MAX_BATCH + 3);
            queue.send(sent);

            List<Delivery> received = receive(queue, sent.size(), HELD);

            assertThat(received).extracting(Delivery::job).containsExactlyInAnyOrderElementsOf(sent);
            assertNothingVisible(queue);
        }

        @Test
        @DisplayName("an empty list sends nothing")
        void anEmptyListSendsNothing() {
            queue.send(List.of());

            assertNothingVisible(queue);
        }

        @Test
        @DisplayName("a receive hands out at most max jobs, and the rest stay for later receives")
        void receiveRespectsMax() {
            List<Job> sent = jobs(5);
            queue.send(sent);

            List<Delivery> first = new ArrayList<>();
            for (int attempt = 0; attempt < PATIENCE && first.isEmpty(); attempt++) {
                first = queue.receive(3, POLL, HELD);
            }
            assertThat(first).hasSizeBetween(1, 3);
            List<Delivery> rest = receive(queue, sent.size() - first.size(), HELD);

            assertThat(rest).extracting(Delivery::job).doesNotContainAnyElementsOf(
                    first.stream().map(Delivery::job).collect(Collectors.toList()));
            List<Job> all = new ArrayList<>();
            first.forEach(delivery -> all.add(delivery.job()));
            rest.forEach(delivery -> all.add(delivery.job()));
            assertThat(all).containsExactlyInAnyOrderElementsOf(sent);
        }

        @Test
        @DisplayName("from an empty queue, a receive gives nothing once its wait is over")
        void anEmptyQueueGivesNothing() {
            assertThat(queue.receive(JobQueue.MAX_BATCH, POLL, HELD)).isEmpty();
            assertThat(queue.receive(1, Duration.ZERO, HELD)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Visibility")
    class Visibility {

        @Test
        @DisplayName("a received job is hidden from other receivers until it is released")
        void aReceivedJobIsHiddenUntilReleased() {
            Job job = aJob();
            queue.send(List.of(job));
            Delivery first = receiveOne(queue, HELD);

            assertNothingVisible(queue);
            queue.release(first);
            Delivery second = receiveOne(queue, HELD);

            assertThat(second.job()).isEqualTo(job);
            assertThat(second.receiveCount()).isEqualTo(2);
            assertThat(second.receipt()).isNotEqualTo(first.receipt());
        }

        @Test
        @DisplayName("once the visibility passes without a completion, the job is delivered again with a higher count")
        void anExpiredVisibilityRedelivers() {
            Job job = aJob();
            queue.send(List.of(job));
            Delivery first = receiveOne(queue, BRIEF);

            Delivery again = receiveOne(queue, HELD);

            assertThat(again.job()).isEqualTo(job);
            assertThat(again.receiveCount()).isEqualTo(first.receiveCount() + 1);
        }

        @Test
        @DisplayName("extend answers true while the job is held, and keeps it hidden past its first visibility")
        void extendKeepsAHeldJobHidden() {
            queue.send(List.of(aJob()));
            Delivery delivery = receiveOne(queue, BRIEF);

            assertThat(queue.extend(delivery, HELD)).isTrue();

            assertNothingVisibleForAWhile(queue);
            assertThat(queue.extend(delivery, HELD)).isTrue();
        }

        @Test
        @DisplayName("extend of a stale delivery answers false, and neither it nor a release disturbs the new receiver")
        void aStaleDeliveryCannotExtendOrRelease() {
            Job job = aJob();
            queue.send(List.of(job));
            Delivery stale = receiveOne(queue, BRIEF);
            Delivery current = receiveOne(queue, HELD);
            assertThat(current.job()).isEqualTo(job);

            assertThat(queue.extend(stale, HELD)).isFalse();
            queue.release(stale);

            assertNothingVisible(queue);
            assertThat(queue.extend(current, HELD)).isTrue();
        }

        @Test
        @DisplayName("a release of a completed job does not bring it back")
        void releaseAfterCompleteIsIgnored() {
            queue.send(List.of(aJob()));
            Delivery delivery = receiveOne(queue, HELD);
            queue.complete(List.of(delivery));

            queue.release(delivery);

            assertNothingVisible(queue);
            assertThat(queue.extend(delivery, HELD)).isFalse();
        }
    }

    @Nested
    @DisplayName("Completing")
    class Completing {

        @Test
        @DisplayName("removes the job for good")
        void aCompletedJobIsNotDeliveredAgain() {
            queue.send(List.of(aJob()));
            Delivery delivery = receiveOne(queue, BRIEF);

            queue.complete(List.of(delivery));

            assertNothingVisibleForAWhile(queue);
        }

        @Test
        @DisplayName("twice is harmless")
        void completeIsIdempotent() {
            queue.send(List.of(aJob()));
            Delivery delivery = receiveOne(queue, HELD);
            queue.complete(List.of(delivery));

            assertThatCode(() -> queue.complete(List.of(delivery, delivery))).doesNotThrowAnyException();

            queue.release(delivery);
            assertNothingVisible(queue);
        }

        @Test
        @DisplayName("a stale delivery does not fail, and the current receiver still completes the job")
        void completingAStaleDeliveryDoesNotFail() {
            queue.send(List.of(aJob()));
            Delivery stale = receiveOne(queue, BRIEF);
            Delivery current = receiveOne(queue, HELD);

            assertThatCode(() -> queue.complete(List.of(stale))).doesNotThrowAnyException();
            queue.complete(List.of(current));

            queue.release(current);
            assertNothingVisible(queue);
        }

        @Test
        @DisplayName("a list longer than MAX_BATCH completes every job in it")
        void aLongListCompletesEveryJob() {
            List<Job> sent = jobs(2 * JobQueue.MAX_BATCH + 3);
            queue.send(sent);
            List<Delivery> deliveries = receive(queue, sent.size(), HELD);

            queue.complete(deliveries);

            deliveries.forEach(queue::release);
            assertNothingVisible(queue);
        }

        @Test
        @DisplayName("an empty list completes nothing, and the held job stays held")
        void anEmptyListCompletesNothing() {
            queue.send(List.of(aJob()));
            Delivery delivery = receiveOne(queue, HELD);

            queue.complete(List.of());

            assertThat(queue.extend(delivery, HELD)).isTrue();
        }
    }

    @Nested
    @DisplayName("Dead letters")
    class DeadLetters {

        private Job job;
        private Delivery deadLetter;

        @BeforeEach
        void receiveAJobMaxReceivesTimes() {
            assertThat(queue.maxReceives()).isEqualTo(MAX_RECEIVES);
            job = aJob();
            queue.send(List.of(job));
            for (int receive = 1; receive <= MAX_RECEIVES; receive++) {
                Delivery delivery = receiveOne(queue, HELD);
                assertThat(delivery.job()).isEqualTo(job);
                assertThat(delivery.receiveCount()).isEqualTo(receive);
                queue.release(delivery);
            }
            // The receive after the last one is when a queue moves the job aside.
            assertNothingVisible(queue);
            deadLetter = receiveOne(queue.deadLetters(), HELD);
        }

        @Test
        @DisplayName("a job received maxReceives times without a completion moves there, and leaves the queue")
        void aJobReceivedTooOftenMovesToTheDeadLetters() {
            assertThat(deadLetter.job()).isEqualTo(job);
            assertThat(deadLetter.receipt()).isNotBlank();
            assertThat(deadLetter.receiveCount()).isPositive();

            assertNothingVisible(queue);
        }

        @Test
        @DisplayName("can be completed, which drops the job")
        void deadLettersCanBeCompleted() {
            queue.deadLetters().complete(List.of(deadLetter));

            queue.deadLetters().release(deadLetter);
            assertNothingVisible(queue.deadLetters());
            assertNothingVisible(queue);
        }

        @Test
        @DisplayName("keep their jobs however often they are received")
        void deadLettersNeverMoveFurther() {
            JobQueue deadLetters = queue.deadLetters();
            Delivery delivery = deadLetter;
            for (int receive = 0; receive <= MAX_RECEIVES; receive++) {
                deadLetters.release(delivery);
                delivery = receiveOne(deadLetters, HELD);
                assertThat(delivery.job()).isEqualTo(job);
            }
            deadLetters.complete(List.of(delivery));
        }

        @Test
        @DisplayName("can be sent back to the queue, where the job is delivered afresh")
        void aDeadLetterCanBeSentBack() {
            queue.send(List.of(deadLetter.job()));
            queue.deadLetters().complete(List.of(deadLetter));

            Delivery again = receiveOne(queue, HELD);

            assertThat(again.job()).isEqualTo(job);
            assertThat(again.receiveCount()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a job completed before maxReceives never reaches the dead letters")
    void aCompletedJobNeverReachesTheDeadLetters() {
        queue.send(List.of(aJob()));
        queue.complete(List.of(receiveOne(queue, HELD)));

        assertNothingVisible(queue);
        assertNothingVisible(queue.deadLetters());
    }

    @Nested
    @DisplayName("Invalid arguments")
    class InvalidArguments {

        private Job job;

        @BeforeEach
        void sendAJob() {
            job = aJob();
            queue.send(List.of(job));
        }

        /** The job sent before the refused calls is still there, never received. */
        private void assertUntouched() {
            Delivery delivery = receiveOne(queue, HELD);
            assertThat(delivery.job()).isEqualTo(job);
            assertThat(delivery.receiveCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("max of 0 or over MAX_BATCH is refused, naming max, and receives nothing")
        void maxOutOfRange() {
            for (int max : new int[] {0, JobQueue.MAX_BATCH + 1, -1}) {
                assertThatThrownBy(() -> queue.receive(max, POLL, HELD))
                        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("max"));
            }
            assertUntouched();
        }

        @Test
        @DisplayName("a negative wait, or one over MAX_WAIT, is refused, naming wait, and receives nothing")
        void waitOutOfRange() {
            for (Duration wait : List.of(Duration.ofSeconds(-1), JobQueue.MAX_WAIT.plusSeconds(1))) {
                assertThatThrownBy(() -> queue.receive(1, wait, HELD))
                        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("wait"));
            }
            assertUntouched();
        }

        @Test
        @DisplayName("a negative visibility, or one over MAX_VISIBILITY, is refused, naming visibility, and receives nothing")
        void visibilityOutOfRange() {
            for (Duration visibility : List.of(Duration.ofSeconds(-1), JobQueue.MAX_VISIBILITY.plusSeconds(1))) {
                assertThatThrownBy(() -> queue.receive(1, POLL, visibility))
                        .isInstanceOfSatisfying(InvalidInputException.class,
                                e -> assertThat(e.field()).isEqualTo("visibility"));
            }
            assertUntouched();
        }

        @Test
        @DisplayName("extend over MAX_VISIBILITY is refused, naming visibility, and the job stays held")
        void extendOutOfRange() {
            Delivery delivery = receiveOne(queue, HELD);

            assertThatThrownBy(() -> queue.extend(delivery, JobQueue.MAX_VISIBILITY.plusSeconds(1)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("visibility"));

            assertNothingVisible(queue);
            assertThat(queue.extend(delivery, HELD)).isTrue();
        }
    }

    @Nested
    @DisplayName("Concurrent receivers")
    class ConcurrentReceivers {

        @Test
        @DisplayName("never hold the same job at once, and between them receive every job of a batch")
        void everyJobOnceAcrossReceivers() throws InterruptedException {
            List<Job> sent = jobs(50);
            queue.send(sent);
            Set<Job> seen = ConcurrentHashMap.newKeySet();

            Race.Results<List<Delivery>> results = Race.run(4, receiver -> {
                List<Delivery> mine = new ArrayList<>();
                for (int attempt = 0; attempt < PATIENCE && seen.size() < sent.size(); attempt++) {
                    for (Delivery delivery : queue.receive(JobQueue.MAX_BATCH, POLL, HELD)) {
                        mine.add(delivery);
                        seen.add(delivery.job());
                    }
                }
                return mine;
            });

            assertThat(results.failures()).as(results.failureTraces()).isEmpty();
            List<Delivery> all = results.wins().stream().flatMap(List::stream).collect(Collectors.toList());
            assertThat(all).extracting(Delivery::job).as("each job delivered once while held")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
            queue.complete(all);
            assertNothingVisible(queue);
        }
    }
}
