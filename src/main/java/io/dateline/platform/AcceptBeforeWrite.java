package io.dateline.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a write whose Accept header rules out JSON before the handler runs, with a 406. Spring
 * negotiates the response type only once the handler has returned, so such a write would otherwise
 * be carried out and then answered 406: a reader registered whose token nobody ever sees, an article
 * created that its author believes refused. Every write of this API answers JSON or problem+json.
 */
@Configuration(proxyBeanMethods = false)
class AcceptBeforeWrite implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private static final List<MediaType> WRITES_ANSWER = List.of(MediaType.APPLICATION_JSON);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        String accept = request.getHeader("Accept");
        if (!(handler instanceof HandlerMethod)
                || request.getDispatcherType() != DispatcherType.REQUEST
                || READS.contains(request.getMethod())
                || accept == null
                || accept.isBlank()) {
            return true;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unparsable) {
            throw new HttpMediaTypeNotAcceptableException("The Accept header cannot be parsed.");
        }
        boolean json = acceptable.stream()
                .anyMatch(type -> type.getQualityValue() > 0
                        && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                                || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
        if (!json) {
            throw new HttpMediaTypeNotAcceptableException(WRITES_ANSWER);
        }
        return true;
    }
}
