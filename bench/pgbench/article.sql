-- An article page: the row, its pages and its topics (what the article read loads)
select * from article a where a.id = :article and a.status = 'PUBLISHED' and a.published_at <= now();
select * from article_page where article_id = :article order by page_number;
select tp.slug, tp.name, x.is_primary from article_topic x join topic tp on tp.id = x.topic_id
 where x.article_id = :article order by x.is_primary desc, tp.position, tp.name;
