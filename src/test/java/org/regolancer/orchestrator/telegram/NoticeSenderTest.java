package org.regolancer.orchestrator.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.regolancer.orchestrator.fixtures.Await;

class NoticeSenderTest {

    private static final String TOO_MANY = "http://127.0.0.1/bot***/sendMessage responded: 429{\"ok\":false,\"error_code\":429,"
            + "\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}";
    private static final String GATEWAY = "http://127.0.0.1/bot***/sendMessage responded: 502{\"ok\":false,\"error_code\":502,"
            + "\"description\":\"Bad Gateway\"}";
    private static final String BAD_HTML = "responded: 400{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: "
            + "can't parse entities\"}";

    /** A Telegram that answers each attempt as scripted (then ok), and remembers every attempt and every delivery. */
    private static final class ScriptedTelegram implements NoticeSender.Delivery {
        final ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        final List<String> attempts = new CopyOnWriteArrayList<>();
        final List<String> delivered = new CopyOnWriteArrayList<>();

        ScriptedTelegram answering(String... failures) {
            answers.addAll(List.of(failures));
            return this;
        }

        @Override
        public void send(String html) throws Exception {
            attempts.add(html);
            String failure = answers.poll();
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            delivered.add(html);
        }
    }

    private final List<String> problems = new CopyOnWriteArrayList<>();

    private NoticeSender sender(ScriptedTelegram telegram, int capacity) {
        NoticeSender sender = unresumed(telegram, capacity);
        sender.resume(List.of(), () -> { });
        return sender;
    }

    private NoticeSender unresumed(ScriptedTelegram telegram, int capacity) {
        return new NoticeSender(telegram, new NoticeSender.Problems() {
            @Override
            public void gaveUp(int attempts, String why) {
                problems.add("gave up after " + attempts + ": " + why);
            }

            @Override
            public void dropped(int capacity) {
                problems.add("dropped at " + capacity);
            }
        }, capacity, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(300), Clock.systemUTC());
    }

    @Test
    void a429IsWaitedOutAsOftenAsTelegramAsksAndTheNoticeGoesOnce() throws Exception {
        ScriptedTelegram telegram = new ScriptedTelegram().answering(TOO_MANY, TOO_MANY, TOO_MANY, TOO_MANY, TOO_MANY);
        NoticeSender sender = sender(telegram, 10);
        Instant start = Instant.now();
        sender.offer("one");
        assertTrue(sender.awaitIdle(Duration.ofSeconds(15)));
        assertEquals(List.of("one"), telegram.delivered);
        assertEquals(6, telegram.attempts.size(), "five 429s are no reason to give up");
        assertTrue(Duration.between(start, Instant.now()).toMillis() >= 5000, "retry_after waited out each time");
        assertEquals(List.of(), problems);
    }

    @Test
    void failuresThatMayHealAreTriedFourTimesAndRefusalsOnce() throws Exception {
        ScriptedTelegram telegram = new ScriptedTelegram().answering(GATEWAY, GATEWAY, GATEWAY, GATEWAY, BAD_HTML);
        NoticeSender sender = sender(telegram, 10);
        sender.offer("gateway");
        sender.offer("broken <html");
        sender.offer("fine");
        assertTrue(sender.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(List.of("fine"), telegram.delivered);
        assertEquals(List.of("gave up after 4: Telegram answered 502: Bad Gateway",
                "gave up after 1: Telegram answered 400: Bad Request: can't parse entities"), problems);
    }

    @Test
    void aStopEndsAWaitItCannotOutwaitAndHandsBackWhatIsLeftInOrder() throws Exception {
        ScriptedTelegram telegram = new ScriptedTelegram().answering("{\"error_code\":429,\"parameters\":{\"retry_after\":30}}");
        NoticeSender sender = sender(telegram, 10);
        sender.offer("first");
        sender.offer("second");
        assertTrue(Await.until(Duration.ofSeconds(2), () -> telegram.attempts.size() == 1), "first tried, now waiting 30 s");
        Instant stop = Instant.now();
        List<String> left = sender.stop(stop.plusSeconds(3));
        assertTrue(Duration.between(stop, Instant.now()).toMillis() < 1000, "a 30 s wait does not hold the stop");
        assertEquals(List.of("first", "second"), left, "the one Telegram did not take, then the rest");
        assertEquals(List.of(), telegram.delivered);
    }

    @Test
    void aStopKeepsSendingWithinItsTimeAndNeverHandsBackWhatTelegramTook() throws Exception {
        ScriptedTelegram telegram = new ScriptedTelegram().answering(TOO_MANY);
        NoticeSender sender = sender(telegram, 10);
        sender.offer("first");
        sender.offer("second");
        assertTrue(Await.until(Duration.ofSeconds(2), () -> telegram.attempts.size() == 1), "first tried, now waiting 1 s");
        List<String> left = sender.stop(Instant.now().plusSeconds(5));
        assertEquals(List.of(), left);
        assertEquals(List.of("first", "second"), telegram.delivered, "retry_after 1 s fits into the stop's 5 s");
    }

    @Test
    void noticesAStopLeftGoFirstAndTheirFileGoesOnceTheyAreSent() throws Exception {
        ScriptedTelegram telegram = new ScriptedTelegram();
        NoticeSender sender = unresumed(telegram, 10);
        List<String> forgotten = new ArrayList<>();
        assertTrue(sender.offer("new"));
        // the sender's thread, if any, has come to rest (waits) rather than not yet begun
        assertTrue(Await.until(Duration.ofSeconds(2), () -> Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("telegram-notices") && t.isAlive())
                .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)));
        assertEquals(List.of(), telegram.attempts, "nothing before the start is complete");
        sender.resume(List.of("old one", "old two"), () -> forgotten.add("file removed"));
        assertTrue(sender.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(List.of("old one", "old two", "new"), telegram.delivered);
        assertEquals(List.of("file removed"), forgotten);
    }

    @Test
    void aFullQueueDropsTheNoticeAndSaysSo() throws Exception {
        ScriptedTelegram telegram = new ScriptedTelegram().answering("{\"error_code\":429,\"parameters\":{\"retry_after\":30}}");
        NoticeSender sender = sender(telegram, 2);
        assertTrue(sender.offer("a"));
        assertTrue(sender.offer("b"));
        assertFalse(sender.offer("c"));
        assertEquals(List.of("dropped at 2"), problems);
        assertEquals(List.of("a", "b"), sender.stop(Instant.now()));
    }

    @Test
    void theThreadGoesWhenThereIsNothingToSendAndComesBackWithTheNextNotice() throws Exception {
        ScriptedTelegram telegram = new ScriptedTelegram();
        NoticeSender sender = sender(telegram, 10);
        sender.offer("one");
        assertTrue(sender.awaitIdle(Duration.ofSeconds(2)));
        assertTrue(Await.until(Duration.ofMillis(600), () -> threads() == 0), "gone after its idle time");
        sender.offer("two");
        assertTrue(sender.awaitIdle(Duration.ofSeconds(2)));
        assertEquals(List.of("one", "two"), telegram.delivered);
    }

    private static long threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("telegram-notices") && t.isAlive()).count();
    }
}
