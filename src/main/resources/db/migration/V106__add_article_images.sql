-- An article's pictures: one lead image on the article row (read by every feed and search page with
-- a primary-key probe of image per returned row), and the pictures its body embeds, in order.
-- Deleting an image that a published article uses is refused by the application (409); for drafts
-- and archived articles the reference goes with the image.
alter table article add column lead_image_id bigint references image (id) on delete set null;

-- "which articles use this image", for that 409
create index article_lead_image_idx on article (lead_image_id) where lead_image_id is not null;

create table article_image (
    article_id bigint  not null references article (id) on delete cascade,
    position   integer not null check (position >= 0),
    image_id   bigint  not null references image (id) on delete cascade,
    primary key (article_id, position)
);

create index article_image_image_idx on article_image (image_id);
