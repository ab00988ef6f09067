package io.dateline.platform;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * OpenAPI has one operation per path and method, but some of our URLs have variants chosen by a
 * query parameter or the Accept header (the public article and its editor view, All news and the
 * editors' list by status, archive and purge, JSON and ninjs). springdoc merges each such family
 * into one operation, with the selectors as required parameters and whichever summary came first.
 * This puts the default variant (the one selected by no parameter) in front: its summary,
 * description, response schema and, where it is anonymous, optional security; the other variants
 * are described in the text, and their selector parameters become optional.
 */
class OpenApiVariants implements OpenApiCustomizer {

    private final RequestMappingHandlerMapping mappings;

    OpenApiVariants(RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    private record Variant(
            HandlerMethod handler, Set<String> selectors, boolean producesSomething, Set<String> produces) {

        io.swagger.v3.oas.annotations.Operation operation() {
            return handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        }

        boolean secured() {
            return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), SecurityRequirement.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), SecurityRequirement.class);
        }

        String selector() {
            return selectors.stream().sorted().collect(Collectors.joining(", "));
        }
    }

    @Override
    public void customise(OpenAPI api) {
        Map<String, List<Variant>> families = new LinkedHashMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<String> selectors = info.getParamsCondition().getExpressions().stream()
                    .filter(expression -> !expression.isNegated())
                    .map(OpenApiVariants::selector)
                    .collect(Collectors.toSet());
            Set<String> produces = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .map(Object::toString)
                    .collect(Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    families.computeIfAbsent(method.name() + " " + pattern, key -> new ArrayList<>())
                            .add(new Variant(handler, selectors, !produces.isEmpty(), produces));
                }
            }
        });
        Set<String> operationIds = new HashSet<>();
        if (api.getPaths() != null) {
            api.getPaths()
                    .values()
                    .forEach(item -> item.readOperations().forEach(operation -> {
                        if (operation.getOperationId() != null) {
                            operationIds.add(operation.getOperationId());
                        }
                    }));
        }
        families.forEach((key, variants) -> {
            if (variants.size() < 2) {
                return;
            }
            String[] parts = key.split(" ", 2);
            PathItem item = api.getPaths() == null ? null : api.getPaths().get(parts[1]);
            Operation operation =
                    item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(parts[0]));
            if (operation != null) {
                rewrite(api, operation, variants, operationIds);
            }
        });
    }

    private void rewrite(OpenAPI api, Operation operation, List<Variant> variants, Set<String> operationIds) {
        List<Variant> ordered = new ArrayList<>(variants);
        ordered.sort(
                Comparator.comparing((Variant variant) -> variant.selectors().size())
                        .thenComparing(Variant::producesSomething)
                        .thenComparing(variant -> variant.handler().getMethod().getName()));
        Variant main = ordered.get(0);
        Set<String> selectorNames = new HashSet<>();
        StringBuilder description = new StringBuilder();
        io.swagger.v3.oas.annotations.Operation documented = main.operation();
        if (documented != null) {
            operation.setSummary(documented.summary());
            description.append(documented.description());
        }
        description.append("\n\nVariants of this operation:");
        for (Variant variant : ordered.subList(1, ordered.size())) {
            variant.selectors().forEach(selector -> selectorNames.add(selector.split("=", 2)[0]));
            io.swagger.v3.oas.annotations.Operation other = variant.operation();
            String selector = variant.selectors().isEmpty()
                    ? "Accept: " + String.join(", ", variant.produces())
                    : variant.selector();
            description.append("\n- ").append(selector).append(": ");
            if (other != null) {
                description.append(other.summary()).append(". ").append(other.description());
            }
            if (variant.secured()) {
                description.append(" Needs a bearer token.");
            }
        }
        operation.setDescription(description.toString());
        Tag tag = AnnotatedElementUtils.findMergedAnnotation(main.handler().getBeanType(), Tag.class);
        if (tag != null) {
            operation.setTags(new ArrayList<>(List.of(tag.name())));
        }
        operationIds.remove(operation.getOperationId());
        String id = main.handler().getMethod().getName();
        String unique = id;
        for (int n = 1; operationIds.contains(unique); n++) {
            unique = id + "_" + n;
        }
        operationIds.add(unique);
        operation.setOperationId(unique);
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (selectorNames.contains(parameter.getName())
                        && !main.selectors().contains(parameter.getName())) {
                    parameter.setRequired(false);
                }
            }
        }
        if (!main.secured() && operation.getSecurity() != null) {
            List<io.swagger.v3.oas.models.security.SecurityRequirement> security =
                    new ArrayList<>(List.of(new io.swagger.v3.oas.models.security.SecurityRequirement()));
            operation.getSecurity().stream()
                    .filter(requirement -> !requirement.isEmpty())
                    .forEach(security::add);
            operation.setSecurity(security);
        }
        // A typed client cannot choose a schema by content type, and would send every listed type in
        // Accept: a variant chosen by Accept alone is described in the text, not as content.
        Set<String> secondaryTypes = new HashSet<>();
        ordered.subList(1, ordered.size()).forEach(variant -> secondaryTypes.addAll(variant.produces()));
        secondaryTypes.removeAll(main.produces());
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> {
                if (response.getContent() != null) {
                    secondaryTypes.forEach(response.getContent()::remove);
                }
            });
        }
        if (main.produces().isEmpty()) {
            // the default variant answers JSON: types documented only by other variants go too
            successResponse(operation)
                    .filter(response -> response.getContent() != null)
                    .ifPresent(response ->
                            response.getContent().keySet().removeIf(type -> !type.equals("application/json")));
        }
        mainSchema(api, main)
                .ifPresent(schema -> successResponse(operation).ifPresent(response -> {
                    Content content = response.getContent() == null ? new Content() : response.getContent();
                    MediaType json = content.getOrDefault("application/json", new MediaType());
                    json.setSchema(schema);
                    content.addMediaType("application/json", json);
                    response.setContent(content);
                }));
    }

    private static java.util.Optional<ApiResponse> successResponse(Operation operation) {
        return operation.getResponses() == null
                ? java.util.Optional.empty()
                : operation.getResponses().entrySet().stream()
                        .filter(entry -> entry.getKey().startsWith("2"))
                        .map(Map.Entry::getValue)
                        .findFirst();
    }

    /** The schema springdoc gave the main variant's body type, when the document has it. */
    @SuppressWarnings("rawtypes")
    private static java.util.Optional<Schema> mainSchema(OpenAPI api, Variant main) {
        ResolvableType type = ResolvableType.forMethodReturnType(main.handler().getMethod());
        if (ResponseEntity.class.isAssignableFrom(type.toClass())) {
            type = type.getGeneric(0);
        }
        Type body = type.getType();
        if (body == null || type.toClass() == Void.class || type.toClass() == String.class) {
            return java.util.Optional.empty();
        }
        ResolvedSchema resolved = ModelConverters.getInstance().resolveAsResolvedSchema(new AnnotatedType(body));
        if (resolved == null || resolved.schema == null || resolved.schema.getName() == null) {
            return java.util.Optional.empty();
        }
        String name = resolved.schema.getName();
        if (api.getComponents() == null) {
            return java.util.Optional.empty();
        }
        // The merged operation may have kept another variant's schema, so the main one can be missing.
        if (api.getComponents().getSchemas() == null
                || !api.getComponents().getSchemas().containsKey(name)) {
            api.getComponents().addSchemas(name, resolved.schema);
            resolved.referencedSchemas.forEach(
                    (referenced, schema) -> api.getComponents().getSchemas().putIfAbsent(referenced, schema));
        }
        return java.util.Optional.of(new Schema<>().$ref("#/components/schemas/" + name));
    }

    private static String selector(NameValueExpression<String> expression) {
        return expression.getValue() == null
                ? expression.getName()
                : expression.getName() + "=" + expression.getValue();
    }
}
