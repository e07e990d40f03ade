package dev.helpdesk.jdbc;

import dev.helpdesk.model.Customer;
import dev.helpdesk.model.CustomerDetails;
import dev.helpdesk.model.CustomerId;
import dev.helpdesk.model.CustomerKind;
import dev.helpdesk.spi.store.CustomerStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A {@link CustomerStore} on PostgreSQL, through the host's {@link DataSource}; nodes sharing the
 * database share the customers.
 *
 * <p>A returning customer whose contact tells nothing new is recognised by one read, without a lock
 * or a write. Any other registration is one transaction that first takes a transaction-scoped
 * advisory lock on the contact's email address and on its phone number, always in that order:
 * concurrent registrations of the same address or number, on any node, run one after the other and
 * yield one customer, while registrations of different people do not wait for each other. Unique
 * constraints on the email and phone columns back this up. Customer ids ({@code C-1}, {@code C-2},
 * …) come from a database sequence.
 */
public final class JdbcCustomerStore implements CustomerStore {
  /** The advisory lock namespaces of email addresses and phone numbers ('H', 'D', 0, 1 and 2). */
  private static final int EMAIL_LOCKS = 0x48440001;
  private static final int PHONE_LOCKS = 0x48440002;
  private static final String COLUMNS = "id, kind, name, email, phone, organisation, location, locale, registered";
  private static final int ATTEMPTS = 3;

  private final Database database;

  /**
   * Creates the store.
   *
   * @param dataSource where the connections come from; the schema of {@link HelpDeskSchema} must be
   *     in place there
   */
  public JdbcCustomerStore(DataSource dataSource) {
    this.database = new Database(dataSource);
  }

  @Override
  public Customer register(CustomerDetails details, Instant at) {
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(at, "at");
    // Most contacts come from returning customers who tell nothing new: one read, no lock, no write.
    Optional<Customer> known = database.read("recognise a customer", connection -> recognise(connection, details));
    if (known.isPresent() && known.get().updatedWith(details).equals(known.get())) {
      return known.get();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        // Only a writer that bypassed the locks can break a unique constraint here: run again.
        return database.write("register a customer", connection -> register(connection, details, at),
            attempt < ATTEMPTS ? Retry::new : null);
      } catch (Retry again) {
        // The other writer committed; the next run sees its row.
      }
    }
  }

  private static final class Retry extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Retry() {
      super(null, null, false, false);
    }
  }

  /** The customer a contact's details name: by email address first, else by phone number. */
  private static Optional<Customer> recognise(Connection connection, CustomerDetails details) throws SQLException {
    Optional<Customer> byEmail = details.email().isEmpty() ? Optional.empty()
        : findBy(connection, "email", details.email());
    return byEmail.isPresent() || details.phone().isEmpty() ? byEmail : findBy(connection, "phone", details.phone());
  }

  private static Customer register(Connection connection, CustomerDetails details, Instant at) throws SQLException {
    String email = details.email();
    String phone = details.phone();
    if (!email.isEmpty()) {
      lock(connection, EMAIL_LOCKS, email);
    }
    if (!phone.isEmpty()) {
      lock(connection, PHONE_LOCKS, phone);
    }
    Customer current = recognise(connection, details).orElse(null);
    if (current == null) {
      Customer created = Customer.register(CustomerId.of("C-" + nextNumber(connection)), details, at);
      insert(connection, created);
      return created;
    }
    CustomerDetails wanted = details;
    // An email or phone that identifies someone else stays theirs.
    if (!email.isEmpty() && !email.equals(current.email()) && isTakenByOther(connection, "email", email, current)) {
      wanted = wanted.email(current.email().isEmpty() ? null : current.email());
    }
    if (!phone.isEmpty() && !phone.equals(current.phone()) && isTakenByOther(connection, "phone", phone, current)) {
      wanted = wanted.phone(current.phone().isEmpty() ? null : current.phone());
    }
    Customer updated = current.updatedWith(wanted);
    if (!updated.equals(current)) {
      update(connection, updated);
    }
    return updated;
  }

  private static void lock(Connection connection, int namespace, String key) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
      lock.setInt(1, namespace);
      lock.setString(2, key);
      lock.executeQuery().close();
    }
  }

  private static long nextNumber(Connection connection) throws SQLException {
    try (PreparedStatement next = connection.prepareStatement("SELECT nextval('helpdesk_customer_number')");
        ResultSet row = next.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static boolean isTakenByOther(Connection connection, String column, String value, Customer owner)
      throws SQLException {
    return findBy(connection, column, value).filter(holder -> !holder.id().equals(owner.id())).isPresent();
  }

  private static Optional<Customer> findBy(Connection connection, String column, String value) throws SQLException {
    try (PreparedStatement find = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM helpdesk_customers WHERE " + column + " = ?")) {
      find.setString(1, value);
      try (ResultSet row = find.executeQuery()) {
        return row.next() ? Optional.of(read(row)) : Optional.empty();
      }
    }
  }

  private static void insert(Connection connection, Customer c) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO helpdesk_customers (" + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, c.id().value());
      bindDetails(insert, 2, c);
      Database.setInstant(insert, 9, c.registered());
      insert.executeUpdate();
    }
  }

  private static void update(Connection connection, Customer c) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE helpdesk_customers SET kind = ?, name = ?,"
        + " email = ?, phone = ?, organisation = ?, location = ?, locale = ? WHERE id = ?")) {
      bindDetails(update, 1, c);
      update.setString(8, c.id().value());
      update.executeUpdate();
    }
  }

  private static void bindDetails(PreparedStatement s, int first, Customer c) throws SQLException {
    s.setString(first, c.kind().name());
    s.setString(first + 1, c.details().name());
    // NULL, not empty: the unique constraints must not see every customer without an email as one.
    s.setString(first + 2, c.email().isEmpty() ? null : c.email());
    s.setString(first + 3, c.phone().isEmpty() ? null : c.phone());
    s.setString(first + 4, c.details().organisation());
    s.setString(first + 5, c.details().location());
    s.setString(first + 6, c.locale().toLanguageTag());
  }

  private static Customer read(ResultSet row) throws SQLException {
    CustomerKind kind = CustomerKind.valueOf(row.getString("kind"));
    CustomerDetails details = new CustomerDetails(kind, row.getString("name"), row.getString("email"),
        row.getString("phone"), row.getString("organisation"), row.getString("location"),
        Locale.forLanguageTag(row.getString("locale")));
    return new Customer(CustomerId.of(row.getString("id")), kind, details, Database.instant(row, "registered"));
  }

  @Override
  public Optional<Customer> find(CustomerId id) {
    return database.read("read customer " + id, connection -> findBy(connection, "id", id.value()));
  }

  @Override
  public Optional<Customer> findByEmail(String email) {
    String normalized = CustomerDetails.normalizeEmail(email);
    return normalized.isEmpty() ? Optional.empty()
        : database.read("find a customer by email", connection -> findBy(connection, "email", normalized));
  }

  @Override
  public Optional<Customer> findByPhone(String phone) {
    String normalized = CustomerDetails.normalizePhone(phone);
    return normalized.isEmpty() ? Optional.empty()
        : database.read("find a customer by phone", connection -> findBy(connection, "phone", normalized));
  }

  @Override
  public Stream<Customer> stream() {
    return database.stream("stream the customers", "SELECT " + COLUMNS + " FROM helpdesk_customers",
        statement -> { }, JdbcCustomerStore::read);
  }
}
