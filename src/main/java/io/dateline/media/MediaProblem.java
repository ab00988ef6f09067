package io.dateline.media;

/** Marks the refusals of an upload, so that decoding passes them on unchanged. */
interface MediaProblem {}
