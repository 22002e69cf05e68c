package dev.gallerykit.memory;

import dev.gallerykit.error.InvalidInputException;
import dev.gallerykit.spi.Delivery;
import dev.gallerykit.spi.Job;
import dev.gallerykit.spi.JobQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link JobQueue} in this process, with the semantics of an SQS standard queue (visibility timeouts,
 * receive counts, a dead-letter queue), for one JVM: tests, and hosts that run their workers beside
 * the gallery. Jobs do not survive the process; a host with workers elsewhere uses the SQS adapter.
 */
public final class InMemoryJobQueue implements JobQueue {

    /** The receives after which a job moves to the dead letters unless told otherwise, as SQS hosts often set. */
    public static final int DEFAULT_MAX_RECEIVES = 5;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    /** In the order sent: receive hands out the oldest visible first. */
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final int maxReceives;
    private final InMemoryJobQueue deadLetters;

    private static final class Message {
        final Job job;
        int receives;
        String receipt = "";
        long visibleAtNanos;

        Message(Job job) {
            this.job = job;
        }
    }

    public InMemoryJobQueue() {
        this(DEFAULT_MAX_RECEIVES);
    }

    /** @param maxReceives receives after which a job moves to the dead letters, at least 1 */
    public InMemoryJobQueue(int maxReceives) {
        if (maxReceives < 1) {
            throw new InvalidInputException("maxReceives", "must be at least 1, was " + maxReceives);
        }
        this.maxReceives = maxReceives;
        this.deadLetters = new InMemoryJobQueue((Void) null);
    }

    /** The dead-letter queue: it keeps what it gets, however often it is received. */
    private InMemoryJobQueue(Void deadLetterQueue) {
        this.maxReceives = Integer.MAX_VALUE;
        this.deadLetters = this;
    }

    @Override
    public void send(List<Job> jobs) {
        Objects.requireNonNull(jobs, "jobs");
        jobs.forEach(job -> Objects.requireNonNull(job, "job"));
        lock.lock();
        try {
            long now = System.nanoTime();
            for (Job job : jobs) {
                Message message = new Message(job);
                message.visibleAtNanos = now;
                messages.put(UUID.randomUUID().toString(), message);
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Delivery> receive(int max, Duration wait, Duration visibility) {
        if (max < 1 || max > MAX_BATCH) {
            throw new InvalidInputException("max", "must be 1 to " + MAX_BATCH + ", was " + max);
        }
        checkDuration("wait", wait, MAX_WAIT);
        checkDuration("visibility", visibility, MAX_VISIBILITY);
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                List<Delivery> received = takeVisible(max, now, visibility);
                long left = deadline - now;
                if (!received.isEmpty() || left <= 0) {
                    return received;
                }
                long untilVisible = nextVisible(now);
                try {
                    arrived.awaitNanos(Math.min(left, untilVisible));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private List<Delivery> takeVisible(int max, long now, Duration visibility) {
        List<Delivery> received = new ArrayList<>();
        Iterator<Map.Entry<String, Message>> entries = messages.entrySet().iterator();
        while (entries.hasNext() && received.size() < max) {
            Map.Entry<String, Message> entry = entries.next();
            Message message = entry.getValue();
            if (message.visibleAtNanos - now > 0) {
                continue;
            }
            if (message.receives >= maxReceives) {
                entries.remove();
                deadLetters.send(List.of(message.job));
                continue;
            }
            message.receives++;
            message.receipt = entry.getKey() + "#" + message.receives;
            message.visibleAtNanos = now + visibility.toNanos();
            received.add(new Delivery(message.job, message.receipt, message.receives));
        }
        return received;
    }

    private long nextVisible(long now) {
        long soonest = Long.MAX_VALUE;
        for (Message message : messages.values()) {
            soonest = Math.min(soonest, Math.max(0, message.visibleAtNanos - now));
        }
        return Math.max(soonest, TimeUnit.MILLISECONDS.toNanos(1));
    }

    @Override
    public boolean extend(Delivery delivery, Duration visibility) {
        checkDuration("visibility", visibility, MAX_VISIBILITY);
        lock.lock();
        try {
            Message message = current(delivery);
            if (message == null) {
                return false;
            }
            message.visibleAtNanos = System.nanoTime() + visibility.toNanos();
            if (visibility.isZero()) {
                arrived.signalAll();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release(Delivery delivery) {
        extend(delivery, Duration.ZERO);
    }

    @Override
    public void complete(List<Delivery> deliveries) {
        Objects.requireNonNull(deliveries, "deliveries");
        deliveries.forEach(delivery -> Objects.requireNonNull(delivery, "delivery"));
        lock.lock();
        try {
            for (Delivery delivery : deliveries) {
                Message message = messages.get(messageId(delivery));
                if (message != null && message.receipt.equals(delivery.receipt())) {
                    messages.remove(messageId(delivery));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int maxReceives() {
        return maxReceives;
    }

    @Override
    public JobQueue deadLetters() {
        return deadLetters;
    }

    /** Jobs in the queue, hidden or not: for tests and metrics. */
    public int size() {
        lock.lock();
        try {
            return messages.size();
        } finally {
            lock.unlock();
        }
    }

    /** The message of a delivery, if it is still the newest receipt of it and still hidden. */
    private Message current(Delivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        Message message = messages.get(messageId(delivery));
        return message != null && message.receipt.equals(delivery.receipt())
                && message.visibleAtNanos - System.nanoTime() > 0 ? message : null;
    }

    private static String messageId(Delivery delivery) {
        int hash = delivery.receipt().lastIndexOf('#');
        return hash < 0 ? delivery.receipt() : delivery.receipt().substring(0, hash);
    }

    private static void checkDuration(String field, Duration value, Duration max) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.compareTo(max) > 0) {
            throw new InvalidInputException(field, "must be 0 to " + max + ", was " + value);
        }
    }
}
