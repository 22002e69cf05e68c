package dev.gallerykit.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections count what they send to the server: each {@code execute*}
 * of a statement is one, each {@code executeBatch} is one. Connection housekeeping (auto-commit,
 * commit, rollback, validity checks) is not counted.
 */
final class CountingDataSource {

    private final AtomicInteger statements = new AtomicInteger();

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, value) -> value instanceof Connection connection
                ? proxy(Connection.class, connection, this::statement) : value);
    }

    int statements() {
        return statements.get();
    }

    void reset() {
        statements.set(0);
    }

    private Object statement(Method method, Object value) {
        if (!(value instanceof Statement statement)) {
            return value;
        }
        Class<? extends Statement> type = value instanceof CallableStatement ? CallableStatement.class
                : value instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return proxy(type, statement, (executed, result) -> {
            if (executed.getName().startsWith("execute")) {
                statements.incrementAndGet();
            }
            return result;
        });
    }

    /** What to hand back for a call on the proxy, given the target's answer. */
    private interface Answer {
        Object of(Method method, Object value);
    }

    private static <T> T proxy(Class<T> type, Object target, Answer answer) {
        Object proxy = Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    try {
                        return answer.of(method, method.invoke(target, args));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return type.cast(proxy);
    }
}
