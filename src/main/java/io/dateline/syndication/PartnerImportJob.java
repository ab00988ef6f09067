package io.dateline.syndication;

import io.dateline.job.JobCounts;
import io.dateline.job.JobPlan;
import io.dateline.job.UnitFailedException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An editor's import of every partner's feed as a job: one unit per partner with a feed, in id order,
 * so that a resumed job goes on with the partners after the last one recorded. A partner removed (or
 * left without a feed) since the job started is passed over.
 */
@Component
class PartnerImportJob implements JobPlan.Factory {

    static final String KIND = "partner-import";

    private final Partners partners;

    PartnerImportJob(Partners partners) {
        this.partners = partners;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String source(Map<String, String> parameters) {
        return "partners";
    }

    @Override
    public JobPlan<?> plan(Map<String, String> parameters) {
        return new Feeds();
    }

    private final class Feeds implements JobPlan<Partners.Fetched> {

        @Override
        public List<String> unitsAfter(@Nullable String lastUnit) {
            long after = lastUnit == null ? 0 : Long.parseLong(lastUnit);
            return partners.idsWithFeed().stream()
                    .filter(id -> id > after)
                    .map(String::valueOf)
                    .toList();
        }

        @Override
        public Partners.Fetched fetch(String unit) {
            Partners.Fetched fetched = partners.findWithFeed(Long.parseLong(unit))
                    .map(partners::fetch)
                    .orElse(null);
            if (fetched != null && fetched.failure() != null) {
                throw new UnitFailedException(fetched.failure());
            }
            return fetched;
        }

        @Override
        public JobCounts store(String unit, Partners.Fetched fetched) {
            if (fetched == null) {
                return JobCounts.NONE;
            }
            ImportResponse result = partners.store(fetched.partner(), fetched.entries());
            return new JobCounts(result.added(), 0, result.known());
        }

        @Override
        public void failed(String unit, String reason) {
            partners.findWithFeed(Long.parseLong(unit)).ifPresent(partner -> partners.failed(partner, reason));
        }
    }
}
