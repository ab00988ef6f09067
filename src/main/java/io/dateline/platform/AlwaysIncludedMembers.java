package io.dateline.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import org.springframework.stereotype.Component;

/**
 * Marks every member of a response record annotated {@code @JsonInclude(ALWAYS)} as required in
 * the OpenAPI document. Such a record is written with all its members, nulls included (the
 * application's default drops nulls, which problem details need), so "required" is true of each
 * one; the members that may be null say so with {@code @Schema(nullable = true)}, giving the type
 * {@code [..., "null"]}. Deriving it from the annotation keeps the document true for members added
 * later, without a list to maintain by hand.
 */
@Component
class AlwaysIncludedMembers implements ModelConverter {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (resolved == null || !alwaysIncluded(type)) {
            return resolved;
        }
        Schema model = resolved;
        if (resolved.get$ref() != null) {
            String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
            model = context.getDefinedModels().get(name);
        }
        if (model != null && model.getProperties() != null) {
            model.setRequired(new ArrayList<>(model.getProperties().keySet()));
        }
        return resolved;
    }

    private static boolean alwaysIncluded(AnnotatedType type) {
        if (type.getType() == null) {
            return false;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        JsonInclude include = raw.getAnnotation(JsonInclude.class);
        return include != null && include.value() == JsonInclude.Include.ALWAYS;
    }
}
