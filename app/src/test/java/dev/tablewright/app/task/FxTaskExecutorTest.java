package dev.tablewright.app.task;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FxTaskExecutorTest {
    /** Stands in for Platform.runLater: records that a callback was handed over, then runs it. */
    private final List<String> handedOver = new CopyOnWriteArrayList<>();
    private final Executor fxThread = callback -> {
        handedOver.add(Thread.currentThread().getName());
        callback.run();
    };

    @Test
    void runsWorkInTheBackgroundAndHandsTheResultToTheFxThread() throws Exception {
        CompletableFuture<String> workThread = new CompletableFuture<>();
        CompletableFuture<Integer> result = new CompletableFuture<>();
        try (FxTaskExecutor tasks = new FxTaskExecutor(fxThread)) {
            tasks.execute(() -> {
                workThread.complete(Thread.currentThread().getName());
                return 42;
            }, result::complete, result::completeExceptionally);

            assertEquals(42, result.get(10, TimeUnit.SECONDS));
        }
        assertNotEquals(Thread.currentThread().getName(), workThread.get());
        assertTrue(workThread.get().startsWith("tablewright-task-"));
        assertEquals(1, handedOver.size());
    }

    @Test
    void handsWhatTheWorkThrewToTheFailureCallbackOnTheFxThread() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        try (FxTaskExecutor tasks = new FxTaskExecutor(fxThread)) {
            tasks.execute(() -> {
                throw new IllegalStateException("disk full");
            }, value -> failure.complete(null), failure::complete);

            assertEquals("disk full", failure.get(10, TimeUnit.SECONDS).getMessage());
        }
        assertEquals(1, handedOver.size());
    }
}
