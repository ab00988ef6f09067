package io.dateline.feed;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The responses of every stream that the shared error responses cannot infer. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "One page of the stream")
@ApiResponse(responseCode = "304", description = "The page is unchanged since the ETag in If-None-Match")
@ApiResponse(responseCode = "422", description = "A topic slug in topic or excludeTopic does not exist")
@interface FeedErrorResponses {}
