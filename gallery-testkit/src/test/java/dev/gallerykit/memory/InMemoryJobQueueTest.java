package dev.gallerykit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gallerykit.domain.PhotoId;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.Delivery;
import dev.gallerykit.spi.Job;
import dev.gallerykit.spi.JobQueue;
import dev.gallerykit.testkit.contract.JobQueueContract;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryJobQueueTest extends JobQueueContract {

    @Override
    protected JobQueue newQueue(int maxReceives) {
        return new InMemoryJobQueue(maxReceives);
    }

    @Test
    @DisplayName("a completion list with a null in it is refused before any job is removed")
    void aNullDeliveryCompletesNothing() {
        InMemoryJobQueue queue = new InMemoryJobQueue();
        queue.send(List.of(Job.processPhoto(UserId.of(UUID.randomUUID()), PhotoId.of(UUID.randomUUID()))));
        Delivery delivery = queue.receive(1, Duration.ZERO, Duration.ofMinutes(1)).get(0);

        assertThatThrownBy(() -> queue.complete(Arrays.asList(delivery, null)))
                .isInstanceOf(NullPointerException.class);

        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.extend(delivery, Duration.ofMinutes(1))).isTrue();
    }
}
