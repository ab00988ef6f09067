-- Long imports run as jobs; a job keeps its progress per unit (a day, a feed) so that it can be
-- shown, cancelled, and resumed after the last recorded unit when its instance stopped or died.
create table job (
    id                 bigint generated always as identity primary key,
    kind               text        not null,
    source             text        not null,
    parameters         jsonb       not null,
    state              text        not null
        check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED')),
    cancel_requested   boolean     not null default false,
    units_total        integer     not null default 0,
    units_done         integer     not null default 0,
    last_unit          text,
    inserted           integer     not null default 0,
    updated            integer     not null default 0,
    unchanged          integer     not null default 0,
    failure_count      integer     not null default 0,
    -- the first failures as [{"unit": ..., "reason": ...}]; failure_count counts them all
    failures           jsonb       not null default '[]',
    error              text,
    owner              text        not null,
    -- counts the runs (a resume is a new run); a run records units only while it is the latest, so
    -- a stalled thread of an earlier run cannot write next to the one that resumed it
    run                integer     not null default 0,
    heartbeat_at       timestamptz not null,
    created_at         timestamptz not null,
    started_at         timestamptz,
    -- the current run (a resume starts a new one): what the estimate of time left is based on
    run_started_at     timestamptz,
    run_units_at_start integer     not null default 0,
    finished_at        timestamptz
);

-- One queued or running job per source, whichever instance started it.
create unique index job_one_active_per_source on job (source) where state in ('QUEUED', 'RUNNING');

create index job_by_kind on job (kind, id desc);

-- The sweep for jobs whose instance died looks only at active jobs.
create index job_active_heartbeat on job (heartbeat_at) where state in ('QUEUED', 'RUNNING');
