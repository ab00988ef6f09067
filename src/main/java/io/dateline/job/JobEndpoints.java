package io.dateline.job;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * What every job resource answers, whatever its kind: start, list, show, cancel and resume, with a
 * Location on each job that is queued, and never cached (a job changes while it runs, and only its
 * administrators may see it). A controller keeps its own mappings and descriptions, and calls one
 * method here per handler.
 */
public final class JobEndpoints {

    private static final CacheControl PRIVATE = CacheControl.noStore().cachePrivate();

    private final Jobs jobs;

    private final String kind;

    private final String path;

    /**
     * @param kind the kind of job these endpoints show; another kind's id is not found
     * @param path the collection's path, e.g. {@code /api/v1/admin/currency/imports}
     */
    public JobEndpoints(Jobs jobs, String kind, String path) {
        this.jobs = jobs;
        this.kind = kind;
        this.path = path.endsWith("/") ? path : path + "/";
    }

    public ResponseEntity<JobResponse> start(JobPlan.Factory factory, Map<String, String> parameters) {
        return queued(jobs.start(factory, parameters));
    }

    public ResponseEntity<List<JobResponse>> list() {
        return ResponseEntity.ok().cacheControl(PRIVATE).body(jobs.list(kind));
    }

    public ResponseEntity<JobResponse> get(long id) {
        return ResponseEntity.ok().cacheControl(PRIVATE).body(jobs.find(kind, id));
    }

    public ResponseEntity<JobResponse> cancel(long id) {
        return ResponseEntity.accepted().cacheControl(PRIVATE).body(jobs.cancel(kind, id));
    }

    public ResponseEntity<JobResponse> resume(long id) {
        return queued(jobs.resume(kind, id));
    }

    private ResponseEntity<JobResponse> queued(JobResponse job) {
        return ResponseEntity.accepted()
                .location(URI.create(path + job.id()))
                .cacheControl(PRIVATE)
                .body(job);
    }
}
