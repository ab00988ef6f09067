package io.dateline.job;

/** What storing one unit did to the rows it touched. */
public record JobCounts(int inserted, int updated, int unchanged) {

    public static final JobCounts NONE = new JobCounts(0, 0, 0);
}
