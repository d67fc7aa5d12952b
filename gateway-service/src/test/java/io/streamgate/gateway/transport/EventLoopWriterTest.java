package io.streamgate.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.channel.DefaultEventLoop;
import io.streamgate.devstack.Deadline;

class EventLoopWriterTest {

    private final DefaultEventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stop() throws InterruptedException {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    @Test
    void everyWriteFromManyThreadsRunsOnceOnTheLoopInEachThreadsOrder() {
        List<String> ran = new ArrayList<>(); // touched only on the loop
        AtomicInteger offLoop = new AtomicInteger();
        EventLoopWriter writer = new EventLoopWriter(loop, 64, (frames, bytes) -> {
        });
        int perThread = 20_000;
        List<CompletableFuture<Void>> producers = IntStream.range(0, 3).mapToObj(t -> CompletableFuture.runAsync(() -> {
            for (int i = 0; i < perThread; i++) {
                String write = t + ":" + i;
                writer.submit(() -> {
                    if (!loop.inEventLoop()) {
                        offLoop.incrementAndGet();
                    }
                    ran.add(write);
                });
            }
        })).toList();
        producers.forEach(CompletableFuture::join);

        Deadline.await("every write to run", Duration.ofSeconds(20), () -> loop.submit(ran::size).syncUninterruptibly()
                .getNow() == 3 * perThread);
        assertEquals(0, offLoop.get());
        for (int t = 0; t < 3; t++) {
            String prefix = t + ":";
            List<String> mine = loop.submit(() -> ran.stream().filter(w -> w.startsWith(prefix)).toList())
                    .syncUninterruptibly().getNow();
            assertEquals(IntStream.range(0, perThread).mapToObj(i -> prefix + i).toList(), mine);
        }
    }

    @Test
    void aLongBurstLeavesTheLoopFreeForItsOtherWorkBetweenTurns() {
        AtomicInteger written = new AtomicInteger();
        AtomicInteger seenByOtherWork = new AtomicInteger(-1);
        EventLoopWriter writer = new EventLoopWriter(loop, 100, (frames, bytes) -> {
        });

        loop.execute(() -> {
            for (int i = 0; i < 1_000; i++) {
                writer.submit(written::incrementAndGet);
            }
            // Queued behind the first turn: with no turns it would only run after all 1,000 writes.
            loop.execute(() -> seenByOtherWork.set(written.get()));
        });

        Deadline.await("the burst to finish", Duration.ofSeconds(10), () -> written.get() == 1_000);
        assertEquals(100, seenByOtherWork.get(), "the loop's other work ran after the first turn of 100 writes");
    }

    @Test
    void flushedFramesAreCountedOncePerTurnWithTheirBytes() {
        AtomicLong frames = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicInteger reports = new AtomicInteger();
        EventLoopWriter writer = new EventLoopWriter(loop, 1_000, (f, b) -> {
            frames.addAndGet(f);
            bytes.addAndGet(b);
            reports.incrementAndGet();
        });

        loop.execute(() -> {
            for (int i = 0; i < 10; i++) {
                writer.submit(() -> writer.flushed(100));
            }
        });

        Deadline.await("the writes to be counted", Duration.ofSeconds(10), () -> frames.get() == 10);
        assertEquals(1_000, bytes.get());
        assertTrue(reports.get() <= 2, "counted per turn, not per write: " + reports.get());
    }

    @Test
    void aWriteThatCompletesAfterItsDrainIsCountedWithoutWaitingForAnotherWrite() {
        AtomicLong frames = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        EventLoopWriter writer = new EventLoopWriter(loop, 1_000, (f, b) -> {
            frames.addAndGet(f);
            bytes.addAndGet(b);
        });

        // A socket that was not writable completes its write later, as a task of its own on the loop;
        // nothing else is written afterwards, so no later drain would count it.
        writer.submit(() -> loop.execute(() -> writer.flushed(300)));
        writer.submit(() -> writer.flushed(100));

        Deadline.await("both writes to be counted", Duration.ofSeconds(10), () -> frames.get() == 2);
        assertEquals(400, bytes.get());
    }
}
