/**
 * Cross-cutting web and runtime pieces every feature relies on: RFC 9457 problem responses for
 * every error path, request ids, the anonymous page cache (and {@link
 * io.dateline.platform.PublicPagesChanged}, the event every public write publishes), the embedded
 * PostgreSQL that backs the default run, demo data for that default, and small shared helpers: slugs, ETags, JSON merge patch, the request size
 * limit and the HTTP settings ({@code dateline.http}). Features throw
 * {@link io.dateline.platform.ProblemException} subclasses; the single advice here turns them into
 * problem+json.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.dateline.platform;
