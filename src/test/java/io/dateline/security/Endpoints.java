package io.dateline.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the application maps, read from the handler mappings themselves (controllers,
 * springdoc and the exposed actuator endpoints), so that a test built on this list cannot miss a
 * new one.
 */
final class Endpoints {

    /** One method and path of one handler; {@code method} is null for a mapping that takes any method. */
    record Endpoint(RequestMethod method, String pattern, HandlerMethod handler, RequestMappingInfo info) {

        String key() {
            return (method == null ? "ANY" : method.name()) + " " + pattern;
        }

        @Override
        public String toString() {
            return key() + " " + conditions() + " -> " + handler.getShortLogMessage();
        }

        String conditions() {
            List<String> parts = new ArrayList<>();
            if (!info.getParamsCondition().isEmpty()) {
                parts.add("params " + info.getParamsCondition().getExpressions());
            }
            if (!info.getProducesCondition().isEmpty()) {
                parts.add("produces " + info.getProducesCondition().getExpressions());
            }
            return String.join(", ", parts);
        }
    }

    private Endpoints() {}

    static List<Endpoint> of(ApplicationContext context) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint(null, pattern, handler, info));
                    }
                    for (RequestMethod method : methods) {
                        endpoints.add(new Endpoint(method, pattern, handler, info));
                    }
                }
            });
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::key));
        return endpoints;
    }
}
