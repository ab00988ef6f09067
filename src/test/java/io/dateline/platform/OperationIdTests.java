package io.dateline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.dateline.IntegrationTest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Operation ids are the method names of every generated client, so they must be chosen, not
 * defaulted: springdoc falls back to the Java method name ({@code list}, {@code create}) and numbers
 * the clashes ({@code create_1}, {@code list2}), names that change whenever a handler is renamed or
 * another one is added. A handler without an explicit id is found from the handler mappings, not
 * guessed from the document, where a defaulted id cannot be told from a chosen one.
 */
@IntegrationTest
class OperationIdTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiHandlerNamesItsOperation() {
        Set<String> unnamed = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().noneMatch(pattern -> pattern.startsWith("/api/"))) {
                return;
            }
            Operation operation = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Operation.class);
            if (operation == null || operation.operationId().isBlank()) {
                unnamed.add(handler.getBeanType().getSimpleName() + "#"
                        + handler.getMethod().getName() + " " + info.getPatternValues());
            }
        });

        assertThat(unnamed).as("handlers without @Operation(operationId = ...)").isEmpty();
    }

    @Test
    void operationIdsAreUniqueAndLookChosen() throws Exception {
        String spec =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        OpenAPI api = new OpenAPIV3Parser().readContents(spec).getOpenAPI();
        Map<String, List<String>> byId = new HashMap<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> byId.computeIfAbsent(
                                        String.valueOf(operation.getOperationId()), id -> new ArrayList<>())
                                .add(method + " " + path)));

        List<String> problems = new ArrayList<>();
        byId.forEach((id, operations) -> {
            if (operations.size() > 1) {
                problems.add(id + " is shared by " + operations);
            }
            // camelCase verbNoun; a trailing number is springdoc's way of telling clashing defaults apart
            if (!id.matches("[a-z]+[A-Z][A-Za-z]*")) {
                problems.add(id + " (" + operations + ") is not a camelCase verb and noun without digits");
            }
        });

        assertThat(problems).isEmpty();
    }
}
