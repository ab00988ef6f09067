-- The outcome of the latest import per source, shared by all instances, shown by the currencyRates
-- health contributor.
create table currency_import_status (
    source          varchar(3)   primary key check (source in ('CBR', 'ECB')),
    last_attempt_at timestamptz  not null,
    last_outcome    varchar(8)   not null check (last_outcome in ('SUCCESS', 'FAILURE')),
    last_success_at timestamptz,
    last_failure_at timestamptz,
    last_failure    varchar(500)
);
