-- The admin token list pages newest first by (created_at, id), filtered by role and state; the
-- bulk revocation of idle reader tokens looks for active readers by their last use (or issue when
-- never used). Readers are the bulk of the table, so both need an index rather than a scan.
create index api_token_listing_idx on api_token (created_at desc, id desc);
create index api_token_idle_readers_idx on api_token ((coalesce(last_used_at, created_at)))
    where role = 'READER' and revoked_at is null;
