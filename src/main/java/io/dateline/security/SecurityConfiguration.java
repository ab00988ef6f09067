package io.dateline.security;

import io.dateline.platform.HttpProperties;
import io.dateline.platform.ProblemResponseWriter;
import io.dateline.platform.RequestSizeLimitFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Stateless bearer-token security, by URL: /newsroom for editors (purging for admins), /admin for
 * admins, /me for any signed-in caller, other reads anonymous and other writes for editors.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Filters added to the chain, in order: refused-token budget, authentication, path budgets,
     * authorization, then the body-size limit, so that a body is only read for a caller allowed to
     * send it.
     */
    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            AuthenticationManagerResolver<HttpServletRequest> authenticationManagers,
            AuthenticationEntryPoint entryPoint,
            AccessDeniedHandler accessDeniedHandler,
            RequestMatcher managementPort,
            RateLimits rateLimits,
            HttpProperties httpProperties,
            ProblemResponseWriter problems)
            throws Exception {
        http.addFilterBefore(rateLimits.beforeAuthentication(), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(rateLimits.afterAuthentication(), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RequestSizeLimitFilter(httpProperties, problems), AuthorizationFilter.class);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> {})
                .oauth2ResourceServer(oauth -> oauth.authenticationManagerResolver(authenticationManagers)
                        .bearerTokenResolver(bearerTokenResolver())
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDeniedHandler))
                .authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                                .permitAll()
                                .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
                                .permitAll()
                                .requestMatchers(managementPort)
                                .permitAll()
                                .requestMatchers(EndpointRequest.toAnyEndpoint())
                                .hasRole("ADMIN")
                                .requestMatchers("/error")
                                .permitAll()
                                .requestMatchers("/api/v1/admin/**")
                                .hasRole("ADMIN")
                                .requestMatchers("/api/v1/newsroom/articles/*/purge")
                                .hasRole("ADMIN")
                                .requestMatchers("/api/v1/newsroom/**")
                                .hasRole("EDITOR")
                                .requestMatchers("/api/v1/me/**")
                                .authenticated()
                                .requestMatchers(HttpMethod.POST, "/api/v1/readers")
                                .permitAll()
                                .requestMatchers(HttpMethod.GET, "/**")
                                .permitAll()
                                .requestMatchers(HttpMethod.HEAD, "/**")
                                .permitAll()
                                .requestMatchers(HttpMethod.OPTIONS, "/**")
                                .permitAll()
                                .anyRequest()
                                .hasRole("EDITOR"));
        return http.build();
    }

    static BearerTokenResolver bearerTokenResolver() {
        return new DefaultBearerTokenResolver();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name())
                .implies(Role.EDITOR.name())
                .role(Role.EDITOR.name())
                .implies(Role.READER.name())
                .build();
    }

    /**
     * Tokens the service issued are looked up in the database; when an identity provider is
     * configured (spring.security.oauth2.resourceserver.jwt.*), anything shaped like a JWT is
     * verified by it instead, strictly (see {@link StrictJwt}), with roles taken from a configurable
     * claim.
     */
    @Bean
    AuthenticationManagerResolver<HttpServletRequest> authenticationManagers(
            TokenService tokens, ObjectProvider<JwtDecoder> jwtDecoder, SecurityProperties properties) {
        AuthenticationManager opaque =
                new OpaqueTokenAuthenticationProvider(new DatabaseTokenIntrospector(tokens))::authenticate;
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder == null) {
            return request -> opaque;
        }
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(properties.jwtRolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(StrictJwt.decoder(decoder, properties));
        provider.setJwtAuthenticationConverter(converter);
        AuthenticationManager jwt = provider::authenticate;
        BearerTokenResolver resolver = bearerTokenResolver();
        return request -> {
            String token = resolver.resolve(request);
            return token != null && token.chars().filter(c -> c == '.').count() == 2 ? jwt : opaque;
        };
    }

    @Bean
    AuthenticationEntryPoint problemEntryPoint(ProblemResponseWriter problems) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "Unauthorized",
                    "A valid bearer token is required: it is missing, unknown, expired or revoked.");
        };
    }

    @Bean
    AccessDeniedHandler problemAccessDeniedHandler(ProblemResponseWriter problems) {
        return (request, response, exception) -> problems.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "Your token's role does not allow this operation.");
    }

    /**
     * Requests that arrive on a separate management port (management.server.port) are trusted: that
     * port is meant to be reachable only from inside the operator's network, e.g. by Prometheus.
     */
    @Bean
    RequestMatcher managementPort(ServerProperties server, ObjectProvider<ManagementServerProperties> management) {
        ManagementServerProperties properties = management.getIfAvailable();
        Integer port = properties == null ? null : properties.getPort();
        Integer serverPort = server.getPort();
        if (port == null || port <= 0 || port.equals(serverPort)) {
            return request -> false;
        }
        return request -> request.getLocalPort() == port;
    }
}
