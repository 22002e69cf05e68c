package dev.gallerykit.reliability;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Real faults at a precise step: decorators around real ports that count the calls of one method
 * and, at the k-th, run an action (stop S3Proxy, kill the database) before that call goes on to the
 * real adapter, which then meets the dead server. The fault lands between two given port calls of
 * the use case, whatever the timing. One tripwire counts for every port it wraps; it fires once.
 *
 * <pre>{@code
 * Tripwire tripwire = new Tripwire();
 * Gallery gallery = Gallery.builder().photos(tripwire.wrap(PhotoRepository.class, db.photos())) ...;
 * tripwire.arm(PhotoRepository.class, "create", 1, postgres::kill);
 * gallery.photos().upload(...);   // the record's create reaches a killed server
 * }</pre>
 */
final class Tripwire {

    private final Map<String, Integer> counts = new HashMap<>();
    private String armed;
    private int call;
    private Runnable action;
    private boolean fired;

    /** The port {@code real} as {@code port}, through this tripwire. */
    <P> P wrap(Class<P> port, P real) {
        Objects.requireNonNull(real, "real");
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                before(port.getSimpleName() + "." + method.getName());
            }
            return forward(real, method, args);
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    /**
     * Counts calls afresh and runs {@code action} just before the {@code call}-th call of
     * {@code port.method} (counted from 1) proceeds.
     */
    synchronized void arm(Class<?> port, String method, int call, Runnable action) {
        if (call < 1) {
            throw new IllegalArgumentException("calls count from 1, was " + call);
        }
        counts.clear();
        this.armed = port.getSimpleName() + "." + method;
        this.call = call;
        this.action = Objects.requireNonNull(action, "action");
        this.fired = false;
    }

    /** Lets every call through from here on, without running anything. */
    synchronized void disarm() {
        armed = null;
        action = null;
    }

    /** Whether the armed action ran. */
    synchronized boolean fired() {
        return fired;
    }

    /** {@code "PhotoRepository.create #1"}, for test names and messages. */
    synchronized String target() {
        return armed + " #" + call;
    }

    private void before(String name) {
        Runnable strike = null;
        synchronized (this) {
            int occurrence = counts.merge(name, 1, Integer::sum);
            if (!fired && name.equals(armed) && occurrence == call) {
                fired = true;
                strike = action;
            }
        }
        if (strike != null) {
            strike.run();
        }
    }

    private static Object forward(Object real, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
