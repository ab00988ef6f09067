package io.dateline.topic;

import java.util.List;

record TopicList(List<TopicResponse> items) {}
