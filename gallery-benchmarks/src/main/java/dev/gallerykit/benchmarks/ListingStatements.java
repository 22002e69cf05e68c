package dev.gallerykit.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A {@link DataSource} wrapper that records every statement prepared through it, with the parameter
 * setters called on it, so that {@link ExplainPlans} can run EXPLAIN on exactly what the adapter sent.
 * Recording is on only between {@link #start()} and {@link #stop()}.
 */
final class ListingStatements {

    /** One prepared statement: its SQL and the {@code set...} calls that bound its parameters, in order. */
    record Recorded(String sql, List<Bind> binds) {
    }

    /** One call of a {@link PreparedStatement} setter: replayed as is on the EXPLAIN statement. */
    record Bind(Method setter, Object[] arguments) {
        Object value() {
            return arguments.length > 1 ? arguments[1] : null;
        }
    }

    private final List<Recorded> recorded = new ArrayList<>();
    private volatile boolean on;

    synchronized void start() {
        recorded.clear();
        on = true;
    }

    synchronized List<Recorded> stop() {
        on = false;
        return List.copyOf(recorded);
    }

    private synchronized void add(Recorded statement) {
        if (on) {
            recorded.add(statement);
        }
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) ->
                result instanceof Connection connection ? connection(connection) : result);
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args, result) -> {
            if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement) {
                Recorded entry = new Recorded((String) args[0], new ArrayList<>());
                add(entry);
                return statement(statement, entry);
            }
            return result;
        });
    }

    private static PreparedStatement statement(PreparedStatement target, Recorded entry) {
        return proxy(PreparedStatement.class, target, (method, args, result) -> {
            if (method.getDeclaringClass() == PreparedStatement.class && method.getName().startsWith("set")
                    && args != null && args.length >= 2 && args[0] instanceof Integer) {
                entry.binds().add(new Bind(method, args.clone()));
            }
            return result;
        });
    }

    /** What a proxy does with the target's answer to a call. */
    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return after.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
