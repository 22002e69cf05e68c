package dev.gallerykit.testkit.faults;

import java.util.List;

/**
 * One call that reached a decorated port: the {@code occurrence}-th call of {@code operation} since
 * {@link Faults#record} or {@link Faults#inject}.
 *
 * @param operation what was called
 * @param occurrence which call of that operation it was, from 1
 */
public record Call(Operation operation, int occurrence) {

    /**
     * The faults worth injecting at this call: before it, and for a write also after it (after a read
     * the caller sees the same as before it, since a read changes nothing).
     */
    public List<FaultPlan> faults() {
        FaultPlan before = FaultPlan.before(operation, occurrence);
        return operation.isWrite() ? List.of(before, FaultPlan.after(operation, occurrence)) : List.of(before);
    }

    @Override
    public String toString() {
        return "call " + occurrence + " of " + operation;
    }
}
