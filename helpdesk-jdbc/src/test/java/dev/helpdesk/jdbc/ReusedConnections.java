package dev.helpdesk.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connections kept open and handed out again, as a host's pool does, so that the stores are tested
 * the way they run: on connections that served other work before. A connection given back inside a
 * transaction, or not in auto-commit mode, fails the test that did it, since the next borrower would
 * inherit its state.
 */
final class ReusedConnections implements javax.sql.DataSource {
  private final PGSimpleDataSource server;
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

  ReusedConnections(PGSimpleDataSource server) {
    this.server = server;
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
                  real.close();
                  throw new IllegalStateException("a connection was given back outside auto-commit mode");
                }
                idle.add(real);
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
