package io.dateline.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo data set applies to the schema and reads back through the API like articles the
 * application wrote itself: its revisions have the snapshot shape the code expects.
 */
@IntegrationTest
class DemoDataTests {

    private static final String CASPIAN = "moscow-hosts-regional-talks-on-caspian-water-monitoring";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestSecurity.Tokens tokens;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void loadDemoData() {
        // what DemoDataLoader does on the embedded default; once per test database
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/demo")
                .table("flyway_demo_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    @Test
    void demoTopicsAndArticlesAreServed() throws Exception {
        mvc.perform(get("/api/v1/topics"))
                .andExpect(jsonPath(
                        "$.items[*].slug",
                        hasItems(
                                "russian-politics-diplomacy",
                                "world",
                                "business-economy",
                                "military-defense",
                                "science-space",
                                "emergencies",
                                "society-culture",
                                "sports")));
        mvc.perform(get("/api/v1/articles/{slug}", "delegations-resume-consultations-on-humanitarian-corridors"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dateline").value("GENEVA"))
                .andExpect(jsonPath("$.timeZone").value("Europe/Zurich"))
                .andExpect(jsonPath("$.topics[0].slug").value("world"))
                .andExpect(jsonPath("$.related[0].slug").value(CASPIAN))
                .andExpect(jsonPath("$.externalLinks[0].sourceName").value("Example Humanitarian Monitor"));
        mvc.perform(get("/api/v1/articles/{slug}", "port-of-st-petersburg-reports-record-autumn-container-traffic")
                        .param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pageCount").value(2))
                .andExpect(jsonPath("$.html").value(containsString("Rail connections")));
        mvc.perform(get("/api/v1/articles/{slug}", "v-moskve-otkrylas-vystavka-severnoy-grafiki"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("ru"))
                .andExpect(jsonPath("$.headline").value("В Москве открылась выставка северной графики"));
    }

    @Test
    void demoRevisionsCanBeShownAndRestored() throws Exception {
        String editor = "Bearer " + tokens.editor();
        String body = mvc.perform(get("/api/v1/articles/{slug}", CASPIAN))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));

        mvc.perform(get("/api/v1/newsroom/articles/{id}/revisions/{version}", id, 2)
                        .header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.action").value("PUBLISHED"))
                .andExpect(jsonPath("$.snapshot.topics[0]").value("russian-politics-diplomacy"))
                .andExpect(jsonPath("$.snapshot.publishedAt").exists());
        mvc.perform(post("/api/v1/newsroom/articles/{id}/revisions/{version}/restore", id, 1)
                        .header("Authorization", editor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.primaryTopic").value("russian-politics-diplomacy"));
    }
}
