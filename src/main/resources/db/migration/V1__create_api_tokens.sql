-- Bearer tokens issued by the service. Only a SHA-256 of the secret is stored: tokens carry 256
-- random bits, so a fast hash is enough (there is nothing to brute-force) and lookups stay O(log n).
create table api_token (
    id           uuid primary key,
    name         varchar(100) not null,
    role         varchar(16)  not null check (role in ('READER', 'EDITOR', 'ADMIN')),
    token_hash   varchar(64)  not null,
    subject      varchar(64),
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

create unique index api_token_hash_uidx on api_token (token_hash);
-- "is there an active admin?" at startup, and the admin listing
create index api_token_role_idx on api_token (role, created_at) where revoked_at is null;
