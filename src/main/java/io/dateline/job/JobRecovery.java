package io.dateline.job;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Makes jobs whose instance is gone show as INTERRUPTED, so that they can be resumed: at startup the
 * jobs of this instance's earlier life, and all the time the jobs of any instance that stopped
 * marking them alive (another instance that died). Meanwhile it marks this instance's own as alive,
 * on a thread of its own: the shared scheduler may be busy for minutes with a scheduled import.
 */
@Component
class JobRecovery {

    private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

    static final String GONE = "the application stopped while the job ran; resume to continue";

    private final JobStore store;

    private final JobProperties properties;

    private final String owner;

    private final Clock clock;

    private final ThreadPoolTaskScheduler heartbeat = new ThreadPoolTaskScheduler();

    private final AtomicBoolean beating = new AtomicBoolean();

    JobRecovery(JobStore store, JobProperties properties, JobConfiguration.JobOwner owner, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.owner = owner.id();
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recoverAtStartup() {
        int own = store.interruptOwnedBy(owner, GONE, clock.instant());
        int silent = interruptSilent();
        if (own + silent > 0) {
            log.warn(
                    "{} job(s) left running by a stopped instance are now INTERRUPTED and can be resumed",
                    own + silent);
        }
        if (beating.compareAndSet(false, true)) {
            heartbeat.setThreadNamePrefix("job-heartbeat-");
            heartbeat.setDaemon(true);
            heartbeat.initialize();
            heartbeat.scheduleWithFixedDelay(this::beat, properties.heartbeat());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stopBeating() {
        heartbeat.shutdown();
    }

    void beat() {
        try {
            store.beat(owner, clock.instant());
            int silent = interruptSilent();
            if (silent > 0) {
                log.warn("{} job(s) of an instance that stopped answering are now INTERRUPTED", silent);
            }
        } catch (DataAccessException ex) {
            log.warn("Could not mark running jobs as alive: {}", ex.getMessage());
        }
    }

    private int interruptSilent() {
        return store.interruptSilentSince(clock.instant().minus(properties.staleAfter()), GONE, clock.instant());
    }
}
