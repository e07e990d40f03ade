package dev.helpdesk.jdbc;

import dev.helpdesk.model.StoreFailureException;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * The host's {@link DataSource}, as the stores use it: each write is one transaction, committed
 * whole or rolled back whole, and every failure of the database reaches the caller as a {@link
 * StoreFailureException} (or, for a value PostgreSQL cannot hold, a {@link ValidationException}).
 * A transaction that lost to a concurrent one (a serialization failure or a deadlock, which
 * PostgreSQL rolls back) is run again, since nothing of it was stored.
 */
final class Database {
  /** Runs of one transaction that lost to concurrent ones, before its failure is reported. */
  private static final int ATTEMPTS = 5;
  /** Rows fetched at a time by a stream's cursor. */
  private static final int FETCH = 500;

  /** What one transaction or read does on its connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Binds a statement's parameters. */
  interface Binding {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Turns the current row into a value. */
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final DataSource dataSource;

  Database(DataSource dataSource) {
    if (dataSource == null) {
      throw new NullPointerException("dataSource");
    }
    this.dataSource = dataSource;
  }

  /** Reads with one connection, outside any transaction of ours. */
  <T> T read(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(what, e, Outcome.READ);
    }
  }

  /**
   * Runs work that writes with one statement, which PostgreSQL makes atomic by itself: in auto-commit
   * mode, one round trip fewer than a transaction (a connection the pool hands out outside
   * auto-commit is committed as usual). The statement may be followed by reads that explain its
   * outcome.
   */
  <T> T writeOneStatement(String what, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        if (connection.getAutoCommit()) {
          return work.run(connection);
        }
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException | Error e) {
          rollbackQuietly(connection, e);
          throw e;
        }
      } catch (SQLException e) {
        String state = String.valueOf(e.getSQLState());
        if ((state.equals("40001") || state.equals("40P01")) && attempt < ATTEMPTS) {
          continue;
        }
        throw failure(what, e, Outcome.READ);
      }
    }
  }

  /** Runs one transaction; any exception rolls it back. */
  <T> T write(String what, Work<T> work) {
    return write(what, work, null);
  }

  /**
   * Runs one transaction. A unique constraint the transaction violates rolls it back, and then
   * {@code onDuplicate} says what that means (when it is {@code null}, it is a store failure).
   */
  <T> T write(String what, Work<T> work, Supplier<RuntimeException> onDuplicate) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction(what, work);
      } catch (SQLException e) {
        String state = String.valueOf(e.getSQLState());
        if ((state.equals("40001") || state.equals("40P01")) && attempt < ATTEMPTS) {
          continue;
        }
        if (state.equals("23505") && onDuplicate != null) {
          throw onDuplicate.get();
        }
        throw failure(what, e, Outcome.ROLLED_BACK);
      } catch (CommitFailed e) {
        throw failure(what, e.cause, Outcome.UNKNOWN);
      }
    }
  }

  private <T> T transaction(String what, Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      try {
        T result;
        try {
          result = work.run(connection);
        } catch (SQLException | RuntimeException | Error e) {
          rollbackQuietly(connection, e);
          throw e;
        }
        try {
          connection.commit();
        } catch (SQLException e) {
          rollbackQuietly(connection, e);
          throw new CommitFailed(e);
        }
        return result;
      } finally {
        if (autoCommit) {
          // A pool hands the connection to the next borrower as it gets it back.
          restoreAutoCommit(connection);
        }
      }
    }
  }

  private static void restoreAutoCommit(Connection connection) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      // Only a broken connection refuses, and a pool drops a broken connection.
    }
  }

  /** A commit that failed: the change may or may not be stored, which the failure must say. */
  private static final class CommitFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SQLException cause;

    CommitFailed(SQLException cause) {
      super(cause);
      this.cause = cause;
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException e) {
      // A lost connection cannot roll back, and need not: the server drops the transaction.
      failure.addSuppressed(e);
    }
  }

  /**
   * Streams the rows of a query through a cursor on a connection of its own, which closing the
   * stream gives back.
   */
  <T> Stream<T> stream(String what, String sql, Binding binding, Row<T> row) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      // PostgreSQL keeps a cursor open only inside a transaction.
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      PreparedStatement statement = connection.prepareStatement(sql);
      statement.setFetchSize(FETCH);
      binding.bind(statement);
      ResultSet rows = statement.executeQuery();
      Cursor<T> cursor = new Cursor<>(what, connection, statement, rows, row, autoCommit);
      return StreamSupport.stream(cursor, false).onClose(cursor::close);
    } catch (SQLException e) {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
      }
      throw failure(what, e, Outcome.READ);
    }
  }

  /**
   * The rows of an open query, one at a time. The connection goes back when the stream is closed,
   * or as soon as the last row is read, so a stream read to its end holds nothing even if its
   * reader forgets to close it.
   */
  private static final class Cursor<T> extends Spliterators.AbstractSpliterator<T> {
    private final String what;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Row<T> row;
    private final boolean autoCommit;
    private boolean closed;

    Cursor(String what, Connection connection, PreparedStatement statement, ResultSet rows, Row<T> row,
        boolean autoCommit) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.what = what;
      this.connection = connection;
      this.statement = statement;
      this.rows = rows;
      this.row = row;
      this.autoCommit = autoCommit;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      if (closed) {
        return false;
      }
      T next;
      try {
        if (!rows.next()) {
          close();
          return false;
        }
        next = row.read(rows);
      } catch (SQLException e) {
        close();
        throw failure(what, e, Outcome.READ);
      }
      action.accept(next);
      return true;
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      try (connection; statement; rows) {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      } catch (SQLException e) {
        // The rows were read; a connection that fails while being given back is the pool's to drop.
      }
    }
  }

  /** A text array parameter. */
  static java.sql.Array texts(Connection connection, List<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray(new String[0]));
  }

  /** Binds an instant, kept to the microsecond as timestamptz keeps it. */
  static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
  }

  /** An instant as the database keeps it: to the microsecond. */
  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** Reads an instant, {@code null} for SQL NULL. */
  static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** What became of the work a failure interrupted. */
  enum Outcome {
    /** Nothing was to be written, or one statement that stands alone. */
    READ,
    /** The transaction was rolled back: nothing of it is stored. */
    ROLLED_BACK,
    /** The commit itself failed: the change may or may not be stored. */
    UNKNOWN
  }

  /** What a failed database call means for the caller. */
  static RuntimeException failure(String what, SQLException e, Outcome outcome) {
    String state = String.valueOf(e.getSQLState());
    if (state.startsWith("22")) {
      // A data exception: PostgreSQL refuses a value (a NUL character in text, for one).
      return new ValidationException(what, List.of(new Violation("value", "cannot be stored: " + e.getMessage())));
    }
    return new StoreFailureException(switch (outcome) {
      case READ -> "Could not " + what + ": " + e.getMessage();
      case ROLLED_BACK -> "Could not " + what + ", nothing was stored: " + e.getMessage();
      case UNKNOWN -> "Could not " + what + ": the database failed while committing, so the change may or may"
          + " not be stored; read it again before retrying (" + e.getMessage() + ")";
    }, e);
  }
}
