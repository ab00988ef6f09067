package io.dateline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Search on the demo data set of the embedded default: what a newcomer tries first. */
@IntegrationTest
class DemoSearchTests {

    private static final String CASPIAN = "moscow-hosts-regional-talks-on-caspian-water-monitoring";

    private static final String EXHIBITION = "v-moskve-otkrylas-vystavka-severnoy-grafiki";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

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
    void aWordFromADemoHeadlineFindsItWithAHighlight() throws Exception {
        JsonNode hit = hit(search("caspian"), CASPIAN);

        assertThat(hit.at("/highlights/headline").asString())
                .isEqualTo("Moscow hosts regional talks on <mark>Caspian</mark> water monitoring");
        assertThat(hit.at("/highlights/snippet").asString()).contains("<mark>Caspian</mark>");
        assertThat(hit.at("/topics/0/slug").asString()).isEqualTo("russian-politics-diplomacy");
    }

    @Test
    void aRussianDemoHeadlineIsFoundByAnotherFormOfItsWords() throws Exception {
        JsonNode hit = hit(search("выставки графика"), EXHIBITION);

        assertThat(hit.at("/highlights/headline").asString())
                .isEqualTo("В Москве открылась <mark>выставка</mark> северной <mark>графики</mark>");
    }

    @Test
    void aDemoTopicsNameFindsItsArticles() throws Exception {
        JsonNode body = search("science space");

        assertThat(body.findValuesAsString("slug"))
                .contains("cargo-spacecraft-docks-with-orbital-station-after-two-day-flight");
    }

    @Test
    void demoHeadlinesAreSuggestedDespiteATypo() throws Exception {
        JsonNode suggestions =
                json.readTree(mvc.perform(get("/api/v1/search/suggest").param("q", "Caspain"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());

        assertThat(suggestions.findValuesAsString("slug")).contains(CASPIAN);
    }

    private JsonNode search(String q) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/search").param("q", q).param("source", "Dateline"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static JsonNode hit(JsonNode body, String slug) {
        for (JsonNode item : body.get("items")) {
            if (item.get("slug").asString().equals(slug)) {
                return item;
            }
        }
        throw new AssertionError("no result " + slug + " in " + body);
    }
}
