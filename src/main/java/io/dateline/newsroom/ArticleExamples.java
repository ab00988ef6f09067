package io.dateline.newsroom;

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
}
