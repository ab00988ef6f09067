package io.dateline.article;

/** Request and response examples for the OpenAPI description. */
final class ArticleExamples {

    private ArticleExamples() {}

    static final String CREATE = """
            {
              "headline": "Lavrov meets UN envoy on Syria talks",
              "lead": "The Russian foreign minister and the UN special envoy discussed the next round of talks.",
              "body": "<p>MOSCOW, December 22. The ministers met on Monday.</p>",
              "dateline": "MOSCOW",
              "source": "Dateline",
              "byline": "Anna Petrova",
              "language": "en",
              "topics": ["russian-politics-diplomacy", "world"],
              "primaryTopic": "russian-politics-diplomacy",
              "timeZone": "Europe/Moscow",
              "externalLinks": [{"title": "UN statement", "url": "https://example.org/un/statement", "sourceName": "UN"}],
              "relatedArticleIds": []
            }
            """;

    static final String PATCH = """
            {
              "headline": "Lavrov and UN envoy agree on date for Syria talks",
              "byline": null
            }
            """;

    static final String EDITOR_VIEW = """
            {
              "id": 1042,
              "slug": "lavrov-meets-un-envoy-on-syria-talks",
              "status": "DRAFT",
              "headline": "Lavrov meets UN envoy on Syria talks",
              "lead": "The Russian foreign minister and the UN special envoy discussed the next round of talks.",
              "pages": ["<p>MOSCOW, December 22. The ministers met on Monday.</p>"],
              "dateline": "MOSCOW",
              "source": "Dateline",
              "byline": "Anna Petrova",
              "language": "en",
              "timeZone": "Europe/Moscow",
              "topics": ["russian-politics-diplomacy", "world"],
              "primaryTopic": "russian-politics-diplomacy",
              "externalLinks": [{"title": "UN statement", "url": "https://example.org/un/statement", "sourceName": "UN"}],
              "relatedArticleIds": [],
              "createdAt": "2026-12-22T16:01:12.345Z",
              "updatedAt": "2026-12-22T16:01:12.345Z",
              "version": 1
            }
            """;

    static final String VALIDATION_PROBLEM = """
            {
              "type": "/problems/validation",
              "title": "Invalid request",
              "status": 400,
              "detail": "The request has invalid fields.",
              "instance": "/api/v1/articles",
              "errors": [{"field": "headline", "message": "must not be blank"}]
            }
            """;

    static final String UNKNOWN_TOPIC_PROBLEM = """
            {
              "type": "/problems/unknown-topic",
              "title": "Unknown topic",
              "status": 422,
              "detail": "No topic has the slug 'wolrd'.",
              "instance": "/api/v1/articles",
              "unknownTopics": ["wolrd"]
            }
            """;
}
