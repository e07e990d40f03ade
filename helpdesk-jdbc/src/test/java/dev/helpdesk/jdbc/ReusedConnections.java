package dev.helpdesk.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connections kept open and handed out again, as a host's pool does, so that the stores are tested
 * the way they run: on connections that served other work before. A connection given back outside
 * auto-commit mode is dropped and counted, and {@link #checkGivenBackClean} fails the test that did
 * it, since under a real pool the next borrower would inherit its open transaction.
 */
final class ReusedConnections implements javax.sql.DataSource {
  private final PGSimpleDataSource server;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger misuses = new AtomicInteger();

  ReusedConnections(PGSimpleDataSource server) {
    this.server = server;
  }

  /**
   * Fails if any connection was given back outside auto-commit mode since the last check.
   *
   * @throws IllegalStateException naming how many
   */
  void checkGivenBackClean() {
    int count = misuses.getAndSet(0);
    if (count > 0) {
      throw new IllegalStateException(count + " connection(s) were given back outside auto-commit mode");
    }
  }

  /** The port and schema the connections work in. */
  PGSimpleDataSource target() {
    return server;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = idle.poll();
    if (connection == null || connection.isClosed()) {
      connection = server.getConnection();
    }
    Connection real = connection;
    boolean[] givenBack = {false};
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            if (!givenBack[0]) {
              givenBack[0] = true;
              if (!real.isClosed()) {
                if (!real.getAutoCommit()) {
                  // Thrown here it could hide behind the exception the borrower is throwing.
                  misuses.incrementAndGet();
                  real.close();
                } else {
                  idle.add(real);
                }
              }
            }
            return null;
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the connections log in as the server's user");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // Nothing to log.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // Logins use the driver's default.
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
