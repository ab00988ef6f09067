package io.dateline.media;

import java.util.List;

/** A page of the editors' image list, newest first; {@code nextCursor} is null on the last page. */
record ImageList(List<ImageResponse> items, String nextCursor) {}
