package io.dateline.topic;

import io.dateline.platform.ETags;
import io.dateline.platform.HttpProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The topics taxonomy for everyone; editors change it under the newsroom ({@link TopicAdminController}). */
@RestController
@Tag(name = "Topics", description = "Sections and sub-topics, for everyone")
@RequestMapping("/api/v1/topics")
class TopicController {

    private final TopicService topics;

    private final HttpProperties http;

    TopicController(TopicService topics, HttpProperties http) {
        this.topics = topics;
        this.http = http;
    }

    @GetMapping
    @Operation(
            operationId = "listTopics",
            summary = "List topics",
            description = "Every topic as a flat list ordered by position then name, each with its parent's slug (a"
                    + " tree in two levels: sections and sub-topics) and its number of published articles.")
    ResponseEntity<TopicList> list() {
        TopicList list = new TopicList(topics.list());
        CRC32C crc = new CRC32C();
        crc.update(list.toString().getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.ok()
                .eTag(ETags.weak(HexFormat.of().toHexDigits((int) crc.getValue())))
                .cacheControl(CacheControl.maxAge(http.articleMaxAge()).cachePublic())
                .body(list);
    }

    @GetMapping("/{slug}")
    @Operation(
            operationId = "getTopic",
            summary = "One topic with its number of published articles",
            description = "Its name, description, parent and number of published articles.")
    ResponseEntity<TopicResponse> get(@Parameter(description = "Topic slug") @PathVariable String slug) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(http.articleMaxAge()).cachePublic())
                .body(topics.get(slug));
    }
}
