package dev.gallerykit.testkit.faults;

import java.util.Objects;

/**
 * Which call to fail, and when: the {@code call}-th call of {@code operation} (counted from 1 since
 * {@link Faults#inject}), {@link Timing#BEFORE before} it reaches the real adapter or
 * {@link Timing#AFTER after} it took effect.
 *
 * <pre>{@code
 * faults.inject(FaultPlan.after(Operation.PHOTO_CREATE, 1));   // the record is saved, the response lost
 * faults.inject(FaultPlan.before(Operation.BLOB_PUT, 3));      // the third put never happens
 * }</pre>
 *
 * @param operation the operation to count
 * @param call which of its calls fails, from 1
 * @param timing before or after the real call
 */
public record FaultPlan(Operation operation, int call, Timing timing) {

    public FaultPlan {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(timing, "timing");
        if (call < 1) {
            throw new IllegalArgumentException("call counts from 1, was " + call);
        }
    }

    /** Fails the {@code call}-th call of {@code operation} before it reaches the adapter. */
    public static FaultPlan before(Operation operation, int call) {
        return new FaultPlan(operation, call, Timing.BEFORE);
    }

    /** Lets the {@code call}-th call of {@code operation} take effect, then fails it. */
    public static FaultPlan after(Operation operation, int call) {
        return new FaultPlan(operation, call, Timing.AFTER);
    }

    /** Whether this plan fails the {@code occurrence}-th call of {@code op} at {@code when}. */
    boolean strikes(Operation op, int occurrence, Timing when) {
        return operation == op && call == occurrence && timing == when;
    }

    /** For example {@code "after call 1 of PhotoRepository.create"}. */
    @Override
    public String toString() {
        return timing + " call " + call + " of " + operation;
    }
}
