package org.childjourney.core.cipher;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A key store in memory (H2) that counts the connections taken from it, and the transactions that wrote to it, as the
 * key store's file takes them: each commit, and each statement executed in auto-commit that is not a query.
 */
public final class CountedKeyStore {

    private static final Set<String> WRITES = Set.of("execute", "executeUpdate", "executeBatch", "executeLargeUpdate",
            "executeLargeBatch");

    private final JdbcDataSource store = new JdbcDataSource();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    public CountedKeyStore() {
        store.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** The key store, its writes counted. */
    public DataSource dataSource() {
        return proxy(DataSource.class, store, (method, arguments, result) -> method.getName().equals("getConnection")
                ? connection((Connection) result) : result);
    }

    /** The connections taken from the key store so far: each a read or a write. */
    public int connections() {
        return connections.get();
    }

    /** The transactions that wrote to the key store so far. */
    public int writes() {
        return writes.get();
    }

    /** The keys the key store holds (not erased). */
    public long keys() throws SQLException {
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery(
                        "SELECT COUNT(*) FROM journey_key WHERE data_key IS NOT NULL")) {
            count.next();
            return count.getLong(1);
        }
    }

    private Connection connection(Connection connection) {
        connections.incrementAndGet();
        boolean[] autoCommit = {true};
        return proxy(Connection.class, connection, (method, arguments, result) -> {
            switch (method.getName()) {
                case "setAutoCommit" -> autoCommit[0] = (boolean) arguments[0];
                case "commit" -> writes.incrementAndGet();
                case "prepareStatement", "createStatement" -> {
                    Class<? extends Statement> type = method.getName().equals("prepareStatement")
                            ? PreparedStatement.class : Statement.class;
                    return statement(type, (Statement) result, autoCommit);
                }
                default -> {
                }
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, Statement statement, boolean[] autoCommit) {
        return proxy(type, type.cast(statement), (method, arguments, result) -> {
            if (WRITES.contains(method.getName()) && autoCommit[0]) {
                writes.incrementAndGet();
            }
            return result;
        });
    }

    /** What a call returned, seen (and perhaps wrapped) after the call. */
    private interface After {
        Object after(Method method, Object[] arguments, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            try {
                return after.after(method, arguments, method.invoke(target, arguments));
            } catch (InvocationTargetException failed) {
                throw failed.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CountedKeyStore.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
