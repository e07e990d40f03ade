package dev.helpdesk.tck;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every suite of the kit shares: a fresh store from {@link #createStore()} before each test,
 * handed to {@link #clear} after it. A backend's test class implements just these two methods.
 *
 * @param <S> the port under test
 */
public abstract class PortContract<S> {
  /** The store under test; set before each test. */
  protected S store;

  /** For the suites. */
  protected PortContract() {}

  /**
   * Returns the store under test, empty. Called before each test.
   *
   * @return an empty store
   */
  protected abstract S createStore();

  /**
   * Removes everything the test stored, so the next test starts empty. Called after each test.
   *
   * @param store the store the test used
   */
  protected abstract void clear(S store);

  /** Creates the store; JUnit calls it before each test. */
  @BeforeEach
  protected final void setUpStore() {
    store = createStore();
  }

  /** Clears the store; JUnit calls it after each test. */
  @AfterEach
  protected final void clearStore() {
    clear(store);
  }
}
