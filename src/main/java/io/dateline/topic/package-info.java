/**
 * Topics: the taxonomy of sections and sub-topics that articles are filed under and readers follow
 * or mute. Other features resolve topic slugs through {@link io.dateline.topic.TopicService}; the
 * article feature tells this one how topics are used through
 * {@link io.dateline.topic.TopicAssignments}, so that topics never depend on articles.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Topics",
        allowedDependencies = {"platform"})
package io.dateline.topic;
