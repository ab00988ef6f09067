-- One row per cluster-wide scheduled job (ShedLock's JDBC provider): the instance that holds the
-- lock and until when. Scheduled imports and clean-ups run once per cluster, not once per instance.
-- lock_until and locked_at are set from the database clock, so instances' clocks need not agree.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
