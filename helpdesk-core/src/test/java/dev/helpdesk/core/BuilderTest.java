package dev.helpdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.model.Channel;
import dev.helpdesk.model.InboundContact;
import dev.helpdesk.model.Notification;
import dev.helpdesk.model.Technician;
import dev.helpdesk.model.TechnicianId;
import dev.helpdesk.model.Ticket;
import dev.helpdesk.model.Tier;
import dev.helpdesk.model.Tiers;
import dev.helpdesk.model.ValidationException;
import dev.helpdesk.spi.channel.ChannelAdapter;
import dev.helpdesk.spi.channel.ContactReceiver;
import dev.helpdesk.spi.notify.Notifier;
import dev.helpdesk.spi.store.TicketQuery;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuilderTest {

  @Test
  void aDeskWorksWithNothingConfigured() {
    HelpDesk desk = HelpDesk.builder().build();
    Ticket t = desk.receive(InboundContact.of(Channel.PHONE, Desk.ana(), "Printer", "", java.time.Instant.now()));
    assertEquals(4, desk.tiers().size());
    assertEquals(Tier.FIRST_LINE, t.tier());
  }

  @Test
  void everyOptionIsSetOnce() {
    HelpDesk.Builder builder = HelpDesk.builder().warranty(Duration.ofDays(10));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.warranty(Duration.ofDays(20)));
    assertTrue(e.getMessage().contains("warranty is already set"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HelpDesk.builder().autoCloseAfter(Duration.ZERO));
    assertThrows(NullPointerException.class, () -> HelpDesk.builder().clock(null));
  }

  @Test
  void twoDesksNeverSeeEachOther() {
    HelpDesk one = HelpDesk.builder().build();
    HelpDesk two = HelpDesk.builder().build();
    one.receive(InboundContact.of(Channel.PHONE, Desk.ana(), "Printer", "", java.time.Instant.now()));
    assertEquals(1, one.workQueue(Desk.SAM, TicketQuery.all()).entries().size());
    assertEquals(0, two.workQueue(Desk.SAM, TicketQuery.all()).entries().size());
  }

  @Test
  void threeTiersMakeAThreeLevelDesk() {
    HelpDesk desk = HelpDesk.builder().tiers(Tiers.of(Tier.FIRST_LINE, Tier.SPECIALISTS, Tier.EXPERTS)).build();
    assertThrows(ValidationException.class,
        () -> desk.addTechnician(Technician.of(TechnicianId.of("s"), "Sergio", Tier.SERVER_ADMINISTRATION)));
  }

  /** A channel that hands the desk whatever the test puts in its queue. */
  static final class QueueChannel implements ChannelAdapter {
    ContactReceiver receiver;
    boolean closed;

    @Override
    public Set<Channel> channels() {
      return Set.of(Channel.CHAT);
    }

    @Override
    public void start(ContactReceiver receiver) {
      this.receiver = receiver;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void channelAdaptersAreStartedWithTheDeskAndStoppedWithIt() {
    QueueChannel chat = new QueueChannel();
    HelpDesk desk = HelpDesk.builder().channelAdapters(chat).build();
    Ticket t = chat.receiver.receive(InboundContact.of(Channel.CHAT, Desk.ana(), "Hello?", "", java.time.Instant.now())
        .withExternalId("chat-session-1"));
    assertEquals(Channel.CHAT, t.channel());
    assertEquals(t, chat.receiver.receive(InboundContact.of(Channel.CHAT, Desk.ana(), "Hello?", "",
        java.time.Instant.now()).withExternalId("chat-session-1")), "a redelivered session is the same ticket");
    desk.close();
    assertTrue(chat.closed);
  }

  /** Found through META-INF/services in the test below. */
  public static final class DiscoveredNotifier implements Notifier {
    static final List<Notification> DELIVERED = new CopyOnWriteArrayList<>();

    @Override
    public void deliver(Notification notification) {
      DELIVERED.add(notification);
    }

    @Override
    public int priority() {
      return 10;
    }
  }

  @Test
  void aNotifierIsDiscoveredWithTheServiceLoader(@TempDir Path dir) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(Notifier.class.getName()), DiscoveredNotifier.class.getName() + "\n");
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
      Thread.currentThread().setContextClassLoader(loader);
      HelpDesk desk = HelpDesk.builder().build();
      Ticket t = desk.receive(InboundContact.of(Channel.EMAIL, Desk.ana(), "Discovered?", "", java.time.Instant.now()));
      assertTrue(DiscoveredNotifier.DELIVERED.stream().anyMatch(n -> n.ticket().equals(t.id())));
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }
}
