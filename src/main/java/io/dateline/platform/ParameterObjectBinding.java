package io.dateline.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds a {@code @ParameterObject} record (the query parameters of a stream or a search) from the
 * request's parameters, one per record component of the same name, and validates it.
 *
 * <p>Spring MVC binds such a record through its data binder, which looks up the constructor's
 * parameters, their generic types, nullness and annotations by reflection on every request: a
 * quarter of the CPU of a cached feed page (bench/results). Here that metadata is read once per
 * record type. The values go through the same conversion service ({@code @DateTimeFormat}, a
 * single value split at commas into a list, an empty value as null), and the errors have the
 * shape binding and Bean Validation give everywhere else: "has an invalid value" for a value that
 * does not convert (reported alone, as Spring's binder does), else every constraint's message in
 * the order of the components, {@code language[1]} for a list element.
 * A component is added to a record with one line; nothing here changes.
 */
@Configuration(proxyBeanMethods = false)
class ParameterObjectBinding implements WebMvcConfigurer {

    // looked up at the first request: MVC's conversion service is made after its configurers
    private final Supplier<ConversionService> conversions;

    private final Supplier<Validator> validator;

    ParameterObjectBinding(
            @Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversions,
            ObjectProvider<Validator> validator) {
        this.conversions = SingletonSupplier.of(conversions::getObject);
        this.validator = SingletonSupplier.of(validator::getObject);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new Resolver());
    }

    private final class Resolver implements HandlerMethodArgumentResolver {

        private final Map<Class<?>, RecordShape> shapes = new ConcurrentHashMap<>();

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.hasParameterAnnotation(ParameterObject.class)
                    && parameter.getParameterType().isRecord();
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mavContainer,
                NativeWebRequest request,
                WebDataBinderFactory binderFactory) {
            RecordShape shape = shapes.computeIfAbsent(parameter.getParameterType(), RecordShape::of);
            ConversionService conversion = conversions.get();
            Object[] values = new Object[shape.components.size()];
            Map<String, String> errors = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                Component component = shape.components.get(i);
                String[] given = request.getParameterValues(component.name);
                if (given == null) {
                    continue;
                }
                Object source = given.length == 1 ? given[0] : given;
                try {
                    values[i] = conversion.convert(source, TypeDescriptor.forObject(source), component.type);
                } catch (ConversionException ex) {
                    errors.put(component.name, "has an invalid value");
                }
            }
            if (!errors.isEmpty()) {
                // as Spring's binder: values that do not convert are reported alone, unvalidated
                throw invalid(errors);
            }
            Object bound = shape.construct(values);
            Set<ConstraintViolation<Object>> violations = validator.get().validate(bound);
            if (!violations.isEmpty()) {
                violations.stream()
                        .map(violation -> Map.entry(fieldOf(violation.getPropertyPath()), violation.getMessage()))
                        .sorted(Comparator.comparingInt(
                                        (Map.Entry<String, String> error) -> shape.indexOf(rootOf(error.getKey())))
                                .thenComparing(Map.Entry::getKey)
                                .thenComparing(Map.Entry::getValue))
                        .forEach(error -> errors.putIfAbsent(error.getKey(), error.getValue()));
                throw invalid(errors);
            }
            return bound;
        }
    }

    private static InvalidFieldsException invalid(Map<String, String> errors) {
        List<Map<String, Object>> list = new ArrayList<>();
        errors.forEach((field, message) -> list.add(Map.of("field", field, "message", message)));
        return new InvalidFieldsException(list);
    }

    /** As Spring names a field in a binding result: {@code limit}, {@code language[0]}. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && !field.isEmpty()) {
                field.append('[');
                if (node.getIndex() != null) {
                    field.append(node.getIndex());
                } else if (node.getKey() != null) {
                    field.append(node.getKey());
                }
                field.append(']');
            }
            String name = node.getName();
            if (name != null && node.getKind() == ElementKind.PROPERTY && !name.startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.toString();
    }

    private static String rootOf(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    private record Component(String name, TypeDescriptor type) {}

    /** What binding a record type needs, read once: its canonical constructor and typed components. */
    private record RecordShape(Constructor<?> constructor, List<Component> components) {

        static RecordShape of(Class<?> type) {
            RecordComponent[] parts = type.getRecordComponents();
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                List<Component> components = new ArrayList<>();
                for (int i = 0; i < parts.length; i++) {
                    // the constructor parameter carries the component's annotations (@DateTimeFormat)
                    // and its generic type (List<String>), which the conversion needs
                    components.add(new Component(
                            parts[i].getName(), new TypeDescriptor(MethodParameter.forExecutable(constructor, i))));
                }
                return new RecordShape(constructor, List.copyOf(components));
            } catch (NoSuchMethodException ex) {
                throw new IllegalStateException("A record without its canonical constructor: " + type, ex);
            }
        }

        int indexOf(String name) {
            for (int i = 0; i < components.size(); i++) {
                if (components.get(i).name.equals(name)) {
                    return i;
                }
            }
            return components.size();
        }

        Object construct(Object[] values) {
            Class<?>[] types = constructor.getParameterTypes();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null && types[i].isPrimitive()) {
                    values[i] = Array.get(Array.newInstance(types[i], 1), 0);
                }
            }
            try {
                return constructor.newInstance(values);
            } catch (InvocationTargetException ex) {
                if (ex.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(ex.getCause());
            } catch (InstantiationException | IllegalAccessException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
