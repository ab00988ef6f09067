package io.dateline.syndication;

import java.util.List;

record PartnerList(List<PartnerResponse> items) {}
