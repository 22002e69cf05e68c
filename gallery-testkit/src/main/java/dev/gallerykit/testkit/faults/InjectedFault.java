package dev.gallerykit.testkit.faults;

import dev.gallerykit.error.StorageUnavailableException;
import java.io.IOException;

/**
 * The failure a decorated port throws where its {@link FaultPlan} strikes: retryable, as an outage
 * or a lost response is.
 */
public final class InjectedFault extends StorageUnavailableException {

    private static final long serialVersionUID = 1L;

    private final transient FaultPlan plan;

    InjectedFault(FaultPlan plan) {
        super("injected fault " + plan, new IOException("injected fault " + plan));
        this.plan = plan;
    }

    /** The plan that struck. */
    public FaultPlan plan() {
        return plan;
    }
}
