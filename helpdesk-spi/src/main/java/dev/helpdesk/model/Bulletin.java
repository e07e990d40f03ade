package dev.helpdesk.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A special notice to front-line staff about a known problem, such as a network outage or a
 * server failure, with the answer to give the many customers expected to call about it (D-12).
 *
 * <p>A bulletin is valid for a window of time, {@code [validFrom, validUntil)}, which always has an
 * end: a bulletin is about a problem of the day, and one nobody remembered to close must not
 * mislead the desk for ever (a supervisor extends it with {@link #withValidUntil} if the problem
 * lasts). It ends once, when the problem is {@link #fix fixed} or the bulletin {@link #withdraw
 * withdrawn}; {@link #closedAt()} records when.
 *
 * <p>A versioned aggregate: version 0 until a store first creates it, then every save is a
 * compare-and-set on {@link #version()} that bumps it by one.
 *
 * @param id the bulletin's identifier
 * @param title a short name of the problem, for the front line's board
 * @param description the known problem: what is broken, for whom, since when
 * @param answer what front line tells the customers who call about it
 * @param affectedServices the services the problem hits, such as {@code vpn} or {@code email};
 *     lower case
 * @param keywords words that tie an incoming ticket to the problem; lower case
 * @param validFrom when front line starts seeing it
 * @param validUntil when it stops being shown even if nobody closed it; after {@code validFrom}
 * @param status active, fixed or withdrawn
 * @param closedAt when it was fixed or withdrawn; present exactly when it is no longer active
 * @param postedBy who posted it: a member of staff (a supervisor, or the desk itself for an
 *     automatic alert), never a customer
 * @param version 0 before the bulletin is first stored, then bumped by one on every save
 */
public record Bulletin(
    @NotNull BulletinId id,
    @NotBlank @Size(max = Article.TITLE_MAX) String title,
    @NotBlank @Size(max = Bulletin.TEXT_MAX) String description,
    @NotBlank @Size(max = Bulletin.TEXT_MAX) String answer,
    @NotNull @Size(max = Article.KEYWORDS_MAX) Set<@NotBlank @Size(max = Article.KEYWORD_MAX) String> affectedServices,
    @NotNull @Size(max = Article.KEYWORDS_MAX) Set<@NotBlank @Size(max = Article.KEYWORD_MAX) String> keywords,
    @NotNull Instant validFrom,
    @NotNull Instant validUntil,
    @NotNull BulletinStatus status,
    @NotNull Optional<Instant> closedAt,
    @NotNull Actor postedBy,
    @PositiveOrZero long version) {

  /** The longest description or answer accepted. */
  public static final int TEXT_MAX = 10_000;

  // Validates every component: texts trimmed, services and keywords lower-cased.
  public Bulletin {
    Checks checks = Checks.on(Bulletin.class);
    checks.notNull("id", id);
    title = checks.text("title", title, Article.TITLE_MAX);
    description = checks.text("description", description, TEXT_MAX);
    answer = checks.text("answer", answer, TEXT_MAX);
    affectedServices = Article.keywordSet(checks, "affectedServices", affectedServices, Article.KEYWORD_MAX,
        Article.KEYWORDS_MAX);
    keywords = Article.keywordSet(checks, "keywords", keywords, Article.KEYWORD_MAX, Article.KEYWORDS_MAX);
    checks.notNull("validFrom", validFrom);
    checks.notNull("validUntil", validUntil);
    if (validFrom != null && validUntil != null) {
      checks.check(validUntil.isAfter(validFrom), "validUntil", "must be after validFrom (" + validFrom + ")");
    }
    checks.notNull("status", status);
    if (checks.notNull("closedAt", closedAt) != null && status != null) {
      checks.check(closedAt.isPresent() == status.isClosed(), "closedAt",
          "must be present exactly when the bulletin is no longer ACTIVE, status is " + status);
    }
    if (checks.notNull("postedBy", postedBy) != null) {
      checks.check(postedBy.isStaff(), "postedBy", "must be staff, was " + postedBy);
    }
    checks.atLeast("version", version, 0);
    checks.done();
  }

  /**
   * Returns a new, active bulletin without affected services or keywords yet.
   *
   * @param id the new bulletin's identifier
   * @param postedBy the member of staff who posts it
   * @param title a short name of the problem
   * @param description the known problem
   * @param answer what front line tells customers
   * @param validFrom when front line starts seeing it
   * @param validUntil when it stops being shown, after {@code validFrom}
   * @return the bulletin, version 0
   * @throws ValidationException if any value is invalid
   */
  public static Bulletin post(BulletinId id, Actor postedBy, String title, String description, String answer,
      Instant validFrom, Instant validUntil) {
    return new Bulletin(id, title, description, answer, Set.of(), Set.of(), validFrom, validUntil,
        BulletinStatus.ACTIVE, Optional.empty(), postedBy, 0);
  }

  /**
   * Tells whether front line sees the bulletin at an instant: inside its validity window and not yet
   * closed then. A bulletin fixed at noon was active in the morning, which is what a look back at
   * the morning's calls needs.
   *
   * @param at the instant
   * @return whether {@code validFrom <= at < validUntil} and {@code at} is before any {@link
   *     #closedAt()}
   */
  public boolean isActiveAt(Instant at) {
    return !at.isBefore(validFrom) && at.isBefore(validUntil)
        && (closedAt.isEmpty() || at.isBefore(closedAt.get()));
  }

  /**
   * Returns this bulletin marked fixed: the problem is gone.
   *
   * @param at when it was fixed
   * @return the fixed copy
   * @throws ValidationException if it is already fixed or withdrawn
   */
  public Bulletin fix(Instant at) {
    return close(BulletinStatus.FIXED, "fix", at);
  }

  /**
   * Returns this bulletin withdrawn without a fix, such as a false alarm.
   *
   * @param at when it was withdrawn
   * @return the withdrawn copy
   * @throws ValidationException if it is already fixed or withdrawn
   */
  public Bulletin withdraw(Instant at) {
    return close(BulletinStatus.WITHDRAWN, "withdraw", at);
  }

  private Bulletin close(BulletinStatus next, String action, Instant at) {
    Checks.required(Bulletin.class, "closedAt", at);
    if (status.isClosed()) {
      throw new ValidationException("Bulletin",
          List.of(new Violation("status", "is " + status + ": cannot " + action + " bulletin " + id)));
    }
    return new Bulletin(id, title, description, answer, affectedServices, keywords, validFrom, validUntil, next,
        Optional.of(at), postedBy, version);
  }

  /**
   * Returns a copy that tells customers something else, as the problem develops.
   *
   * @param answer the new answer
   * @return the copy
   */
  public Bulletin withAnswer(String answer) {
    return new Bulletin(id, title, description, answer, affectedServices, keywords, validFrom, validUntil, status,
        closedAt, postedBy, version);
  }

  /**
   * Returns a copy naming these affected services instead.
   *
   * @param affectedServices the services, in any case
   * @return the copy
   */
  public Bulletin withAffectedServices(Set<String> affectedServices) {
    return new Bulletin(id, title, description, answer, affectedServices, keywords, validFrom, validUntil, status,
        closedAt, postedBy, version);
  }

  /**
   * Returns a copy with these keywords instead.
   *
   * @param keywords the words, in any case
   * @return the copy
   */
  public Bulletin withKeywords(Set<String> keywords) {
    return new Bulletin(id, title, description, answer, affectedServices, keywords, validFrom, validUntil, status,
        closedAt, postedBy, version);
  }

  /**
   * Returns a copy shown until another instant, to extend or shorten its window.
   *
   * @param validUntil the new end, after {@link #validFrom()}
   * @return the copy
   */
  public Bulletin withValidUntil(Instant validUntil) {
    return new Bulletin(id, title, description, answer, affectedServices, keywords, validFrom, validUntil, status,
        closedAt, postedBy, version);
  }

  /**
   * Returns a copy at another version; stores use it when they save.
   *
   * @param version the stored version
   * @return the copy
   */
  public Bulletin withVersion(long version) {
    return new Bulletin(id, title, description, answer, affectedServices, keywords, validFrom, validUntil, status,
        closedAt, postedBy, version);
  }
}
