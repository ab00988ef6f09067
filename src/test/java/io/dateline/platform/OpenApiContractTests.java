package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.dateline.IntegrationTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description is the contract mobile teams generate clients from, so it must be
 * complete: every endpoint present, every operation described, its errors documented as
 * problem+json, and a security requirement wherever a caller without a token is turned away. The
 * checks are generic: an endpoint added by any feature is held to them. The document is also
 * exported to target/openapi/openapi.json, from which the build generates a client.
 */
@IntegrationTest
class OpenApiContractTests {

    static final Path EXPORT = Path.of("target", "openapi", "openapi.json");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String spec;

    OpenAPI api;

    @BeforeEach
    void readAndExport() throws Exception {
        spec = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Files.createDirectories(EXPORT.getParent());
        Files.writeString(EXPORT, spec, StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(spec, null, options);
        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        api = result.getOpenAPI();
    }

    @Test
    void theSpecParsesWithoutErrors() {
        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(api.getInfo().getTitle()).isEqualTo("Dateline API");
        assertThat(api.getComponents().getSecuritySchemes()).containsKey("bearer");
    }

    @Test
    void everyApiEndpointIsDescribed() {
        Set<String> missing = new TreeSet<>();
        mappings.getHandlerMethods()
                .forEach((info, method) -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/api/"))
                        .filter(pattern -> !api.getPaths().containsKey(pattern))
                        .forEach(pattern -> missing.add(pattern + " (" + method + ")")));

        assertThat(missing).as("endpoints missing from the OpenAPI description").isEmpty();
    }

    @Test
    void everyOperationHasASummaryADescriptionAndDocumentedProblems() {
        List<String> gaps = new ArrayList<>();
        operations().forEach((name, operation) -> {
            if (blank(operation.getSummary())) {
                gaps.add(name + ": no summary");
            }
            if (blank(operation.getDescription())) {
                gaps.add(name + ": no description");
            }
            boolean problem = operation.getResponses().entrySet().stream()
                    .filter(response -> response.getKey().startsWith("4"))
                    .map(Map.Entry::getValue)
                    .anyMatch(OpenApiContractTests::isProblem);
            if (!problem) {
                gaps.add(name + ": no 4xx response documented as application/problem+json");
            }
            operation.getResponses().forEach((status, response) -> {
                if (blank(response.getDescription())) {
                    gaps.add(name + ": response " + status + " has no description");
                }
            });
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    if (blank(parameter.getDescription())) {
                        gaps.add(name + ": parameter " + parameter.getName() + " has no description");
                    }
                }
            }
        });

        assertThat(gaps).as("operations with documentation gaps").isEmpty();
    }

    /**
     * Asks each operation without a token: where the service answers 401, the operation must carry
     * a security requirement naming a declared scheme.
     */
    @Test
    void operationsThatNeedATokenSayWhichOne() throws Exception {
        Set<String> schemes = api.getComponents().getSecuritySchemes().keySet();
        List<String> gaps = new ArrayList<>();
        for (Map.Entry<String, Operation> entry : operations().entrySet()) {
            String[] key = entry.getKey().split(" ", 2);
            Operation operation = entry.getValue();
            int status = mvc.perform(anonymous(HttpMethod.valueOf(key[0]), key[1], operation))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            boolean declared = operation.getSecurity() != null
                    && operation.getSecurity().stream()
                            .anyMatch(requirement -> schemes.containsAll(requirement.keySet()));
            if (status == 401 && !declared) {
                gaps.add(entry.getKey() + ": answers 401 without a token but declares no security requirement");
            }
            if (status == 401 && operation.getResponses().get("401") == null) {
                gaps.add(entry.getKey() + ": answers 401 without a token but does not document it");
            }
        }

        assertThat(gaps).isEmpty();
    }

    private MockHttpServletRequestBuilder anonymous(HttpMethod method, String path, Operation operation) {
        String uri = path.replaceAll("\\{[^}]+}", "1");
        MockHttpServletRequestBuilder builder = request(method, uri);
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (Boolean.TRUE.equals(parameter.getRequired()) && "query".equals(parameter.getIn())) {
                    Object example = parameter.getExample() != null
                            ? parameter.getExample()
                            : parameter.getSchema() != null
                                    ? parameter.getSchema().getExample()
                                    : null;
                    builder.param(parameter.getName(), example == null ? "1" : example.toString());
                }
            }
        }
        if (operation.getRequestBody() != null) {
            builder.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return builder;
    }

    private Map<String, Operation> operations() {
        Map<String, Operation> operations = new java.util.TreeMap<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> operations.put(method.name() + " " + path, operation)));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    private static boolean isProblem(ApiResponse response) {
        return response.getContent() != null && response.getContent().containsKey("application/problem+json");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static PathItem.HttpMethod method(String name) {
        return PathItem.HttpMethod.valueOf(name);
    }
}
