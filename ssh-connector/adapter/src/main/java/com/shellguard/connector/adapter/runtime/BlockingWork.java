package com.shellguard.connector.adapter.runtime;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs work that may block (a password hash, a database query, connecting to a target) on the
 * container's WorkManager, so MINA's few I/O threads only ever move bytes.
 */
public final class BlockingWork {

    private final WorkManager workManager;

    public BlockingWork(WorkManager workManager) {
        this.workManager = workManager;
    }

    /** @throws RejectedExecutionException when the container will not take more work */
    public void submit(Runnable task) {
        try {
            workManager.scheduleWork(new Work() {
                @Override
                public void run() {
                    task.run();
                }

                @Override
                public void release() {
                    // tasks end on their own; nothing to interrupt
                }
            });
        } catch (WorkException e) {
            throw new RejectedExecutionException("the gateway is too busy: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the task as work, or in place when the container will take no more: for what must happen whatever the load
     * (an audit row, a session's end) and should only not hold the calling thread, a network thread of MINA's.
     */
    public void submitOrRun(Runnable task) {
        try {
            submit(task);
        } catch (RejectedExecutionException busy) {
            task.run();
        }
    }
}
