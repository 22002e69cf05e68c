package dev.gallerykit.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a {@link DataSource} and counts what its connections send to the server: each
 * {@code execute*} of a statement is one, each {@code executeBatch} is one, by the SQL's first word
 * ({@code SELECT}, {@code DELETE}, ...; {@code BATCH} for a batch). Connection housekeeping
 * (auto-commit, commit, rollback, validity checks) is not counted.
 */
final class StatementCounter {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, this::statement) : result);
    }

    /** A statement the connection made, wrapped; a prepared one keeps the SQL it was made from. */
    private Object statement(Method method, Object[] args, Object result) {
        if (!(result instanceof Statement statement)) {
            return result;
        }
        String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? firstWord(sql) : null;
        Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return proxy(type, statement, (executed, executedArgs, value) -> value, (executed, executedArgs) -> {
            String name = executed.getName();
            if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                count("BATCH");
            } else if (name.startsWith("execute")) {
                count(executedArgs != null && executedArgs.length > 0 && executedArgs[0] instanceof String sql
                        ? firstWord(sql) : prepared);
            }
        });
    }

    /** Statements and batches sent since the last reset, all kinds together. */
    int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** By kind, for a readable message. */
    Map<String, Integer> byKind() {
        Map<String, Integer> result = new TreeMap<>();
        counts.forEach((kind, count) -> result.put(kind, count.get()));
        return result;
    }

    void reset() {
        counts.clear();
    }

    private void count(String kind) {
        counts.computeIfAbsent(kind == null ? "?" : kind, key -> new AtomicInteger()).incrementAndGet();
    }

    private interface Result {
        Object wrap(Method method, Object[] args, Object result);
    }

    private interface Before {
        void call(Method method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Object target, Result result) {
        return proxy(type, target, result, (method, args) -> { });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Result result, Before before) {
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    before.call(method, args);
                    Object value;
                    try {
                        value = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return result.wrap(method, args, value);
                });
    }

    private static String firstWord(String sql) {
        String trimmed = sql.stripLeading();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return trimmed.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
