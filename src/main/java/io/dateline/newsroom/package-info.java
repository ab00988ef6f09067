/**
 * The newsroom: the write side of articles and the editors' views. The Article aggregate with its
 * workflow (drafts, scheduled and immediate publishing, archiving, purging), revisions with restore,
 * idempotent creation, the editors' lists and search over every state; all of it under
 * {@code /api/v1/newsroom/**}, which one URL rule keeps for editors. Its responses carry the strong
 * ETag that If-Match needs. Every change announces {@link io.dateline.platform.PublicPagesChanged},
 * so cached public pages are evicted, and every change the public sees raises {@link
 * io.dateline.newsroom.ArticleChanged}, the module's one API type, which the event publication
 * registry keeps until its listeners (webhooks) handled it. The public read model is {@code article}'s.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Newsroom",
        allowedDependencies = {"article", "topic", "media", "platform"})
package io.dateline.newsroom;
