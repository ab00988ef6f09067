package io.dateline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dateline.IntegrationTest;
import io.dateline.TestSecurity;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pictures end to end: uploads judged by their bytes, refusals that store nothing, immutable
 * renditions for anonymous callers, the image library, the 409 that protects published articles, and
 * the lead image wherever the public reads an article.
 */
@IntegrationTest
class MediaApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestSecurity.Tokens tokens;

    String editor;

    @BeforeEach
    void setUp() {
        editor = "Bearer " + tokens.editor();
    }

    @Test
    void aPngNamedJpgIsStoredAsWhatItIs() throws Exception {
        byte[] png = MediaFixtures.png(900, 600);

        JsonNode image = read(upload(new MockMultipartFile("file", "holiday.jpg", "image/jpeg", png), 201));

        assertThat(image.get("sourceType").asString()).isEqualTo("image/png");
        assertThat(image.get("originalWidth").asInt()).isEqualTo(900);
        assertThat(image.get("width").asInt()).isEqualTo(900);
        assertThat(image.get("url").asString()).endsWith(image.get("hash").asString() + "-900.jpg");
        assertThat(image.get("renditions").findValuesAsString("type")).containsOnly("image/jpeg");
        assertThat(image.get("renditions").findValues("width"))
                .extracting(JsonNode::asInt)
                .containsExactly(320, 640, 900);
    }

    @Test
    void badUploadsAreProblemsAndStoreNothing() throws Exception {
        long before = imageCount();
        byte[] png = MediaFixtures.png(300, 200);

        expectProblem(upload(file("notes.jpg", "image/jpeg", "plain text, not a picture".getBytes())), 415);
        expectProblem(upload(file("cut.png", "image/png", java.util.Arrays.copyOf(png, png.length / 2))), 422);
        expectProblem(upload(file("bomb.png", "image/png", MediaFixtures.pngHeader(60_000, 60_000))), 413);
        expectProblem(upload(file("empty.jpg", "image/jpeg", new byte[0])), 415);
        mvc.perform(multipart("/api/v1/newsroom/images")
                        .param("caption", "no file")
                        .header("Authorization", editor))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(multipart("/api/v1/newsroom/images")
                        .file(file("x.png", "image/png", MediaFixtures.png(20, 20)))
                        .param("caption", "c".repeat(1001))
                        .header("Authorization", editor))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(imageCount()).isEqualTo(before);
    }

    @Test
    void theSameBytesAreTheSameImage() throws Exception {
        byte[] jpeg = MediaFixtures.jpeg(400, 300);
        long first =
                read(upload(file("a.jpg", "image/jpeg", jpeg), 201)).get("id").asLong();

        JsonNode again = read(upload(file("b.jpg", "image/jpeg", jpeg), 200));

        assertThat(again.get("id").asLong()).isEqualTo(first);
    }

    @Test
    void renditionsAreImmutableForEveryone() throws Exception {
        JsonNode image = read(upload(file("p.png", "image/png", MediaFixtures.png(700, 400)), 201));
        String path =
                URI.create(image.get("renditions").get(1).get("url").asString()).getPath();
        assertThat(path).isEqualTo("/media/" + image.get("hash").asString() + "-640.jpg");

        MockHttpServletResponse rendition = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_JPEG))
                .andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
                .andExpect(header().string("ETag", "\"" + image.get("hash").asString() + "-640\""))
                .andReturn()
                .getResponse();
        assertThat(ImageType.sniff(rendition.getContentAsByteArray())).contains(ImageType.JPEG);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(rendition.getContentAsByteArray()))
                        .getWidth())
                .isEqualTo(640);

        mvc.perform(get(path).header("If-None-Match", rendition.getHeader("ETag")))
                .andExpect(status().isNotModified());
        expectProblem(
                mvc.perform(get("/media/" + "0".repeat(32) + "-640.jpg"))
                        .andReturn()
                        .getResponse(),
                404);
        expectProblem(mvc.perform(get("/media/not-a-picture.jpg")).andReturn().getResponse(), 404);
    }

    @Test
    void editorsListReadUpdateAndDeleteImages() throws Exception {
        JsonNode image = read(upload(file("p.png", "image/png", MediaFixtures.png(400, 300)), 201));
        long id = image.get("id").asLong();
        String path = URI.create(image.get("url").asString()).getPath();

        call(get("/api/v1/newsroom/images?limit=1"), 200);
        JsonNode listed = read(call(get("/api/v1/newsroom/images?limit=100"), 200));
        assertThat(listed.get("items").findValues("id"))
                .extracting(JsonNode::asLong)
                .contains(id);
        JsonNode updated = read(call(
                put("/api/v1/newsroom/images/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caption\": \"New caption\", \"credit\": \"Staff\", \"alt\": \"Alt text\"}"),
                200));
        assertThat(updated.get("caption").asString()).isEqualTo("New caption");
        assertThat(read(call(get("/api/v1/newsroom/images/{id}", id), 200))
                        .get("alt")
                        .asString())
                .isEqualTo("Alt text");

        call(delete("/api/v1/newsroom/images/{id}", id), 204);

        expectProblem(call(get("/api/v1/newsroom/images/{id}", id), 404), 404);
        mvc.perform(get(path)).andExpect(status().isNotFound());
        expectProblem(call(delete("/api/v1/newsroom/images/{id}", id), 404), 404);
    }

    @Test
    void anImageAPublishedArticleShowsCannotBeDeleted() throws Exception {
        long lead = uploadedImage();
        long embedded = uploadedImage();
        long article = createArticle(unique("Protected"), lead, List.of(embedded));
        call(post("/api/v1/newsroom/articles/{id}/publish", article), 200);

        JsonNode refused = read(call(delete("/api/v1/newsroom/images/{id}", lead), 409));
        expectProblem(call(delete("/api/v1/newsroom/images/{id}", embedded), 409), 409);

        assertThat(refused.get("type").asString()).isEqualTo("/problems/image-in-use");
        assertThat(refused.get("articleIds").get(0).asLong()).isEqualTo(article);
        call(get("/api/v1/newsroom/images/{id}", lead), 200);
    }

    @Test
    void aDraftLosesTheImageItUsedWhenItIsDeleted() throws Exception {
        long lead = uploadedImage();
        long article = createArticle(unique("Draft"), lead, List.of());

        call(delete("/api/v1/newsroom/images/{id}", lead), 204);

        JsonNode draft = read(call(get("/api/v1/newsroom/articles/{id}", article), 200));
        assertThat(draft.get("leadImageId")).isNull();
    }

    @Test
    void anArticleNamingAnUnknownImageIsRefused() throws Exception {
        Map<String, Object> request = articleRequest(unique("Unknown picture"), 987_654_321L, List.of());

        JsonNode problem = read(call(
                post("/api/v1/newsroom/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(request)),
                422));

        assertThat(problem.get("type").asString()).isEqualTo("/problems/unknown-image");
        assertThat(problem.get("unknownImages").get(0).asLong()).isEqualTo(987_654_321L);
    }

    @Test
    void thePublicSeesTheLeadImageWhereverItReadsTheArticle() throws Exception {
        String word = letters();
        JsonNode image = read(upload(
                new MockMultipartFile("file", "lead.png", "image/png", MediaFixtures.png(1600, 900)),
                201,
                Map.of("caption", "Lead caption", "credit", "Lead credit", "alt", "Lead alt")));
        long lead = image.get("id").asLong();
        long id = createArticle("Pictures " + word, lead, List.of(uploadedImage()));
        call(post("/api/v1/newsroom/articles/{id}/publish", id), 200);
        String largest = image.get("hash").asString() + "-1280.jpg";

        JsonNode article =
                read(mvc.perform(get("/api/v1/articles/{id}", id)).andReturn().getResponse());
        assertLeadImage(article.get("leadImage"), largest);
        JsonNode feed =
                read(mvc.perform(get("/api/v1/articles?limit=100")).andReturn().getResponse());
        assertLeadImage(itemWithId(feed.get("items"), id).get("leadImage"), largest);
        JsonNode search =
                read(mvc.perform(get("/api/v1/search?q=" + word)).andReturn().getResponse());
        assertLeadImage(itemWithId(search.get("items"), id).get("leadImage"), largest);

        mvc.perform(get("/api/v1/feeds/all.rss"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("xmlns:media=\"http://search.yahoo.com/mrss/\"")))
                .andExpect(content()
                        .string(containsString("<media:content url=\"http://localhost:8080/media/" + largest
                                + "\" type=\"image/jpeg\" medium=\"image\" width=\"1280\" height=\"720\">")))
                .andExpect(content().string(containsString("<media:credit>Lead credit</media:credit>")))
                .andExpect(content().string(containsString("<enclosure url=\"http://localhost:8080/media/" + largest)));
        mvc.perform(get("/api/v1/feeds/all.atom"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<link rel=\"enclosure\" type=\"image/jpeg\" href=\"http://localhost:8080/media/"
                                        + largest)));
        JsonNode ninjs = read(mvc.perform(get("/api/v1/articles/{id}", id).accept("application/ninjs+json"))
                .andReturn()
                .getResponse());
        JsonNode picture = ninjs.get("associations").get(0);
        assertThat(picture.get("name").asString()).isEqualTo("featureimage");
        assertThat(picture.get("type").asString()).isEqualTo("picture");
        assertThat(picture.get("renditions").findValues("width"))
                .extracting(JsonNode::asInt)
                .containsExactly(320, 640, 1280);
        assertThat(ninjs.get("associations").get(1).get("name").asString()).isEqualTo("image-1");
    }

    @Test
    void aNewCaptionReachesTheArticleAndItsETag() throws Exception {
        long lead = uploadedImage();
        long id = createArticle(unique("Caption"), lead, List.of());
        call(post("/api/v1/newsroom/articles/{id}/publish", id), 200);
        String before = mvc.perform(get("/api/v1/articles/{id}", id))
                .andReturn()
                .getResponse()
                .getHeader("ETag");

        call(
                put("/api/v1/newsroom/images/{id}", lead)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caption\": \"Corrected caption\"}"),
                200);

        MockHttpServletResponse after = mvc.perform(get("/api/v1/articles/{id}", id))
                .andExpect(jsonPath("$.leadImage.caption").value("Corrected caption"))
                .andReturn()
                .getResponse();
        assertThat(after.getHeader("ETag")).isNotEqualTo(before);
    }

    @Test
    void anArticleWithoutPictureHasANullLeadImage() throws Exception {
        long id = createArticle(unique("Plain"), null, List.of());
        call(post("/api/v1/newsroom/articles/{id}/publish", id), 200);

        JsonNode article =
                read(mvc.perform(get("/api/v1/articles/{id}", id)).andReturn().getResponse());

        assertThat(article.has("leadImage"))
                .as("every member is written, nulls included")
                .isTrue();
        assertThat(article.get("leadImage").isNull()).isTrue();
    }

    private static void assertLeadImage(JsonNode leadImage, String largest) {
        assertThat(leadImage).as("leadImage").isNotNull();
        assertThat(leadImage.get("url").asString()).isEqualTo("http://localhost:8080/media/" + largest);
        assertThat(leadImage.get("width").asInt()).isEqualTo(1280);
        assertThat(leadImage.get("height").asInt()).isEqualTo(720);
        assertThat(leadImage.get("caption").asString()).isEqualTo("Lead caption");
        assertThat(leadImage.get("credit").asString()).isEqualTo("Lead credit");
        assertThat(leadImage.get("alt").asString()).isEqualTo("Lead alt");
        assertThat(leadImage.get("renditions").findValues("width"))
                .extracting(JsonNode::asInt)
                .containsExactly(320, 640, 1280);
        assertThat(leadImage.get("renditions").get(0).get("url").asString()).startsWith("http://localhost:8080/media/");
    }

    private static JsonNode itemWithId(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + items);
    }

    private long uploadedImage() throws Exception {
        return read(upload(file("p.png", "image/png", MediaFixtures.png(400, 225)), 201))
                .get("id")
                .asLong();
    }

    private long createArticle(String headline, Long leadImageId, List<Long> imageIds) throws Exception {
        return read(call(
                        post("/api/v1/newsroom/articles")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(articleRequest(headline, leadImageId, imageIds))),
                        201))
                .get("id")
                .asLong();
    }

    private Map<String, Object> articleRequest(String headline, Long leadImageId, List<Long> imageIds)
            throws Exception {
        String topic = read(call(
                        post("/api/v1/newsroom/topics")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(Map.of("name", unique("Media")))),
                        201))
                .get("slug")
                .asString();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("headline", headline);
        request.put("body", "<p>" + headline + "</p>");
        request.put("language", "en");
        request.put("topics", List.of(topic));
        request.put("leadImageId", leadImageId);
        request.put("imageIds", imageIds);
        return request;
    }

    private static MockMultipartFile file(String name, String type, byte[] bytes) {
        return new MockMultipartFile("file", name, type, bytes);
    }

    private MockHttpServletResponse upload(MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/api/v1/newsroom/images").file(file).header("Authorization", editor))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse upload(MockMultipartFile file, int expected) throws Exception {
        return upload(file, expected, Map.of());
    }

    private MockHttpServletResponse upload(MockMultipartFile file, int expected, Map<String, String> fields)
            throws Exception {
        var request = multipart("/api/v1/newsroom/images").file(file);
        fields.forEach(request::param);
        MockHttpServletResponse response =
                mvc.perform(request.header("Authorization", editor)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response;
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, int expected) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.header("Authorization", editor)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response;
    }

    private static void expectProblem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private JsonNode read(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    private long imageCount() {
        return jdbc.sql("select count(*) from image").query(Long.class).single();
    }

    private static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A word no other article has, so that search finds exactly this one. */
    private static String letters() {
        StringBuilder word = new StringBuilder("pic");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
