-- Responses to POSTs sent with an Idempotency-Key, per caller, so that a retried request gets the
-- first response instead of a second article. Rows expire (dateline.newsroom.idempotency-ttl).
create table idempotency_key (
    principal       varchar(100) not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    status          integer,
    location        varchar(500),
    etag            varchar(100),
    body            text,
    created_at      timestamptz  not null,
    primary key (principal, idempotency_key)
);

create index idempotency_key_created_idx on idempotency_key (created_at);
