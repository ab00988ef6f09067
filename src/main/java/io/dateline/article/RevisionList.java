package io.dateline.article;

import java.util.List;

record RevisionList(List<RevisionSummary> items) {}
