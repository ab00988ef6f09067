package io.dateline.newsroom;

import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The newsroom's parameters mean the same on every operation, so they are described once here
 * rather than on each handler's arguments.
 */
@Configuration(proxyBeanMethods = false)
class NewsroomApiDocumentation {

    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("id", "The resource's numeric id"),
            Map.entry("version", "A revision's version, 1 for the first"),
            Map.entry("slug", "Topic slug"),
            Map.entry(
                    "If-Match",
                    "The strong ETag of the last newsroom read or write of this article (\"<id>-<version>\");"
                            + " a weak or another article's ETag is a 412 that says which one to send"),
            Map.entry("Idempotency-Key", "Makes retries safe: 1 to 200 visible ASCII characters, unique per request"),
            Map.entry("reassignTo", "Slug of the topic that takes over the deleted topic's articles"),
            Map.entry("status", "DRAFT, PUBLISHED, SCHEDULED or ARCHIVED"),
            Map.entry("topic", "Only articles filed under any of these topic slugs (repeatable)"),
            Map.entry("excludeTopic", "Never articles filed under any of these topic slugs (repeatable)"),
            Map.entry("language", "Only articles in these ISO 639-1 languages (repeatable)"),
            Map.entry("since", "Published at or after this instant (ISO-8601 with offset)"),
            Map.entry("until", "Published before this instant (ISO-8601 with offset)"),
            Map.entry("source", "Source credit, case-insensitive"),
            Map.entry("dateline", "Dateline place, case-insensitive"),
            Map.entry("limit", "Page size, 1 to 100"),
            Map.entry("cursor", "nextCursor of the previous page, with the same filters"));

    @Bean
    OpenApiCustomizer newsroomParameters() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/v1/newsroom/")) {
                    return;
                }
                item.readOperations().stream()
                        .filter(operation -> operation.getParameters() != null)
                        .flatMap(operation -> operation.getParameters().stream())
                        .filter(parameter -> parameter.getDescription() == null)
                        .forEach(parameter -> parameter.setDescription(PARAMETERS.get(parameter.getName())));
            });
        };
    }
}
