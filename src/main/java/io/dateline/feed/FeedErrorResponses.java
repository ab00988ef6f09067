package io.dateline.feed;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.ProblemDetail;

/** The responses every stream endpoint documents besides 200. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "One page of the stream")
@ApiResponse(responseCode = "304", description = "The page is unchanged since the ETag in If-None-Match")
@ApiResponse(
        responseCode = "400",
        description = "Invalid parameter: limit out of 1..100, a bad date, or a garbled, forged or foreign cursor",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(
        responseCode = "422",
        description = "A topic slug in topic or excludeTopic does not exist",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
@interface FeedErrorResponses {}
