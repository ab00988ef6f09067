package io.dateline.currency;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

@Configuration(proxyBeanMethods = false)
class CurrencyWebConfiguration {

    /**
     * ETags from a hash of the response body: the read API's answers are small and their content is
     * the only version they have (a rate table may be re-imported unchanged), and If-None-Match gets
     * a 304 without a body.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> currencyEtagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/currencies", "/api/v1/currency/*");
        registration.setName("currencyEtagFilter");
        return registration;
    }
}
