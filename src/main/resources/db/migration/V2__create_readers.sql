-- A reader is one install of a mobile app: an anonymous identity that owns its preferences.
create table reader (
    id         uuid primary key,
    created_at timestamptz not null
);
