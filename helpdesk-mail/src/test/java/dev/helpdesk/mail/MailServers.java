package dev.helpdesk.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A real SMTP and IMAP server in the test JVM (GreenMail) on free ports, with the desk's mailbox and
 * the customers' mailboxes, and what a customer's mail program does with them.
 */
final class MailServers {
  static final String DESK = "help@desk.example";
  static final String PASSWORD = "secret";

  private MailServers() {}

  /** A fresh server for each test, on ports the system picks. */
  static GreenMailExtension greenMail() {
    return new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
  }

  /** Creates the desk's and the people's accounts; each logs in with its address. */
  static void createAccounts(GreenMailExtension mail, String... addresses) {
    mail.setUser(DESK, DESK, PASSWORD);
    for (String address : addresses) {
      mail.setUser(address, address, PASSWORD);
    }
  }

  static MailServer imap(GreenMailExtension mail, String user) {
    return MailServer.imap("127.0.0.1", mail.getImap().getPort()).withLogin(user, PASSWORD);
  }

  static MailServer smtp(GreenMailExtension mail) {
    return MailServer.smtp("127.0.0.1", mail.getSmtp().getPort());
  }

  /** A port nothing listens on. */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a mail through the server's SMTP as written, the way a customer's mail program does. */
  static void send(GreenMailExtension mail, RawMail raw, String to) {
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", "127.0.0.1");
    properties.setProperty("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
    Session session = Session.getInstance(properties);
    try (Transport transport = session.getTransport("smtp")) {
      MimeMessage message = new MimeMessage(session, raw.stream());
      transport.connect();
      // sendMessage, unlike Transport.send, leaves the message exactly as written (its Message-ID too).
      transport.sendMessage(message, new Address[] {new InternetAddress(to)});
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Puts mails into a mailbox's inbox as they are, broken ones too (IMAP APPEND). */
  static void append(GreenMailExtension mail, String user, RawMail... mails) {
    withFolder(mail, user, "INBOX", Folder.READ_WRITE, folder -> {
      Session session = Session.getInstance(new Properties());
      List<Message> messages = new ArrayList<>();
      for (RawMail raw : mails) {
        messages.add(new MimeMessage(session, raw.stream()));
      }
      folder.appendMessages(messages.toArray(Message[]::new));
      return null;
    });
  }

  /** The mails of a folder, read as the mailbox's owner reads them, in order. */
  static List<MimeMessage> read(GreenMailExtension mail, String user, String folderName) {
    return withFolder(mail, user, folderName, Folder.READ_ONLY, List.of(), folder -> {
      List<MimeMessage> copies = new ArrayList<>();
      for (Message message : folder.getMessages()) {
        copies.add(new MimeMessage((MimeMessage) message));
      }
      return copies;
    });
  }

  /** The subjects of a folder's mails, read from their envelopes alone. */
  static java.util.Set<String> subjects(GreenMailExtension mail, String user, String folderName) {
    return withFolder(mail, user, folderName, Folder.READ_ONLY, java.util.Set.of(), folder -> {
      Message[] messages = folder.getMessages();
      jakarta.mail.FetchProfile envelopes = new jakarta.mail.FetchProfile();
      envelopes.add(jakarta.mail.FetchProfile.Item.ENVELOPE);
      folder.fetch(messages, envelopes);
      java.util.Set<String> subjects = new java.util.HashSet<>();
      for (Message message : messages) {
        subjects.add(message.getSubject());
      }
      return subjects;
    });
  }

  /** How many mails a folder holds; 0 when it does not exist. */
  static int count(GreenMailExtension mail, String user, String folderName) {
    return read(mail, user, folderName).size();
  }

  /** How many mails each folder of a mailbox holds, read in one connection; empty folders included. */
  static java.util.Map<String, Integer> counts(GreenMailExtension mail, String user) {
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", mail.getImap().getPort(), user, PASSWORD);
      java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
      for (Folder folder : store.getDefaultFolder().list("*")) {
        if ((folder.getType() & Folder.HOLDS_MESSAGES) != 0) {
          counts.put(folder.getFullName(), folder.getMessageCount());
        }
      }
      return counts;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the inbox's mails are all still unread. */
  static boolean allUnseen(GreenMailExtension mail, String user) {
    return withFolder(mail, user, "INBOX", Folder.READ_ONLY, folder -> {
      for (Message message : folder.getMessages()) {
        if (message.isSet(Flags.Flag.SEEN)) {
          return false;
        }
      }
      return true;
    });
  }

  /** Sets a flag on every mail of the inbox, as another mail program might. */
  static void flagInbox(GreenMailExtension mail, String user, Flags.Flag flag) {
    withFolder(mail, user, "INBOX", Folder.READ_WRITE, folder -> {
      for (Message message : folder.getMessages()) {
        message.setFlag(flag, true);
      }
      return null;
    });
  }

  interface FolderWork<T> {
    T run(Folder folder) throws MessagingException, IOException;
  }

  /** Runs work on an open folder; a folder that does not exist holds nothing, so the work is not run. */
  static <T> T withFolder(GreenMailExtension mail, String user, String folderName, int mode, FolderWork<T> work) {
    return withFolder(mail, user, folderName, mode, null, work);
  }

  static <T> T withFolder(GreenMailExtension mail, String user, String folderName, int mode, T whenMissing,
      FolderWork<T> work) {
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", mail.getImap().getPort(), user, PASSWORD);
      Folder folder = store.getFolder(folderName);
      if (!folder.exists()) {
        return whenMissing;
      }
      folder.open(mode);
      try {
        return work.run(folder);
      } finally {
        folder.close(false);
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
