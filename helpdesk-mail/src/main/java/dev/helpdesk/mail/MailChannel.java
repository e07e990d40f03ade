package dev.helpdesk.mail;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.model.Violation;
import dev.helpdesk.spi.channel.AttachmentStore;
import dev.helpdesk.spi.channel.ChannelAdapter;
import dev.helpdesk.spi.channel.ContactReceiver;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Email as a channel of the desk (D-02): every mail in the desk's mailbox opens a ticket for its
 * sender, who is registered (D-03), or continues the ticket it answers. Give it to
 * {@code HelpDesk.builder().channelAdapters(…)}, which starts it, and call {@link #poll()} from
 * your own scheduler; nothing runs behind your back. A host that receives mail itself (a webhook of
 * a mail service, an SMTP server of its own) hands each raw message to {@link #accept}.
 *
 * <pre>{@code
 * MailChannel mail = MailChannel.builder()
 *     .deskAddress("help@desk.example")
 *     .mailbox(MailServer.imaps("imap.desk.example", 993).withLogin("help", secret))
 *     .build();
 * HelpDesk desk = HelpDesk.builder().channelAdapters(mail).build();
 * scheduler.scheduleWithFixedDelay(mail::poll, 0, 30, TimeUnit.SECONDS);
 * }</pre>
 *
 * <p>The contract:
 *
 * <ul>
 *   <li><b>Replies continue their ticket.</b> A mail answers a ticket when its In-Reply-To or
 *       References header names a mail of the desk (see {@link MailNotifier}), when its subject
 *       carries the ticket's reference ({@code [HD-7]}), or when its thread started with the mail
 *       that opened the ticket. The history it quotes is left out of the reply recorded. A reply
 *       from someone other than the ticket's customer opens a ticket of its own.
 *   <li><b>Mail is read as people see it.</b> Plain text is preferred; HTML-only mail becomes
 *       readable text. Attachments go to the {@link AttachmentStore} given, and the ticket's text
 *       lists them with the references it returned; the desk never stores their bytes.
 *   <li><b>Never lost.</b> A mail leaves the inbox only after the desk has stored what it caused:
 *       to the processed folder once it opened or continued a ticket, to the ignored folder when it
 *       was no contact, to the held folder when it cannot be taken in. When the desk cannot store
 *       it now, it stays in the inbox for the next poll. The same mail seen twice (same
 *       Message-ID) opens one ticket.
 *   <li><b>Never looping.</b> Automatic mail (Auto-Submitted, Precedence bulk, junk, list or
 *       auto_reply, X-Autoreply), bounces and delivery reports, mail from the desk's own addresses
 *       or from mail systems, and the desk's own messages coming back are ignored: no ticket, no
 *       answer. A sender writing faster than a person does (more than the sender limit within an
 *       hour) and mail that went round too many servers are held.
 *   <li><b>Never crashing.</b> A malformed message, one without a sender, one with too large, too
 *       many or undecodable attachments is held with a reason in the {@link PollResult}; the poll
 *       goes on with the next one. A lost connection ends the poll early; a later one goes on.
 * </ul>
 *
 * <p>Thread-safe: polls run one at a time; {@link #accept} may be called at any time.
 */
public final class MailChannel implements ChannelAdapter {
  /** The settings of the intake, fixed when the channel is built. */
  record Settings(Set<String> deskAddresses, Set<String> domains, AttachmentStore attachments,
      long maxMessageBytes, long maxAttachmentBytes, int maxAttachments, int senderLimit, Pattern ticketReference,
      Clock clock) {}

  private final Settings settings;
  private final MailServer mailbox;
  private final String inbox;
  private final Map<MailOutcome.Kind, String> folders;
  private final int batchSize;
  private final Object polling = new Object();
  private volatile MailIntake intake;
  private volatile boolean closed;

  private MailChannel(Builder b) {
    this.settings = new Settings(Set.copyOf(b.deskAddresses), domains(b.deskAddresses), b.attachments,
        orDefault(b.maxMessageBytes, 25L * 1024 * 1024), orDefault(b.maxAttachmentBytes, 10L * 1024 * 1024),
        b.maxAttachments != null ? b.maxAttachments : 20, b.senderLimit != null ? b.senderLimit : 20,
        b.ticketReference != null ? b.ticketReference : Pattern.compile("\\[([A-Za-z][A-Za-z0-9]*-[0-9]+)]"),
        b.clock != null ? b.clock : Clock.systemUTC());
    this.mailbox = b.mailbox;
    this.inbox = b.inbox != null ? b.inbox : "INBOX";
    Map<MailOutcome.Kind, String> names = new EnumMap<>(MailOutcome.Kind.class);
    names.put(MailOutcome.Kind.OPENED, b.processedFolder != null ? b.processedFolder : "Processed");
    names.put(MailOutcome.Kind.CONTINUED, names.get(MailOutcome.Kind.OPENED));
    names.put(MailOutcome.Kind.IGNORED, b.ignoredFolder != null ? b.ignoredFolder : "Ignored");
    names.put(MailOutcome.Kind.HELD, b.heldFolder != null ? b.heldFolder : "Held");
    this.folders = Map.copyOf(names);
    this.batchSize = b.batchSize != null ? b.batchSize : 50;
  }

  private static long orDefault(Long value, long fallback) {
    return value != null ? value : fallback;
  }

  private static Set<String> domains(Set<String> addresses) {
    Set<String> domains = new LinkedHashSet<>();
    for (String address : addresses) {
      domains.add(address.substring(address.indexOf('@') + 1));
    }
    return Set.copyOf(domains);
  }

  /**
   * Starts configuring a channel. The desk's address is required; everything else has a default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Set<Channel> channels() {
    return Set.of(Channel.EMAIL);
  }

  /**
   * Connects the channel to the desk; the desk calls it when it is built.
   *
   * @param receiver the desk
   * @throws IllegalStateException if the channel was started before
   */
  @Override
  public void start(ContactReceiver receiver) {
    if (receiver == null) {
      throw new ValidationException("MailChannel.start", List.of(new Violation("receiver", "must not be null")));
    }
    synchronized (polling) {
      if (intake != null) {
        throw new IllegalStateException("the mail channel is already started; give it to one desk only");
      }
      intake = new MailIntake(receiver, settings);
    }
  }

  /** Stops the channel: later polls and accepted mail are refused. A poll under way finishes. */
  @Override
  public void close() {
    closed = true;
  }

  /**
   * Reads the mailbox once: takes up to a batch of mails from the inbox, oldest first, to the desk,
   * and files each where its outcome says. Never throws for what a mail contains or for an
   * unreachable server: both are reported in the result.
   *
   * @return what became of each mail, and whether more are waiting
   * @throws IllegalStateException if the channel has no mailbox, is not started or is closed
   */
  public PollResult poll() {
    MailIntake taking = running();
    if (mailbox == null) {
      throw new IllegalStateException("the mail channel has no mailbox to poll; build it with mailbox(...)");
    }
    synchronized (polling) {
      List<MailOutcome> outcomes = new ArrayList<>();
      // Mail is filed after the loop, one COPY and one STORE per folder rather than per mail: what a
      // broken connection leaves unfiled is taken again next time, and taking a mail twice is harmless.
      Map<Folder, List<Message>> filing = new LinkedHashMap<>();
      Store store = null;
      Folder folder = null;
      try {
        Session session = Session.getInstance(mailbox.sessionProperties());
        store = session.getStore(mailbox.protocol());
        store.connect(mailbox.host(), mailbox.port(), mailbox.hasLogin() ? mailbox.user() : null,
            mailbox.hasLogin() ? mailbox.password() : null);
        folder = store.getFolder(inbox);
        folder.open(Folder.READ_WRITE);
        Map<MailOutcome.Kind, Folder> targets = targets(store);
        Message[] messages = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.ENVELOPE);
        folder.fetch(messages, profile);
        boolean more = false;
        for (Message message : messages) {
          if (message.isSet(Flags.Flag.DELETED)) {
            continue; // filed by an earlier poll whose connection broke before the inbox was cleaned
          }
          if (outcomes.size() == batchSize) {
            more = true;
            break;
          }
          MailIntake.Taken taken = take(taking, message);
          outcomes.add(taken.outcome());
          Folder target = targets.get(taken.outcome().kind());
          if (target != null) {
            filing.computeIfAbsent(target, f -> new ArrayList<>()).add(message);
          } else if (taken.deskDown()) {
            more = true; // the desk cannot store anything now: the rest waits for the next poll
            break;
          }
        }
        file(folder, filing);
        folder.close(true);
        folder = null;
        return new PollResult(outcomes, more, Optional.empty());
      } catch (MessagingException | RuntimeException e) {
        fileQuietly(folder, filing);
        return new PollResult(outcomes, true, Optional.of("the mailbox " + mailbox + " failed: "
            + MailReader.describe(e)));
      } finally {
        closeQuietly(folder, store);
      }
    }
  }

  /** Copies each mail to its folder, then marks it deleted in the inbox; expunged when the inbox closes. */
  private static void file(Folder inbox, Map<Folder, List<Message>> filing) throws MessagingException {
    for (Map.Entry<Folder, List<Message>> entry : filing.entrySet()) {
      Message[] messages = entry.getValue().toArray(Message[]::new);
      inbox.copyMessages(messages, entry.getKey());
      inbox.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
    }
    filing.clear();
  }

  /** Files what was taken before a failure, if the connection still allows it. */
  private static void fileQuietly(Folder inbox, Map<Folder, List<Message>> filing) {
    try {
      if (inbox != null && inbox.isOpen() && !filing.isEmpty()) {
        file(inbox, filing);
        inbox.close(true);
      }
    } catch (MessagingException | RuntimeException e) {
      // The connection is gone: these mails are taken again, harmlessly, by the next poll.
    }
  }

  /**
   * Takes one raw mail to the desk, as the poll does with each mail of the mailbox; for hosts that
   * receive mail themselves. The host keeps a mail that comes back {@link MailOutcome.Kind#HELD}
   * for inspection and offers a {@link MailOutcome.Kind#DEFERRED} one again later.
   *
   * @param mime the message in MIME format (RFC 5322), read up to the size limit and not closed
   * @param receivedAt when it arrived
   * @return what became of it
   * @throws IOException if the stream cannot be read
   * @throws IllegalStateException if the channel is not started or is closed
   */
  public MailOutcome accept(InputStream mime, Instant receivedAt) throws IOException {
    if (mime == null || receivedAt == null) {
      List<Violation> violations = new ArrayList<>(2);
      if (mime == null) {
        violations.add(new Violation("mime", "must not be null"));
      }
      if (receivedAt == null) {
        violations.add(new Violation("receivedAt", "must not be null"));
      }
      throw new ValidationException("MailChannel.accept", violations);
    }
    MailIntake taking = running();
    LimitedBuffer raw = new LimitedBuffer(settings.maxMessageBytes());
    byte[] buffer = new byte[8192];
    int read;
    while ((read = mime.read(buffer)) != -1) {
      if (!raw.fits(read)) {
        return tooLarge("", "", "");
      }
      raw.write(buffer, 0, read);
    }
    return taking.take(raw.toByteArray(), receivedAt).outcome();
  }

  private MailIntake running() {
    MailIntake taking = intake;
    if (taking == null) {
      throw new IllegalStateException("the mail channel is not started: give it to HelpDesk.builder()"
          + ".channelAdapters(...)");
    }
    if (closed) {
      throw new IllegalStateException("the mail channel is closed");
    }
    return taking;
  }

  private MailIntake.Taken take(MailIntake taking, Message message) throws MessagingException {
    int size = message.getSize();
    if (size > settings.maxMessageBytes()) {
      return new MailIntake.Taken(tooLarge(firstHeader(message, "Message-ID"), firstHeader(message, "From"),
          firstHeader(message, "Subject")), false);
    }
    LimitedBuffer raw = new LimitedBuffer(settings.maxMessageBytes());
    try {
      message.writeTo(raw);
    } catch (FolderClosedException | StoreClosedException e) {
      throw e;
    } catch (LimitedBuffer.Full e) {
      return new MailIntake.Taken(tooLarge(firstHeader(message, "Message-ID"), firstHeader(message, "From"),
          firstHeader(message, "Subject")), false);
    } catch (IOException | MessagingException e) {
      if (!message.getFolder().isOpen() || !message.getFolder().getStore().isConnected()) {
        throw new MessagingException("the connection was lost reading a mail", e);
      }
      return new MailIntake.Taken(new MailOutcome(MailOutcome.Kind.HELD, firstHeader(message, "Message-ID"),
          firstHeader(message, "From"), firstHeader(message, "Subject"), Optional.empty(),
          "the server could not return it: " + MailReader.describe(e)), false);
    }
    Date received = message.getReceivedDate();
    Instant at = received != null ? received.toInstant() : settings.clock().instant();
    return taking.take(raw.toByteArray(), at);
  }

  private MailOutcome tooLarge(String messageId, String from, String subject) {
    return new MailOutcome(MailOutcome.Kind.HELD, ThreadIds.idsIn(messageId).stream().findFirst().orElse(""),
        MailReader.printable(from), MailReader.printable(subject), Optional.empty(),
        "it is larger than the " + Sizes.describe(settings.maxMessageBytes()) + " the desk takes in");
  }

  private static String firstHeader(Message message, String name) {
    try {
      String[] values = message.getHeader(name);
      return values == null || values.length == 0 ? "" : values[0];
    } catch (MessagingException | RuntimeException e) {
      return "";
    }
  }

  /** The folders mail is filed in, made on first use. */
  private Map<MailOutcome.Kind, Folder> targets(Store store) throws MessagingException {
    Map<String, Folder> byName = new HashMap<>();
    Map<MailOutcome.Kind, Folder> targets = new EnumMap<>(MailOutcome.Kind.class);
    for (Map.Entry<MailOutcome.Kind, String> entry : folders.entrySet()) {
      Folder target = byName.get(entry.getValue());
      if (target == null) {
        target = store.getFolder(entry.getValue());
        if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
          throw new MessagingException("the folder '" + entry.getValue() + "' cannot be created");
        }
        byName.put(entry.getValue(), target);
      }
      targets.put(entry.getKey(), target);
    }
    return targets;
  }

  private static void closeQuietly(Folder folder, Store store) {
    try {
      if (folder != null && folder.isOpen()) {
        folder.close(false);
      }
    } catch (MessagingException | RuntimeException e) {
      // Already failing: the poll's result says why; flags set so far stay on the server.
    }
    try {
      if (store != null) {
        store.close();
      }
    } catch (MessagingException | RuntimeException e) {
      // Nothing left to save.
    }
  }

  @Override
  public String toString() {
    return "MailChannel{" + settings.deskAddresses() + (mailbox == null ? "" : ", " + mailbox) + "}";
  }

  /** Collects a mail up to a limit, failing as soon as it is exceeded. */
  private static final class LimitedBuffer extends OutputStream {
    static final class Full extends IOException {
      private static final long serialVersionUID = 1L;

      Full() {
        super("over the size limit", null);
      }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long limit;

    LimitedBuffer(long limit) {
      this.limit = limit;
    }

    boolean fits(int more) {
      return bytes.size() + (long) more <= limit;
    }

    @Override
    public void write(int b) throws IOException {
      if (!fits(1)) {
        throw new Full();
      }
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (!fits(len)) {
        throw new Full();
      }
      bytes.write(b, off, len);
    }

    byte[] toByteArray() {
      return bytes.toByteArray();
    }
  }

  /**
   * Configures a {@link MailChannel}. Every option may be set once; setting one twice throws
   * {@link IllegalStateException}.
   */
  public static final class Builder {
    private Set<String> deskAddresses;
    private MailServer mailbox;
    private String inbox;
    private String processedFolder;
    private String ignoredFolder;
    private String heldFolder;
    private AttachmentStore attachments;
    private Long maxMessageBytes;
    private Long maxAttachmentBytes;
    private Integer maxAttachments;
    private Integer senderLimit;
    private Integer batchSize;
    private Pattern ticketReference;
    private Clock clock;

    private Builder() {}

    private static <T> T once(String option, T current, T value) {
      if (current != null) {
        throw new IllegalStateException(option + " was already set");
      }
      if (value == null) {
        throw new ValidationException("MailChannel", List.of(new Violation(option, "must not be null")));
      }
      return value;
    }

    /**
     * Sets the desk's own addresses: the first is the one customers write to, the others its
     * aliases and the address its notifications come from. Mail from any of them is never taken
     * as a contact, and Message-IDs in their domains are recognised as the desk's.
     *
     * @param address the desk's address
     * @param aliases its other addresses
     * @return this builder
     * @throws ValidationException if an address is not one
     */
    public Builder deskAddress(String address, String... aliases) {
      Set<String> addresses = new LinkedHashSet<>();
      List<Violation> violations = new ArrayList<>(1);
      List<String> given = new ArrayList<>();
      given.add(address);
      if (aliases != null) {
        given.addAll(Arrays.asList(aliases));
      }
      for (String candidate : given) {
        String normalized = candidate == null ? "" : candidate.strip().toLowerCase(Locale.ROOT);
        int at = normalized.indexOf('@');
        if (at <= 0 || at != normalized.lastIndexOf('@') || at == normalized.length() - 1
            || normalized.chars().anyMatch(Character::isWhitespace)) {
          violations.add(new Violation("deskAddress", "is not an email address: '" + candidate + "'"));
        } else {
          addresses.add(normalized);
        }
      }
      if (!violations.isEmpty()) {
        throw new ValidationException("MailChannel", violations);
      }
      this.deskAddresses = once("deskAddress", this.deskAddresses, addresses);
      return this;
    }

    /**
     * Sets the IMAP mailbox to poll. Without it, the channel takes only mail handed to
     * {@link MailChannel#accept}.
     *
     * @param server an {@code imap} or {@code imaps} server with the desk's account
     * @return this builder
     */
    public Builder mailbox(MailServer server) {
      if (server != null && !server.reads()) {
        throw new ValidationException("MailChannel", List.of(new Violation("mailbox",
            "must be an IMAP server, was " + server.protocol())));
      }
      this.mailbox = once("mailbox", this.mailbox, server);
      return this;
    }

    /**
     * Sets the folders mail is read from and filed in; all are made when missing. By default
     * {@code INBOX}, {@code Processed}, {@code Ignored} and {@code Held}.
     *
     * @param inbox where new mail arrives
     * @param processed where mail goes once it opened or continued a ticket
     * @param ignored where automatic mail, bounces and loops go
     * @param held where mail that cannot be taken in waits for a person
     * @return this builder
     */
    public Builder folders(String inbox, String processed, String ignored, String held) {
      List<Violation> violations = new ArrayList<>(1);
      String[][] named = {{"inbox", inbox}, {"processed", processed}, {"ignored", ignored}, {"held", held}};
      for (String[] folder : named) {
        if (folder[1] == null || folder[1].isBlank()) {
          violations.add(new Violation(folder[0], "must not be blank"));
        }
      }
      if (violations.isEmpty()
          && new HashSet<>(List.of(inbox.strip(), processed.strip(), ignored.strip(), held.strip())).size() < 4) {
        violations.add(new Violation("folders", "must be four different folders"));
      }
      if (!violations.isEmpty()) {
        throw new ValidationException("MailChannel", violations);
      }
      this.inbox = once("folders", this.inbox, inbox.strip());
      this.processedFolder = processed.strip();
      this.ignoredFolder = ignored.strip();
      this.heldFolder = held.strip();
      return this;
    }

    /**
     * Sets where attachments are kept. Without a store, the ticket's text still lists each file by
     * name, type and size, and the mail itself stays in the processed folder.
     *
     * @param store the host's store
     * @return this builder
     */
    public Builder attachments(AttachmentStore store) {
      this.attachments = once("attachments", this.attachments, store);
      return this;
    }

    /**
     * Sets the largest mail taken in, 25 MB by default; a larger one is held without being read.
     *
     * @param bytes the limit in bytes, at least 1 KB
     * @return this builder
     */
    public Builder maxMessageSize(long bytes) {
      this.maxMessageBytes = once("maxMessageSize", this.maxMessageBytes, atLeast("maxMessageSize", bytes, 1024));
      return this;
    }

    /**
     * Sets the largest attachment taken in, 10 MB by default; a mail with a larger one is held.
     *
     * @param bytes the limit in bytes, at least 1
     * @return this builder
     */
    public Builder maxAttachmentSize(long bytes) {
      this.maxAttachmentBytes = once("maxAttachmentSize", this.maxAttachmentBytes,
          atLeast("maxAttachmentSize", bytes, 1));
      return this;
    }

    /**
     * Sets how many attachments one mail may have, 20 by default; a mail with more is held.
     *
     * @param count the limit, at least 0
     * @return this builder
     */
    public Builder maxAttachments(int count) {
      this.maxAttachments = once("maxAttachments", this.maxAttachments,
          (int) atLeast("maxAttachments", count, 0));
      return this;
    }

    /**
     * Sets how many mails one sender may send within an hour before the next are held as a
     * suspected loop; 20 by default.
     *
     * @param mailsPerHour the limit, at least 1
     * @return this builder
     */
    public Builder senderLimit(int mailsPerHour) {
      this.senderLimit = once("senderLimit", this.senderLimit, (int) atLeast("senderLimit", mailsPerHour, 1));
      return this;
    }

    /**
     * Sets how many mails one poll takes at most, 50 by default; the result says when more wait.
     *
     * @param mails the batch size, at least 1
     * @return this builder
     */
    public Builder batchSize(int mails) {
      this.batchSize = once("batchSize", this.batchSize, (int) atLeast("batchSize", mails, 1));
      return this;
    }

    /**
     * Sets how a ticket reference is found in a subject. By default a bracketed id such as
     * {@code [HD-7]}, as the desk's notifications write it.
     *
     * @param pattern a pattern whose first group is the ticket's id
     * @return this builder
     */
    public Builder ticketReference(Pattern pattern) {
      if (pattern != null && pattern.matcher("").groupCount() < 1) {
        throw new ValidationException("MailChannel", List.of(new Violation("ticketReference",
            "must have a group for the ticket id: " + pattern)));
      }
      this.ticketReference = once("ticketReference", this.ticketReference, pattern);
      return this;
    }

    /**
     * Sets the clock, for mail whose server does not say when it arrived.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = once("clock", this.clock, clock);
      return this;
    }

    private static long atLeast(String option, long value, long min) {
      if (value < min) {
        throw new ValidationException("MailChannel", List.of(new Violation(option,
            "must be at least " + min + ", was " + value)));
      }
      return value;
    }

    /**
     * Builds the channel; the desk starts it.
     *
     * @return the channel
     * @throws IllegalStateException if the desk's address is missing
     */
    public MailChannel build() {
      if (deskAddresses == null) {
        throw new IllegalStateException("the desk's address is required: deskAddress(...)");
      }
      return new MailChannel(this);
    }
  }
}
