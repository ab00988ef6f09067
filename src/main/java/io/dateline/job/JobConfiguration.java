package io.dateline.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class JobConfiguration {

    /**
     * The pool jobs run on. The queue is small because the database admits one active job per source;
     * jobs stop between units on shutdown, so a short wait lets the unit in hand commit.
     */
    @Bean
    ThreadPoolTaskExecutor jobExecutor(JobProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.poolSize());
        executor.setMaxPoolSize(properties.poolSize());
        executor.setQueueCapacity(50);
        executor.setThreadNamePrefix("job-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(5);
        return executor;
    }

    @Bean
    JobOwner jobOwner(JobProperties properties, Environment environment) {
        if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
            return new JobOwner(properties.instanceId());
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException ex) {
            host = "localhost";
        }
        return new JobOwner(host + ":" + environment.getProperty("server.port", "8080"));
    }

    /** This instance's name in the jobs it runs. */
    record JobOwner(String id) {}
}
