package io.dateline.newsroom;

import java.util.List;

record RevisionList(List<RevisionSummary> items) {}
