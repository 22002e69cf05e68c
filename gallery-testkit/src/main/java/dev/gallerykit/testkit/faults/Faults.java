package dev.gallerykit.testkit.faults;

import dev.gallerykit.spi.AlbumRepository;
import dev.gallerykit.spi.BlobStore;
import dev.gallerykit.spi.PhotoRepository;
import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.spi.ShareRepository;
import dev.gallerykit.spi.UserRepository;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fault injection at the ports: decorators around real adapters that count every call and fail the
 * one a {@link FaultPlan} names, before it reaches the adapter or after it took effect, with a
 * retryable {@link InjectedFault}. One {@code Faults} counts for all the ports it wraps, so a
 * scenario first records the calls a use case makes, then fails each one in turn:
 *
 * <pre>{@code
 * Faults faults = new Faults();
 * Gallery gallery = Gallery.builder().albums(faults.wrap(albums)).photos(faults.wrap(photos))
 *         .blobs(faults.wrap(blobs)).build();
 *
 * faults.record();
 * gallery.photos().delete(owner, photo);
 * for (Call call : faults.calls()) {
 *     for (FaultPlan plan : call.faults()) {
 *         faults.inject(plan);
 *         ... // set up again, call, check, retry
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe. Calls are counted from the last {@link #record} or {@link #inject}; until then,
 * and after {@link #disarm}, the decorators only pass calls through.
 */
public final class Faults {

    private final Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
    private final List<Call> calls = new ArrayList<>();
    private Optional<FaultPlan> plan = Optional.empty();
    private Optional<InjectedFault> fired = Optional.empty();

    /** Starts a new count with no fault armed: the calls from here on are listed by {@link #calls}. */
    public synchronized void record() {
        reset(Optional.empty());
    }

    /** Starts a new count with {@code plan} armed: the call it names fails, once. */
    public synchronized void inject(FaultPlan plan) {
        reset(Optional.of(plan));
    }

    /** Stops injecting; calls still pass through and are still counted. */
    public synchronized void disarm() {
        plan = Optional.empty();
    }

    /** The calls made since the last {@link #record} or {@link #inject}, in order. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The fault thrown since the last {@link #inject}, if the plan struck (empty if its call never came). */
    public synchronized Optional<InjectedFault> fired() {
        return fired;
    }

    public BlobStore wrap(BlobStore delegate) {
        return new FaultyBlobStore(delegate, this);
    }

    public PhotoRepository wrap(PhotoRepository delegate) {
        return new FaultyPhotoRepository(delegate, this);
    }

    public AlbumRepository wrap(AlbumRepository delegate) {
        return new FaultyAlbumRepository(delegate, this);
    }

    public ShareRepository wrap(ShareRepository delegate) {
        return new FaultyShareRepository(delegate, this);
    }

    public UserRepository wrap(UserRepository delegate) {
        return new FaultyUserRepository(delegate, this);
    }

    public SessionRepository wrap(SessionRepository delegate) {
        return new FaultySessionRepository(delegate, this);
    }

    private void reset(Optional<FaultPlan> armed) {
        counts.clear();
        calls.clear();
        plan = armed;
        fired = Optional.empty();
    }

    /** Runs one call of {@code operation} through the plan: maybe fails it before, maybe after. */
    <T> T call(Operation operation, Supplier<T> real) {
        int occurrence = count(operation);
        strike(operation, occurrence, Timing.BEFORE);
        T result = real.get();
        try {
            strike(operation, occurrence, Timing.AFTER);
        } catch (InjectedFault lost) {
            // The caller never sees the result: release what it would have had to close.
            Object held = result instanceof Optional<?> optional ? optional.orElse(null) : result;
            if (held instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    lost.addSuppressed(e);
                }
            }
            throw lost;
        }
        return result;
    }

    void run(Operation operation, Runnable real) {
        call(operation, () -> {
            real.run();
            return null;
        });
    }

    private synchronized int count(Operation operation) {
        int occurrence = counts.merge(operation, 1, Integer::sum);
        calls.add(new Call(operation, occurrence));
        return occurrence;
    }

    private void strike(Operation operation, int occurrence, Timing timing) {
        InjectedFault fault;
        synchronized (this) {
            if (plan.isEmpty() || !plan.get().strikes(operation, occurrence, timing)) {
                return;
            }
            fault = new InjectedFault(plan.get());
            fired = Optional.of(fault);
            plan = Optional.empty();
        }
        throw fault;
    }
}
