package dev.helpdesk.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Kills a connection in the middle of a command. The data source it hands out works as the real
 * one until it is armed; then, when the next statement containing a given piece of SQL is about to
 * be prepared (or the transaction that ran it is about to commit), the server process of that
 * connection is terminated from another connection with {@code pg_terminate_backend}, and the
 * statement (or the commit) goes to a dead connection. Nothing is faked: the server really loses the connection and its open
 * transaction.
 */
final class Saboteur {
  private final DataSource real;
  private final DataSource admin;
  /** Kill at the next prepare of a statement containing this, if set. */
  private volatile String atStatement;
  /** Kill at the next commit of a transaction that prepared a statement containing this, if set. */
  private volatile String atCommitAfter;
  private volatile int kills;

  Saboteur(DataSource real, DataSource admin) {
    this.real = real;
    this.admin = admin;
  }

  /** Kills the connection that next prepares a statement containing {@code sql}. */
  void killAt(String sql) {
    atStatement = sql;
  }

  /**
   * Kills the connection of the next transaction that prepares a statement containing {@code sql},
   * when it commits: everything it wrote is on the server, uncommitted, as the connection dies.
   */
  void killAtCommitAfter(String sql) {
    atCommitAfter = sql;
  }

  /** How many connections were killed. */
  int kills() {
    return kills;
  }

  /** The data source to give the stores. */
  DataSource dataSource() {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(real, method, args);
          return method.getName().equals("getConnection") ? watched((Connection) result) : result;
        });
  }

  private Connection watched(Connection connection) {
    boolean[] wroteTheStatement = {false};
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          String name = method.getName();
          if (name.startsWith("prepare") && args != null && args[0] instanceof String sql) {
            String statement = atStatement;
            if (statement != null && sql.contains(statement)) {
              atStatement = null;
              kill(connection);
            }
            String commitAfter = atCommitAfter;
            wroteTheStatement[0] |= commitAfter != null && sql.contains(commitAfter);
          } else if (name.equals("commit") && wroteTheStatement[0] && atCommitAfter != null) {
            atCommitAfter = null;
            kill(connection);
          } else if (name.equals("rollback")) {
            wroteTheStatement[0] = false;
          }
          return invoke(connection, method, args);
        });
  }

  private void kill(Connection victim) throws SQLException, InterruptedException {
    int pid = victim.unwrap(PGConnection.class).getBackendPID();
    try (Connection killer = admin.getConnection()) {
      try (PreparedStatement terminate = killer.prepareStatement("SELECT pg_terminate_backend(?)")) {
        terminate.setInt(1, pid);
        terminate.executeQuery().close();
      }
      // The server ends the process asynchronously: wait until it is really gone.
      Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
      while (Instant.now().isBefore(deadline)) {
        try (PreparedStatement alive = killer.prepareStatement("SELECT 1 FROM pg_stat_activity WHERE pid = ?")) {
          alive.setInt(1, pid);
          try (ResultSet row = alive.executeQuery()) {
            if (!row.next()) {
              kills++;
              return;
            }
          }
        }
        Thread.sleep(5);
      }
    }
    throw new IllegalStateException("server process " + pid + " outlived pg_terminate_backend");
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
