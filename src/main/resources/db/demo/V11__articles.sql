-- Demo articles, written for this data set. Each is published, with two revisions (CREATED as a
-- draft, then PUBLISHED) whose snapshots have the shape the application writes, so that the
-- revision endpoints and restore work on them as on any other article.
create temp table demo_article (
    slug         text,
    language     text,
    headline     text,
    lead         text,
    dateline     text,
    byline       text,
    time_zone    text,
    hours_ago    numeric,
    pages        text[],
    topics       text[],
    links        jsonb,
    related_slug text
) on commit drop;

insert into demo_article values
(
    'moscow-hosts-regional-talks-on-caspian-water-monitoring', 'en',
    'Moscow hosts regional talks on Caspian water monitoring',
    'Experts from the five Caspian states agreed to share sea level and water quality readings every month.',
    'MOSCOW', 'Dateline staff', 'Europe/Moscow', 2,
    array['<p>MOSCOW. Delegations from the five countries bordering the Caspian Sea met in Moscow on Tuesday to discuss a joint programme for monitoring the sea''s level and water quality.</p><p>The participants agreed to exchange readings from coastal stations every month and to publish a common annual report, the foreign ministry said after the meeting.</p><p>The next round of consultations is planned for the spring.</p>'],
    array['russian-politics-diplomacy', 'world'],
    '[{"title": "Caspian Sea level: what the measurements show", "url": "https://example.org/caspian/sea-level", "sourceName": "Example Science Review"}]',
    null
),
(
    'port-of-st-petersburg-reports-record-autumn-container-traffic', 'en',
    'Port of St. Petersburg reports record autumn container traffic',
    'Container handling grew by a tenth compared with the same months last year, the port authority said.',
    'ST. PETERSBURG', 'Dateline staff', 'Europe/Moscow', 7,
    array[
        '<p>ST. PETERSBURG. The Big Port of St. Petersburg handled more containers in September, October and November than in any autumn before, the port authority said on Wednesday.</p><p>Terminal operators attributed the growth to new regular lines and to longer opening hours of the rail terminals.</p>',
        '<h2>Rail connections</h2><p>Almost half of the containers now leave the port by rail, up from a third five years ago.</p><p>The authority expects the new rail yard, due to open next year, to shorten the average stay of a container in the port by a day.</p>'
    ],
    array['business-economy'],
    '[]',
    null
),
(
    'v-moskve-otkrylas-vystavka-severnoy-grafiki', 'ru',
    'В Москве открылась выставка северной графики',
    'Более двухсот гравюр и рисунков художников Русского Севера показывают в Москве впервые.',
    'МОСКВА', 'Редакция Dateline', 'Europe/Moscow', 20,
    array['<p>МОСКВА. В Москве в среду открылась выставка графики художников Русского Севера. Более двухсот гравюр и рисунков из музеев Архангельска, Вологды и Петрозаводска показывают в столице впервые.</p><p>Выставка продлится до конца февраля, вход для школьников бесплатный.</p>'],
    array['society-culture'],
    '[]',
    null
),
(
    'cargo-spacecraft-docks-with-orbital-station-after-two-day-flight', 'en',
    'Cargo spacecraft docks with orbital station after two-day flight',
    'The ship delivered fuel, water, food and scientific equipment to the crew.',
    'MOSCOW', 'Dateline staff', 'Europe/Moscow', 30,
    array['<p>MOSCOW. A cargo spacecraft launched from Baikonur on Monday docked with the orbital station in automatic mode, mission control said.</p><p>The ship brought about two and a half tonnes of cargo, including fuel for the station''s engines, drinking water, food and equipment for biology experiments.</p>'],
    array['science-space'],
    '[]',
    null
),
(
    'storm-warning-issued-for-primorye-coast', 'en',
    'Storm warning issued for Primorye coast as typhoon remnants approach',
    'Forecasters expect gusts of up to 30 metres per second and heavy rain on Thursday night.',
    'VLADIVOSTOK', 'Dateline staff', 'Asia/Vladivostok', 40,
    array['<p>VLADIVOSTOK. The regional weather service issued a storm warning for the coast of Primorye, where the remnants of a typhoon are expected on Thursday night.</p><p>Ferries to the islands were cancelled, and the emergencies ministry asked residents to stay away from the shore.</p>'],
    array['emergencies'],
    '[]',
    null
),
(
    'kazan-to-host-junior-fencing-championship', 'en',
    'Kazan to host junior fencing championship next spring',
    'About four hundred young fencers are expected at the competition.',
    'KAZAN', 'Dateline staff', 'Europe/Moscow', 55,
    array['<p>KAZAN. Kazan will host the national junior fencing championship in April, the organisers announced.</p><ul><li>Foil, sabre and epee</li><li>Individual and team events</li><li>About 400 athletes under 20</li></ul>'],
    array['sports'],
    '[]',
    null
),
(
    'delegations-resume-consultations-on-humanitarian-corridors', 'en',
    'Delegations resume consultations on humanitarian corridors',
    'The talks in Geneva focus on the delivery of food and medicine to areas cut off by fighting.',
    'GENEVA', 'Dateline staff', 'Europe/Zurich', 70,
    array['<p>GENEVA. Delegations resumed consultations in Geneva on Friday on opening humanitarian corridors for food and medicine.</p><p>A Russian diplomat said the sides were close to agreeing on the inspection procedure for aid convoys.</p>'],
    array['world', 'russian-politics-diplomacy'],
    '[{"title": "Aid agencies call for safe access", "url": "https://example.org/aid/access", "sourceName": "Example Humanitarian Monitor"}]',
    'moscow-hosts-regional-talks-on-caspian-water-monitoring'
),
(
    'novosibirskie-uchyonye-ispytali-detektor-dlya-neytrinnogo-teleskopa', 'ru',
    'Новосибирские учёные испытали детектор для нейтринного телескопа',
    'Новый модуль выдержал проверку давлением, соответствующим глубине более километра.',
    'НОВОСИБИРСК', 'Редакция Dateline', 'Asia/Novosibirsk', 80,
    array['<p>НОВОСИБИРСК. Физики из Новосибирска испытали новый оптический модуль для глубоководного нейтринного телескопа.</p><p>Модуль выдержал проверку давлением, соответствующим глубине более километра, и будет установлен в следующем сезоне.</p>'],
    array['science-space'],
    '[]',
    null
),
(
    'defense-ministry-publishes-schedule-of-winter-exercises', 'en',
    'Defense ministry publishes schedule of winter exercises',
    'Most of the drills will take place in January and February at training grounds in central Russia.',
    'MOSCOW', 'Dateline staff', 'Europe/Moscow', 90,
    array['<p>MOSCOW. The defense ministry published the schedule of its winter training period, which begins in December.</p><p>Most exercises will be held at training grounds in central Russia; the ministry said foreign military attaches would be invited to two of them.</p>'],
    array['military-defense'],
    '[]',
    null
);

insert into article (slug, language, headline, lead, body_text, page_count, dateline, source, byline, time_zone,
                     status, published_at, first_published_at, created_at, updated_at, version)
select d.slug, d.language, d.headline, d.lead,
       (select string_agg(btrim(regexp_replace(regexp_replace(p.html, '<[^>]+>', ' ', 'g'), '\s+', ' ', 'g')),
                          E'\n\n' order by p.n)
          from unnest(d.pages) with ordinality as p(html, n)),
       cardinality(d.pages), d.dateline, 'Dateline', d.byline, d.time_zone,
       'PUBLISHED',
       date_trunc('minute', now()) - d.hours_ago * interval '1 hour',
       date_trunc('minute', now()) - d.hours_ago * interval '1 hour',
       date_trunc('minute', now()) - d.hours_ago * interval '1 hour' - interval '25 minutes',
       date_trunc('minute', now()) - d.hours_ago * interval '1 hour',
       2
  from demo_article d
 order by d.hours_ago desc;

insert into article_page (article_id, page_number, body_html)
select a.id, p.n, p.html
  from demo_article d
  join article a on a.slug = d.slug
 cross join unnest(d.pages) with ordinality as p(html, n);

insert into article_topic (article_id, topic_id, is_primary)
select a.id, t.id, s.n = 1
  from demo_article d
  join article a on a.slug = d.slug
 cross join unnest(d.topics) with ordinality as s(slug, n)
  join topic t on t.slug = s.slug;

insert into article_external_link (article_id, position, title, url, source_name)
select a.id, l.n - 1, l.link ->> 'title', l.link ->> 'url', l.link ->> 'sourceName'
  from demo_article d
  join article a on a.slug = d.slug
 cross join jsonb_array_elements(d.links) with ordinality as l(link, n);

insert into article_related (article_id, position, related_id)
select a.id, 0, r.id
  from demo_article d
  join article a on a.slug = d.slug
  join article r on r.slug = d.related_slug;

insert into article_revision (article_id, version, action, editor, created_at, snapshot)
select a.id, v.version, v.action, 'demo',
       case v.version when 1 then a.created_at else a.published_at end,
       jsonb_strip_nulls(jsonb_build_object(
           'slug', a.slug,
           'status', v.status,
           'headline', a.headline,
           'lead', a.lead,
           'pages', (select jsonb_agg(p.body_html order by p.page_number)
                       from article_page p where p.article_id = a.id),
           'dateline', a.dateline,
           'source', a.source,
           'byline', a.byline,
           'language', a.language,
           'timeZone', a.time_zone,
           'topics', (select jsonb_agg(t.slug order by at.is_primary desc, t.name)
                        from article_topic at join topic t on t.id = at.topic_id
                       where at.article_id = a.id),
           'primaryTopic', (select t.slug from article_topic at join topic t on t.id = at.topic_id
                             where at.article_id = a.id and at.is_primary),
           'externalLinks', coalesce((select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                                                 'title', l.title, 'url', l.url, 'sourceName', l.source_name))
                                             order by l.position)
                                        from article_external_link l where l.article_id = a.id), '[]'::jsonb),
           'relatedArticleIds', coalesce((select jsonb_agg(r.related_id order by r.position)
                                            from article_related r where r.article_id = a.id), '[]'::jsonb),
           'publishedAt', case v.version
                              when 2 then to_char(a.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                          end))
  from demo_article d
  join article a on a.slug = d.slug
 cross join (values (1, 'CREATED', 'DRAFT'), (2, 'PUBLISHED', 'PUBLISHED')) as v(version, action, status);
