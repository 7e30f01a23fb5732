package dev.tablewright.app.task;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void longWorkIsListedWhileItRunsAndReportsItsProgress() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> result = new CompletableFuture<>();
        try (FxTaskExecutor tasks = new FxTaskExecutor(fxThread)) {
            RunningTask task = tasks.run("Export orders", context -> {
                context.progress(25, 100, "25 of 100 rows");
                reported.countDown();
                finish.await();
                return "done";
            }, result::complete, result::completeExceptionally);

            assertTrue(reported.await(10, TimeUnit.SECONDS));
            assertEquals(List.of(task), List.copyOf(tasks.runningTasks()));
            assertEquals(0.25, task.progressProperty().get(), 1e-9);
            assertEquals("25 of 100 rows", task.messageProperty().get());
            finish.countDown();
            assertEquals("done", result.get(10, TimeUnit.SECONDS));
            assertTrue(tasks.runningTasks().isEmpty());
        }
    }

    @Test
    void cancellingRunsTheCancelActionsAndEndsWithCancellation() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch statementCancelled = new CountDownLatch(1);
        CompletableFuture<Object> result = new CompletableFuture<>();
        try (FxTaskExecutor tasks = new FxTaskExecutor(fxThread)) {
            RunningTask task = tasks.run("Slow query", context -> {
                context.onCancel(statementCancelled::countDown);
                started.countDown();
                // Stands in for a driver call that returns once its statement is cancelled.
                statementCancelled.await();
                return "rows";
            }, result::complete, result::completeExceptionally);

            assertTrue(started.await(10, TimeUnit.SECONDS));
            task.cancel();
            // CompletableFuture rethrows a CancellationException it was completed with as it is.
            assertThrows(CancellationException.class, () -> result.get(10, TimeUnit.SECONDS));
            assertTrue(task.cancelledProperty().get());
            assertTrue(tasks.runningTasks().isEmpty());
        }
    }
}
