package dev.helpdesk.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.core.memory.TicketIndex.Key;
import dev.helpdesk.model.TicketId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SortedKeysTest {
  @Test
  void behavesLikeASortedSetUnderRandomAddsAndRemoves() {
    Random random = new Random(42);
    SortedKeys keys = new SortedKeys();
    TreeSet<Key> expected = new TreeSet<>();
    for (int step = 0; step < 20_000; step++) {
      // Few distinct instants, so ties broken by id are common.
      Key key = new Key(Instant.ofEpochSecond(random.nextInt(50)), TicketId.of("T-" + random.nextInt(400)));
      if (random.nextInt(3) == 0) {
        assertEquals(expected.remove(key), keys.remove(key.entered(), key.id()));
      } else {
        expected.add(key);
        keys.add(key.entered(), key.id());
      }
      assertEquals(expected.size(), keys.size());
      if (step % 500 == 0) {
        assertEquals(List.copyOf(expected), drain(keys.after(null)));
        Key start = new Key(Instant.ofEpochSecond(random.nextInt(50)), TicketId.of("T-" + random.nextInt(400)));
        assertEquals(List.copyOf(expected.tailSet(start, false)), drain(keys.after(start)));
      }
    }
  }

  private static List<Key> drain(Iterator<Key> it) {
    List<Key> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
