package io.dateline.job;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Raised when the application starts to stop, before the web server drains and the pools shut down.
 * Long loops (jobs, the scheduled imports) look at it between units, so they stop after the unit in
 * hand has committed, never in the middle of one.
 */
@Component
public class StopSignal {

    private volatile boolean raised;

    /** Whether work should stop after the unit in hand (also when this thread was interrupted). */
    public boolean raised() {
        return raised || Thread.currentThread().isInterrupted();
    }

    @EventListener(ContextClosedEvent.class)
    void raise() {
        raised = true;
    }
}
