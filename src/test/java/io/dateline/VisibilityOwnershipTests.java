package io.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * article is the one owner of "visible to the public" and of its tables: every other module reads
 * articles through article's Java API or through the SQL functions and view of migration V97. Spring
 * Modulith checks Java types only and cannot see SQL, so this test reads the string literals (SQL
 * lives in them) of every main source file outside the owning packages and fails on the rule or on
 * a table name.
 */
class VisibilityOwnershipTests {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "dateline");

    /**
     * article owns the read model and the rule; newsroom, the write side, maps the same tables with
     * JPA and so may name them, but never the public rule.
     */
    private static final Set<String> TABLE_OWNERS = Set.of("article", "newsroom");

    private static final Pattern LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

    private static final Map<String, Pattern> FORBIDDEN = Map.of(
            "the status half of the visibility rule",
            Pattern.compile("status\\s*=\\s*'PUBLISHED'", Pattern.CASE_INSENSITIVE),
            "the time half of the visibility rule",
            // <= now (visible) and > now (scheduled); >= is a since filter, not the rule
            Pattern.compile("published_at\\s*(<=|>(?!=))", Pattern.CASE_INSENSITIVE),
            "one of article's tables",
            Pattern.compile(
                    "\\b(from|join|into|update|table)\\s+(article|article_topic|article_page|article_revision)\\b"));

    /** partner_news has a publish time of its own, not article's rule. */
    private static final Set<String> ALLOWED =
            Set.of("syndication/PartnerNewsStore.java: where n.published_at <= :now");

    /**
     * Files excused from one rule, each for its reason: the demo data step that gives the demo
     * articles their pictures writes article's tables as the db/demo scripts do; the newsroom's
     * check before deleting a picture asks for published articles, live or scheduled, which is the
     * status alone, not the public rule.
     */
    private static final Map<String, String> EXCUSED = Map.of(
            "media/DemoLeadImages.java", "one of article's tables",
            "newsroom/ArticleImageUses.java", "the status half of the visibility rule");

    @Test
    void noSqlOutsideArticleNamesTheVisibilityRuleOrArticlesTables() {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String module = SOURCES.relativize(file).getName(0).toString();
            String name = SOURCES.relativize(file).toString().replace('\\', '/');
            for (String literal : literals(file)) {
                FORBIDDEN.forEach((what, pattern) -> {
                    boolean table = what.equals("one of article's tables");
                    if ((table ? TABLE_OWNERS.contains(module) : module.equals("article"))
                            || ALLOWED.contains(name + ": " + literal.strip())
                            || what.equals(EXCUSED.get(name))) {
                        return;
                    }
                    if (pattern.matcher(literal).find()) {
                        violations.add(name + " names " + what + ": " + literal.strip());
                    }
                });
            }
        }

        assertThat(violations)
                .as("read articles through visible_article(now), visible_article_topic(now), article_topic_link"
                        + " (V97) or article's API")
                .isEmpty();
    }

    @Test
    void theScanSeesTheRuleWhereItIsWritten() {
        List<String> inArticle = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (SOURCES.relativize(file).getName(0).toString().equals("article")) {
                literals(file).stream()
                        .filter(literal -> FORBIDDEN.values().stream()
                                .allMatch(pattern -> pattern.matcher(literal).find()))
                        .forEach(inArticle::add);
            }
        }

        assertThat(inArticle)
                .as("article's own queries, found by the same patterns")
                .isNotEmpty();
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> literals(Path file) {
        try {
            Matcher matcher = LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
            List<String> literals = new ArrayList<>();
            while (matcher.find()) {
                literals.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
            return literals;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
