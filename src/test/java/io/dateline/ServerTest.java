package io.dateline;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A full application on a real port, for requests that only a real server sees (Tomcat's own
 * refusals, raw bytes). Every class with this annotation shares one Spring context. The banks'
 * addresses point at a closed local port, so that an import the tests trigger fails at once instead
 * of reaching out. One origin may call the reader API and another the newsroom, for the CORS tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dateline.currency.import.enabled=false",
            "dateline.currency.cbr.base-url=http://127.0.0.1:9",
            "dateline.currency.ecb.base-url=http://127.0.0.1:9/",
            "dateline.cors.allowed-origins=https://app.example.org",
            "dateline.cors.newsroom-allowed-origins=https://desk.example.org"
        })
@Import({TestDatabase.class, TestSecurity.class})
public @interface ServerTest {}
