-- Official rates exactly as the banks publish them: CBR gives "value" roubles for "nominal" units of
-- the currency; the ECB gives "value" units of the currency for one euro (nominal is always 1).
-- value is an unconstrained numeric so that the published digits are kept as they are.
create table exchange_rate (
    source        varchar(3)  not null check (source in ('CBR', 'ECB')),
    rate_date     date        not null,
    currency_code varchar(3)  not null references currency (code),
    nominal       integer     not null check (nominal > 0),
    value         numeric     not null check (value > 0),
    imported_at   timestamptz not null,
    primary key (source, rate_date, currency_code)
);

-- The primary key serves "the table of a date" and "latest date of a source"; this one serves a
-- currency's series (history charts, conversions that fall back to an earlier date).
create index exchange_rate_series_idx on exchange_rate (source, currency_code, rate_date);
