package io.dateline.article;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The responses of the two content writes, PUT and PATCH, which differ only in their body. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "The new state, with its ETag")
@ApiResponse(
        responseCode = "400",
        description = "Invalid fields, unknown or read-only properties",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(
        responseCode = "404",
        description = "No such article",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(
        responseCode = "412",
        description = "The article changed since that ETag",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(
        responseCode = "422",
        description = "Unknown topic or related article",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(
        responseCode = "428",
        description = "If-Match missing",
        content = @Content(mediaType = "application/problem+json"))
@interface ArticleWriteResponses {}
